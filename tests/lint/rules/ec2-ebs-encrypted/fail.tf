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
      encrypted   = false # expect
    }
  }
}

resource "aws_ebs_volume" "data" { # expect
  availability_zone = "us-east-1a"
  size              = 10
}

resource "aws_instance" "worker" {
  ami           = "ami-0abc"
  instance_type = "t4g.small"

  root_block_device { # expect
    volume_size = 30
  }

  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 10
    encrypted   = false # expect
  }
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  root_block_device {
    encrypted = false # expect
  }
}

# No root_block_device: the root volume is the AMI's, unencrypted (as an empty list of them).
resource "aws_instance" "bare" { # expect
  ami           = "ami-0abc"
  instance_type = "t4g.small"
}
