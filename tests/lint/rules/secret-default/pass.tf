variable "api_token" {
  type      = string
  sensitive = true
}

variable "api_token_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api"
}
