resource "null_resource" "x" {
  provisioner "local-exec" {
    command = <<-CMD
      echo "${self.id}"
      ls -la
    CMD
  }
}
