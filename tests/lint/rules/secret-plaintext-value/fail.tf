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
