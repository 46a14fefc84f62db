a = length(var.list[*].id)
b = flatten([for x in var.l : x.items[*].id])
