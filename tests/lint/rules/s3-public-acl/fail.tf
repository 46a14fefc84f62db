resource "aws_s3_bucket" "site" {
  bucket = "site"
  acl    = "public-read" # expect
}

resource "aws_s3_bucket_acl" "site" {
  bucket = aws_s3_bucket.site.id
  acl    = "public-read-write" # expect
}

resource "aws_s3_bucket" "legacy" {
  bucket = "legacy"

  grant {
    type        = "Group"
    uri         = "http://acs.amazonaws.com/groups/global/AllUsers" # expect
    permissions = ["READ"]
  }
}

resource "aws_s3_bucket_acl" "reports" {
  bucket = "reports"

  access_control_policy {
    grant {
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" # expect
      }
      permission = "READ"
    }

    owner {
      id = "abc123"
    }
  }
}
