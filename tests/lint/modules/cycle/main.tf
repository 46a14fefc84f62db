# A module that calls itself: followed once, then listed as not checked.
module "again" {
  source = "./"
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/app"
  retention_in_days = 30
}
