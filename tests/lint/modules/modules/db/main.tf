# A local module as terraform-aws-modules write them: its settings come from the caller.
variable "storage_encrypted" {
  type    = bool
  default = true
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  engine                      = "postgres"
  instance_class              = "db.t4g.micro"
  storage_encrypted           = var.storage_encrypted
  publicly_accessible         = var.publicly_accessible
  deletion_protection         = true
  backup_retention_period     = 7
  manage_master_user_password = true
}

module "logs" {
  source = "./logs"
  name   = "/db/postgres"
}
