a {
  b {
    c {
      d = 1
    }
  }
  b {
    e = 2
  }
}
