resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_tokens = "optional" # expect
  }
}

resource "aws_instance" "bastion" { # expect
  ami           = "ami-0abc"
  instance_type = "t4g.nano"
}

resource "aws_launch_configuration" "legacy" { # expect
  image_id      = "ami-0abc"
  instance_type = "t4g.small"
}
