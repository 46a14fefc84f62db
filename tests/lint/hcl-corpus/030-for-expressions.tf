a = [for x in var.list : x * 2]
b = [for i, x in var.list : "${i}:${x}"]
c = { for k, v in var.map : upper(k) => v }
d = [for x in var.list : x if x != null]
e = { for s in var.list : s.k => s.v... if s.enabled }
f = [for x in [for y in var.l : y] : x]
g = [
  for x in var.list :
  x
]
