resource "aws_s3_bucket" "data" {
  bucket = "data"
}

resource "aws_s3_bucket_versioning" "data" {
  bucket = aws_s3_bucket.data.id

  versioning_configuration {
    status = "Enabled"
  }
}

# One bucket and one versioning configuration per name, matched by key.
locals {
  archives = ["invoices", "exports"]
}

resource "aws_s3_bucket" "archive" {
  for_each = toset(local.archives)
  bucket   = "app-${each.key}"
}

resource "aws_s3_bucket_versioning" "archive" {
  for_each = toset(local.archives)
  bucket   = aws_s3_bucket.archive[each.key].id
  versioning_configuration {
    status = "Enabled"
  }
}
