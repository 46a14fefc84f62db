resource "aws_s3_bucket" "plain" { # expect
  bucket = "plain-bucket"
}
