data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["*"] # expect
  }
}

resource "aws_iam_role_policy" "app" {
  name   = "app"
  role   = "app"
  policy = data.aws_iam_policy_document.app.json
}
