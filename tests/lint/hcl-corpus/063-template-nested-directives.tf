a = "%{ for x in var.l }%{ if x > 1 }${x}%{ else }-%{ endif }%{ endfor }"
