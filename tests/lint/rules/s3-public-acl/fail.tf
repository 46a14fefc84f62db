resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read" # expect
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read-write" # expect
}
