resource "aws_db_instance" "main" {
  identifier                  = "app"
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  allocated_storage           = 20
  username                    = "app"
  manage_master_user_password = true
  storage_encrypted           = false # expect
  deletion_protection         = true
  backup_retention_period     = 7
  skip_final_snapshot         = false
}

resource "aws_rds_cluster" "aurora" { # expect
  cluster_identifier          = "aurora"
  engine                      = "aurora-postgresql"
  manage_master_user_password = true
  master_username             = "app"
  deletion_protection         = true
  backup_retention_period     = 7
}
