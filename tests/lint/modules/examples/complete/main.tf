# Calls of the local module: what a call passes is checked at the call.
module "db" {
  source = "../../modules/db"

  storage_encrypted = false # expect rds-storage-encrypted
}

module "db_public" {
  source              = "../../modules/db"
  publicly_accessible = true # expect rds-public
}

# Never created: not checked.
module "skipped" {
  source            = "../../modules/db"
  count             = 0
  storage_encrypted = false
}

# A registry module: listed as not checked.
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}
