locals {
  script = <<-EOT
    #!/bin/bash
      echo "indented"

    echo ${var.name}
    EOT
}
