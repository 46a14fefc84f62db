resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "Bastion host"
  vpc_id      = "vpc-0abc"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # expect
  }
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.bastion.id
  description       = "RDP"
  cidr_ipv6         = "::/0" # expect
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
}

# EC2 reads protocol names in any case.
resource "aws_security_group_rule" "rdp_upper" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  description       = "RDP"
  protocol          = "TCP"
  from_port         = 3389
  to_port           = 3389
  cidr_blocks       = ["0.0.0.0/0"] # expect
}
