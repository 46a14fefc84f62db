locals {
  s = <<-EOT
		one
		two
		EOT
}
