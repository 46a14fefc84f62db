variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_db_instance" "main" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  username                = "app"
  password                = var.db_password
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}
