resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

resource "aws_instance" "bastion" {
  ami           = "ami-0abc"
  instance_type = "t4g.nano"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_tokens = "required"
  }
}
