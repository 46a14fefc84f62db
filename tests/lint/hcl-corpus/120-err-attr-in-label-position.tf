a = b "c" {}
