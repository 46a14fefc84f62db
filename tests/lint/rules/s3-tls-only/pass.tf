resource "aws_s3_bucket" "data" {
  bucket = "data"
}

data "aws_iam_policy_document" "tls" {
  statement {
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]

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

resource "aws_s3_bucket_policy" "data" {
  bucket = aws_s3_bucket.data.id
  policy = data.aws_iam_policy_document.tls.json
}

# The deny comes from a document merged into the bucket policy (source_policy_documents), as
# widely used modules write it: counted documents, compact() and a conditional.
variable "attach_deny_insecure_transport_policy" {
  default = true
}

variable "extra_policy" {
  default = null
}

resource "aws_s3_bucket" "merged" {
  bucket = "merged"
}

resource "aws_s3_bucket_policy" "merged" {
  count  = var.attach_deny_insecure_transport_policy ? 1 : 0
  bucket = aws_s3_bucket.merged.id
  policy = data.aws_iam_policy_document.combined[0].json
}

data "aws_iam_policy_document" "combined" {
  count = var.attach_deny_insecure_transport_policy ? 1 : 0
  source_policy_documents = compact([
    var.attach_deny_insecure_transport_policy ? data.aws_iam_policy_document.deny_insecure_transport[0].json : "",
    var.extra_policy != null ? var.extra_policy : "",
  ])
}

data "aws_iam_policy_document" "deny_insecure_transport" {
  count = var.attach_deny_insecure_transport_policy ? 1 : 0
  statement {
    sid       = "denyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.merged.arn, "${aws_s3_bucket.merged.arn}/*"]
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
