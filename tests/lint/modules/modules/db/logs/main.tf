variable "name" {
  type = string
}

variable "retention_in_days" {
  type    = number
  default = 0
}

# Its retention is the module's default unless a caller passes one: found here.
resource "aws_cloudwatch_log_group" "this" {
  name              = var.name
  retention_in_days = var.retention_in_days
}
