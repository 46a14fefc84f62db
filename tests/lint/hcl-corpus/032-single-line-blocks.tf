a {}
b { x = 1 }
c "label" { y = "z" }
d "l1" "l2" {}
