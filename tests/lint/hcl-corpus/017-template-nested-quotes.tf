a = "${lookup(var.m, "key", "default")}"
b = "${var.x == "y" ? "one" : "two"}"
