resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }

  network_interfaces {
    associate_public_ip_address = true # expect
  }
}

resource "aws_instance" "bastion" {
  ami                         = "ami-0abc"
  instance_type               = "t4g.nano"
  associate_public_ip_address = true # expect
}

resource "aws_launch_configuration" "legacy" {
  image_id                    = "ami-0abc"
  instance_type               = "t4g.small"
  associate_public_ip_address = true # expect
}

# for_each over a known map: the instance whose value is true is public.
variable "public_by_name" {
  default = {
    web    = true
    worker = false
  }
}

resource "aws_instance" "each" {
  for_each                    = var.public_by_name
  ami                         = "ami-0abc"
  instance_type               = "t4g.small"
  associate_public_ip_address = each.value # expect
}

# for_each built by a for expression over a known list.
variable "hosts" {
  default = [
    { name = "web", public = true },
    { name = "worker", public = false },
  ]
}

resource "aws_instance" "from_for" {
  for_each                    = { for h in var.hosts : h.name => h.public }
  ami                         = "ami-0abc"
  instance_type               = "t4g.small"
  associate_public_ip_address = each.value # expect
}
