output "password" {
  value     = aws_db_instance.main.password
  sensitive = true
  depends_on = [aws_db_instance.main]
}
