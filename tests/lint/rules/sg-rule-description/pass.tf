resource "aws_security_group" "web" {
  name        = "web"
  description = "Web"
  vpc_id      = "vpc-0abc"

  ingress {
    description = "HTTPS from users"
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}
