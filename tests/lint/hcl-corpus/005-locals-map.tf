locals {
  tags = merge(var.tags, {
    Environment = var.env
    "kubernetes.io/role" = "owned"
  })
  names = [for s in var.services : s.name]
  by_name = { for s in var.services : s.name => s }
  grouped = { for s in var.services : s.team => s.name... }
  filtered = [for i, v in var.list : v if i % 2 == 0]
}
