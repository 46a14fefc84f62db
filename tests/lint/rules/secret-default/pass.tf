variable "api_token" {
  type      = string
  sensitive = true
}

variable "api_token_secret_arn" {
  type    = string
  default = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api"
}

# Names that say "password" or "secret" over values that cannot be one.
variable "manage_master_user_password" {
  type    = bool
  default = true
}

variable "create_account_password_policy" {
  default = true
}

variable "max_password_age" {
  default = 0
}

variable "secret_arns" {
  type    = list(string)
  default = []
}

variable "get_password_data" {
  type    = bool
  default = false
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "CHANGE_ME"
}

# Settings about a secret, not secrets: its name prefix, how long a token lives.
variable "secret_name_prefix" {
  type    = string
  default = "app/"
}

variable "token_ttl" {
  default = "1h"
}
