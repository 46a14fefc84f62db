variable "env" {
  type        = string
  default     = "dev"
  description = "Environment"
  validation {
    condition     = contains(["dev", "prod"], var.env)
    error_message = "Must be dev or prod."
  }
}
