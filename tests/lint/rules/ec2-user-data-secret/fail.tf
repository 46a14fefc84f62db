resource "aws_launch_template" "app" {
  name_prefix   = "app-"
  image_id      = "ami-0abc"
  instance_type = "t4g.small"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
  user_data     = base64encode("#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n") # expect
}

resource "aws_launch_configuration" "legacy" {
  image_id         = "ami-0abc"
  instance_type    = "t4g.small"
  user_data_base64 = "IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPWh1bnRlcjJodW50ZXIyCg==" # expect
}

resource "aws_instance" "config_file" {
  ami           = "ami-0abc"
  instance_type = "t4g.small"
  user_data     = "#!/bin/bash\necho 'db_password: Tr0ub4dor-and-3' >> /etc/app.yml\n" # expect
}
