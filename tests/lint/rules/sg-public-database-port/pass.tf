resource "aws_security_group_rule" "postgres" {
  type                     = "ingress"
  security_group_id        = "sg-0abc"
  description              = "PostgreSQL from the app"
  from_port                = 5432
  to_port                  = 5432
  protocol                 = "tcp"
  source_security_group_id = "sg-0app"
}
