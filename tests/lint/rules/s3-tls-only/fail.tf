resource "aws_s3_bucket" "data" { # expect
  bucket = "data"
}

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.data.arn}/*"
    }]
  })
}

# A merged bucket policy whose documents (counted, through compact()) hold no deny.
variable "attach_deny_insecure_transport_policy" {
  default = false
}

resource "aws_s3_bucket" "merged" { # expect
  bucket = "merged"
}

resource "aws_s3_bucket_policy" "merged" {
  bucket = aws_s3_bucket.merged.id
  policy = data.aws_iam_policy_document.combined.json
}

data "aws_iam_policy_document" "combined" {
  source_policy_documents = compact([
    var.attach_deny_insecure_transport_policy ? data.aws_iam_policy_document.deny_insecure_transport[0].json : "",
    data.aws_iam_policy_document.readers[0].json,
  ])
}

data "aws_iam_policy_document" "readers" {
  count = 1
  statement {
    actions   = ["s3:GetObject"]
    resources = ["${aws_s3_bucket.merged.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
  }
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  count = var.attach_deny_insecure_transport_policy ? 1 : 0
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["${aws_s3_bucket.merged.arn}/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
