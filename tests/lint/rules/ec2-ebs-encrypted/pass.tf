resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  block_device_mappings {
    device_name = "/dev/xvda"

    ebs {
      volume_size = 30
      encrypted   = true
    }
  }
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 10
  encrypted         = true
}

resource "aws_instance" "worker" {
  ami           = "ami-0abc"
  instance_type = "t4g.small"

  root_block_device {
    volume_size = 30
    encrypted   = true
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    snapshot_id = "snap-0abc"
  }
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  root_block_device {
    encrypted = true
  }
}
