resource "aws_s3_bucket" "none" { # expect
  bucket = "none"
}

resource "aws_s3_bucket" "suspended" {
  bucket = "suspended"
}

resource "aws_s3_bucket_versioning" "suspended" {
  bucket = aws_s3_bucket.suspended.id

  versioning_configuration {
    status = "Suspended" # expect
  }
}
