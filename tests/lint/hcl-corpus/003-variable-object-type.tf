variable "settings" {
  type = object({
    name    = string
    count   = optional(number, 1)
    tags    = map(string)
    subnets = list(object({ cidr = string, az = string }))
  })
}
