a = aws_instance.web.0.id
b = var.list.1
