resource "aws_iam_user_policy" "rotate" {
  name = "rotate"
  user = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:UpdateLoginProfile"] # expect
        Resource = "*"
      },
    ]
  })
}

# A wildcard that includes iam:PutRolePolicy.
resource "aws_iam_role_policy" "ops" {
  name = "ops"
  role = "ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "iam:Put*"] # expect
        Resource = ["*"]
      },
    ]
  })
}

data "aws_iam_policy_document" "versions" {
  statement {
    actions = [
      "iam:CreatePolicyVersion",     # expect
      "iam:SetDefaultPolicyVersion", # expect
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "versions" {
  name   = "versions"
  policy = data.aws_iam_policy_document.versions.json
}
