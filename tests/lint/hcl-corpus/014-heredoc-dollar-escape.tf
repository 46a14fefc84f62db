a = <<EOT
literal $${not} and %%{not}
EOT
