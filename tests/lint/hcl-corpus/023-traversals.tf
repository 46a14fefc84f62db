a = aws_instance.web[0].private_ip
b = module.vpc.private_subnets[1]
c = var.map["key"].attr
d = local.list[count.index]
e = data.aws_iam_policy_document.doc.json
f = var.nested.a.b.c
g = var.list[length(var.list) - 1]
