variable "api_token" { # expect
  type    = string
  default = "tok_live_123"
}

variable "db_password" { # expect
  type = string
}

variable "master_password" { # expect
  default = "s3cr3t-Value"
}
