a = "héllo wörld ✓"
b = "日本語"
