variable "db_password" {
  type    = string
  default = "hunter2hunter2"
}

resource "aws_db_instance" "main" {
  identifier              = "app"
  engine                  = "postgres"
  instance_class          = "db.t4g.micro"
  allocated_storage       = 20
  username                = "app"
  password                = var.db_password # expect
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}

resource "aws_rds_cluster" "aurora" {
  cluster_identifier      = "aurora"
  engine                  = "aurora-postgresql"
  master_username         = "app"
  master_password         = "correct-horse-battery" # expect
  storage_encrypted       = true
  deletion_protection     = true
  backup_retention_period = 7
}
