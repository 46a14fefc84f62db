resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:*"] # expect
        Resource = "arn:aws:s3:::app/*"
      },
    ]
  })
}
