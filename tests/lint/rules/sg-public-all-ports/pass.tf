resource "aws_security_group" "web" {
  name        = "web"
  description = "Web"
  vpc_id      = "vpc-0abc"

  ingress {
    description = "HTTPS"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    description = "all out"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

# The switch is off by default: HTTPS only.
variable "open_all" {
  default = false
}

resource "aws_security_group_rule" "switch" {
  type              = "ingress"
  description       = "all or https"
  security_group_id = "sg-0abc"
  from_port         = var.open_all ? 0 : 443
  to_port           = var.open_all ? 65535 : 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
}
