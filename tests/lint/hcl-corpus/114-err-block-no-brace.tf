a "x"
