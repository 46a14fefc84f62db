a = var.list[
  0
]
