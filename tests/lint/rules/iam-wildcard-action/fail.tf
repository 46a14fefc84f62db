resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "*" # expect
        Resource = "*"
      },
    ]
  })
}

# A policy written as a string template: the value it leaves open does not hide the rest.
variable "queue_arn" {
  type = string
}

resource "aws_iam_role_policy" "templated" {
  role   = "app"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"${var.queue_arn}\"}]}" # expect
}

# A policy document no resource here uses (the module outputs it) is an identity policy.
data "aws_iam_policy_document" "exported" {
  statement {
    actions   = ["*"] # expect
    resources = ["*"]
  }
}

output "exported_policy" {
  value = data.aws_iam_policy_document.exported.json
}

# An IAM Identity Center permission set's inline policy.
resource "aws_ssoadmin_permission_set_inline_policy" "admin" {
  instance_arn       = "arn:aws:sso:::instance/ssoins-1"
  permission_set_arn = "arn:aws:sso:::permissionSet/ssoins-1/ps-1"
  inline_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] # expect
  })
}
