resource "aws_secretsmanager_secret" "api" {
  name = "prod/api"
}

resource "aws_secretsmanager_secret_version" "api" {
  secret_id     = aws_secretsmanager_secret.api.id
  secret_string = jsonencode({ token = "abc" }) # expect
}

resource "aws_ssm_parameter" "key" {
  name  = "/prod/key"
  type  = "SecureString"
  value = "s3cr3t" # expect
}

resource "aws_elasticache_replication_group" "sessions" {
  replication_group_id       = "sessions"
  description                = "sessions"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token                 = "MySecret!AuthToken$" # expect
}
