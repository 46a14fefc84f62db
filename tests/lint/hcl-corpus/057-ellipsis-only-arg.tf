a = f(var.list...)
