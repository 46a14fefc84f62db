resource "aws_s3_bucket" "this" {
  for_each = toset(var.buckets)
  bucket   = "${var.prefix}-${each.key}"
  tags     = { Name = each.value }
}
