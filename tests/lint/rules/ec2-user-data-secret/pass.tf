resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
  user_data     = base64encode("#!/bin/bash\necho ECS_CLUSTER=main >> /etc/ecs/ecs.config\n")
}

resource "aws_launch_configuration" "legacy" {
  image_id         = "ami-0abc"
  instance_type    = "t4g.small"
  user_data_base64 = "IyEvYmluL2Jhc2gKZWNobyBFQ1NfQ0xVU1RFUj1tYWluID4+IC9ldGMvZWNzL2Vjcy5jb25maWcK"
}
