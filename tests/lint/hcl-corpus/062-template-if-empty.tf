a = "%{ if true }%{ endif }"
b = "%{ for x in [] }%{ endfor }"
