a = x.*.y.*.z
