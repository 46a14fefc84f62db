a = var.l[0][1]["x"][true]
