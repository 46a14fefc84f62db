a = "%{ if var.x }yes%{ else }no%{ endif }"
b = "%{ for k, v in var.m }${k}=${v};%{ endfor }"
c = "%{ if var.x }only%{ endif }"
