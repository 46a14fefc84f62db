a = "%{ while x }%{ endwhile }"
