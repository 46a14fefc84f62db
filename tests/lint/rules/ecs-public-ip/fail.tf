resource "aws_ecs_service" "app" {
  name            = "app"
  cluster         = "main"
  task_definition = "app:1"
  desired_count   = 1
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = ["subnet-0abc"]
    assign_public_ip = true # expect
  }
}
