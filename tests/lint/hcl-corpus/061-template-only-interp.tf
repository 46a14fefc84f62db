a = "${var.x}"
b = "${var.x}${var.y}"
