resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  network_interfaces {
    associate_public_ip_address = false
  }
}

resource "aws_instance" "bastion" {
  ami                         = "ami-0abc"
  instance_type               = "t4g.nano"
  associate_public_ip_address = false
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0abc"
  instance_type = "t4g.small"
}

# for_each over a known map in which no instance is public.
resource "aws_instance" "each" {
  for_each = {
    web    = false
    worker = false
  }
  ami                         = "ami-0abc"
  instance_type               = "t4g.small"
  associate_public_ip_address = each.value
}

# for_each built by a for expression, filtered to the private hosts.
variable "hosts" {
  default = [
    { name = "web", public = true },
    { name = "worker", public = false },
  ]
}

resource "aws_instance" "from_for" {
  for_each                    = { for h in var.hosts : h.name => h.public if h.public == false }
  ami                         = "ami-0abc"
  instance_type               = "t4g.small"
  associate_public_ip_address = each.value
}
