a-b = 1
c_d = var.some-name
