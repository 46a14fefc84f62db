# The same actions, limited to named resources.
resource "aws_iam_user_policy" "rotate" {
  name = "rotate"
  user = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:UpdateLoginProfile"]
        Resource = "arn:aws:iam::123456789012:user/$${aws:username}"
      },
    ]
  })
}

# Read-only IAM actions on every resource, and a deny of what escalates.
resource "aws_iam_role_policy" "audit" {
  name = "audit"
  role = "audit"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["iam:Get*", "iam:List*"]
        Resource = "*"
      },
      {
        Effect   = "Deny"
        Action   = ["iam:Put*", "iam:Attach*"]
        Resource = "*"
      },
    ]
  })
}
