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

# Names that hold secrets, with values that are not: taken from elsewhere at boot, empty,
# placeholders too short to be a key.
resource "aws_instance" "fetches" {
  ami           = "ami-0abc"
  instance_type = "t4g.small"
  metadata_options {
    http_tokens = "required"
  }
  root_block_device {
    encrypted = true
  }
  user_data = <<-EOT
    #!/bin/bash
    export DB_PASSWORD="$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)"
    export API_TOKEN=$API_TOKEN_FROM_SSM
    export AWS_SECRET_ACCESS_KEY=bar
    SECRET_ARN=arn:aws:secretsmanager:us-east-1:123456789012:secret:app
  EOT
}
