resource "aws_s3_bucket" "site" {
  bucket = "site"
}

resource "aws_s3_bucket_policy" "site" {
  bucket = aws_s3_bucket.site.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.site.arn}/*"
    }]
  })
}

# A bucket the module does not create.
resource "aws_s3_bucket_policy" "existing" {
  bucket = "existing-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # expect
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::existing-bucket/*"
    }]
  })
}

# A condition that matches every account restricts nothing.
resource "aws_s3_bucket_policy" "any_account" {
  bucket = "existing-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" } # expect
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::existing-bucket/*"
      Condition = { ArnLike = { "aws:PrincipalArn" = "arn:aws:iam::*:role/reader" } }
    }]
  })
}

# Conditions that leave everyone else in: one principal excluded, or TLS asked for.
resource "aws_s3_bucket_policy" "all_but_one" {
  bucket = "existing-bucket"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = "*" # expect
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::existing-bucket/*"
        Condition = { ArnNotEquals = { "aws:PrincipalArn" = "arn:aws:iam::123456789012:user/eve" } }
      },
      {
        Effect    = "Allow"
        Principal = "*" # expect
        Action    = "s3:ListBucket"
        Resource  = "arn:aws:s3:::existing-bucket"
        Condition = { Bool = { "aws:SecureTransport" = "true" } }
      },
    ]
  })
}

# Everyone, written as a policy document's principals of type "*".
data "aws_iam_policy_document" "anyone" {
  statement {
    principals { # expect
      type        = "*"
      identifiers = ["*"]
    }
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::existing-bucket/*"]
  }
}

resource "aws_s3_bucket_policy" "anyone" {
  bucket = "existing-bucket"
  policy = data.aws_iam_policy_document.anyone.json
}
