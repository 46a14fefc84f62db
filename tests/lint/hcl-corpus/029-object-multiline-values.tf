a = {
  list = [
    1,
    2,
  ]
  call = merge(
    var.a,
    var.b,
  )
}
