a = max(1, 2, 3)
b = concat(var.a, var.b)
c = format("%s-%d", var.name, 3)
d = min(var.numbers...)
e = coalesce()
f = upper(
  "multi",
)
g = try(var.a.b, null)
h = templatefile("${path.module}/tpl.sh", { name = var.name })
