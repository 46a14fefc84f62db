resource "aws_lb" "web" { # expect
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-a", "subnet-b"]
}
