a = 1 + 2 * 3 - 4 / 2 % 3
b = !true || false && true
c = 1 < 2 == 2 >= 1
d = -var.x
e = !(var.a != var.b)
f = var.a <= var.b
g = var.a > -1
