a = {
  # comment
  b = 1 # trailing
  // another
  c = 2
}
