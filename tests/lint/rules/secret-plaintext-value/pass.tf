resource "random_password" "api" {
  length = 32
}

resource "aws_secretsmanager_secret" "api" {
  name = "prod/api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = random_password.api.result
}

variable "cache_token" {
  type      = string
  sensitive = true
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = var.cache_token
}
