a = {
  "${var.p}-key" = 1
  (local.k) = 2
  var.x = 3
}
