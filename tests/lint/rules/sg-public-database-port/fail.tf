resource "aws_security_group_rule" "postgres" {
  type              = "ingress"
  security_group_id = "sg-0abc"
  description       = "PostgreSQL"
  from_port         = 5432
  to_port           = 5432
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect
}
