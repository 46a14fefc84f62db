a = var.x ? "a" : var.y ? "b" : "c"
b = (var.x ? 1 : 2) + 3
