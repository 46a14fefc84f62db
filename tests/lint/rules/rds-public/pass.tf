resource "aws_db_instance" "main" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  backup_retention_period     = 7
  skip_final_snapshot         = false
  publicly_accessible         = false
}

# Created only when a switch is on; it is off by default, so Terraform makes nothing.
variable "create_public_replica" {
  default = false
}

resource "aws_db_instance" "public_replica" {
  count                       = var.create_public_replica ? 1 : 0
  identifier                  = "app-public"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = true
  deletion_protection         = true
  backup_retention_period     = 7
  skip_final_snapshot         = false
  publicly_accessible         = true
}
