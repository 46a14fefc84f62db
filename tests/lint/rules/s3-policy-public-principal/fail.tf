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
