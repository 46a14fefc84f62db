resource "aws_security_group" "open" {
  name        = "open"
  description = "Everything"
  vpc_id      = "vpc-0abc"

  ingress {
    description = "all"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # expect
  }
}

# Ports -1 to -1 are every port, whatever the protocol.
resource "aws_security_group_rule" "any_tcp" {
  type              = "ingress"
  description       = "any tcp"
  security_group_id = "sg-0abc"
  from_port         = -1
  to_port           = -1
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect
}

# The port range is a variable whose default opens everything.
variable "open_all" {
  default = true
}

resource "aws_security_group_rule" "switch" {
  type              = "ingress"
  description       = "all or https"
  security_group_id = "sg-0abc"
  from_port         = var.open_all ? 0 : 443
  to_port           = var.open_all ? 65535 : 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect
}
