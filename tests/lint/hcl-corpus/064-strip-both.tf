a = "  ${~ "x" ~}  "
b = "%{~ if true ~}  y  %{~ endif ~}"
