resource "aws_cloudwatch_log_group" "app" { # expect
  name = "/ecs/app"
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/ecs/worker"
  retention_in_days = 0 # expect
}
