# Suppressions: one with a reason (applies), one without (reported, does not apply), one
# naming a rule that does not exist.

resource "aws_cloudwatch_log_group" "audit" {
  # stackplan:ignore logs-retention audit logs are kept forever by policy
  name = "/audit"
}

# stackplan:ignore logs-retention
resource "aws_cloudwatch_log_group" "app" {
  name = "/app"
}

resource "aws_cloudwatch_log_group" "worker" {
  name              = "/worker"
  retention_in_days = 14 # stackplan:ignore log-retention typo in the rule id
}
