resource "aws_launch_configuration" "app" { # expect
  image_id      = "ami-0abc"
  instance_type = "t4g.small"
}

resource "aws_autoscaling_group" "app" {
  min_size             = 1
  max_size             = 2
  vpc_zone_identifier  = ["subnet-a", "subnet-b"]
  launch_configuration = aws_launch_configuration.app.name # expect
}
