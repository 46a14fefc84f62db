resource "aws_iam_policy" "app" {
  name = "app"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:PutObject"]
        Resource = "arn:aws:s3:::app/*"
      },
      {
        Effect   = "Deny"
        Action   = "*"
        Resource = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } }
      },
    ]
  })
}

# A bucket policy document: a resource policy, read by the bucket rules, not as an identity
# policy. It names its principals, and the bucket policy uses it.
data "aws_iam_policy_document" "bucket" {
  statement {
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::app/*"]
  }
}

resource "aws_s3_bucket_policy" "app" {
  bucket = "app"
  policy = data.aws_iam_policy_document.bucket.json
}

# A document no resource uses, with named actions.
data "aws_iam_policy_document" "exported" {
  statement {
    actions   = ["sqs:SendMessage"]
    resources = ["arn:aws:sqs:us-east-1:123456789012:jobs"]
  }
}

# A string template whose open value is the resource, not the action.
variable "queue_arn" {
  type = string
}

resource "aws_iam_role_policy" "templated" {
  role   = "app"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\",\"Resource\":\"${var.queue_arn}\"}]}"
}
