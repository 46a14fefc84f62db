a = "tab\there\nnew \"quoted\" back\\slash"
b = "\u00e9\U0001F600"
c = "$${literal}"
