a = "cost $5 and 100%"
b = "$"
c = "%"
d = "$$"
