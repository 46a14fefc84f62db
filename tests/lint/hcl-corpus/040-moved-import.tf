moved {
  from = aws_instance.a
  to   = aws_instance.b
}

import {
  to = aws_s3_bucket.b
  id = "bucket-name"
}
