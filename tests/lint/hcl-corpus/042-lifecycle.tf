resource "aws_instance" "x" {
  lifecycle {
    create_before_destroy = true
    ignore_changes        = [tags, ami]
    prevent_destroy       = false
    precondition {
      condition     = self.ami != ""
      error_message = "AMI required."
    }
  }
}
