resource "aws_s3_bucket" "plain" { # expect
  bucket = "plain-bucket"
}

resource "aws_s3_bucket" "typo" {
  bucket = "typo-bucket"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "typo" {
  bucket = aws_s3_bucket.typo.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kmss" # expect
    }
  }
}

resource "aws_s3_bucket" "no_algorithm" {
  bucket = "no-algorithm-bucket"
}

resource "aws_s3_bucket_server_side_encryption_configuration" "no_algorithm" {
  bucket = aws_s3_bucket.no_algorithm.id
  rule {
    apply_server_side_encryption_by_default { # expect
      kms_master_key_id = "alias/app"
    }
  }
}

# A dynamic block whose for_each is known to be empty makes no configuration.
resource "aws_s3_bucket" "switched_off" { # expect
  bucket = "switched-off-bucket"

  dynamic "server_side_encryption_configuration" {
    for_each = []
    content {
      rule {
        apply_server_side_encryption_by_default {
          sse_algorithm = "AES256"
        }
      }
    }
  }
}
