a = aws_instance.web[*].id
b = aws_instance.web.*.id
c = var.list[*]
d = var.objs[*].tags["Name"]
e = var.objs.*.a.b
f = var.objs[*].list[0]
g = var.objs.*.list.0
