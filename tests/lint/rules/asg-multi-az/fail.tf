resource "aws_autoscaling_group" "app" {
  min_size            = 1
  max_size            = 2
  vpc_zone_identifier = ["subnet-a"] # expect

  launch_template {
    id      = "lt-0abc"
    version = "$Latest"
  }
}
