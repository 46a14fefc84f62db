resource "aws_s3_bucket" "data" {
  bucket = "data-bucket"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
  bucket = aws_s3_bucket.data.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

# Encryption switched by a variable: a dynamic block read as the content it may make.
variable "encrypt" {
  type = bool
}

resource "aws_s3_bucket" "switched" {
  bucket = "switched-bucket"

  dynamic "server_side_encryption_configuration" {
    for_each = var.encrypt ? [1] : []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "aws:kms:dsse"
        }
      }
    }
  }
}
