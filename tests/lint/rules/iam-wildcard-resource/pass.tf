data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["ecr:GetAuthorizationToken", "ec2:DescribeInstances"]
    resources = ["*"]
  }

  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::app/*"]
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = "app"
  policy = data.aws_iam_policy_document.app.json
}
