resource "aws_s3_bucket" "open" { # expect
  bucket = "open-bucket"
}

resource "aws_s3_bucket" "partial" {
  bucket = "partial-bucket"
}

resource "aws_s3_bucket_public_access_block" "partial" {
  bucket                  = aws_s3_bucket.partial.id
  block_public_acls       = true
  block_public_policy     = false # expect
  ignore_public_acls      = true
  restrict_public_buckets = true
}
