a = trimspace(<<EOT
  hello
EOT
)
