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
  auto_minor_version_upgrade  = false # expect
}
