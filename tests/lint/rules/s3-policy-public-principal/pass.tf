resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0abc" } }
    }]
  })
}

# Everyone, limited by a condition that names one account's trail.
resource "aws_s3_bucket_policy" "trail" {
  bucket = "existing-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:PutObject"
      Resource  = "arn:aws:s3:::existing-bucket/*"
      Condition = { ArnLike = { "aws:SourceArn" = "arn:aws:cloudtrail:*:111122223333:trail/*" } }
    }]
  })
}

# Everyone in one organization.
data "aws_iam_policy_document" "org" {
  statement {
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::existing-bucket/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_s3_bucket_policy" "org" {
  bucket = "existing-bucket"
  policy = data.aws_iam_policy_document.org.json
}
