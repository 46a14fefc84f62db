a = "${var.x ? "a" : "b"}-suffix"
