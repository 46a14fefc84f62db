a = {}
b = { a = 1, b = 2 }
c = {
  a = 1
  b = 2,
  "quoted key" = 3
  (var.k) = 4
  d: 5
}
d = { in = 2, if = 3, endfor = 4 }
e = { true = 1, null = 2 }
