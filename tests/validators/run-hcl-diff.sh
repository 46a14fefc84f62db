#!/usr/bin/env bash
# Differential test of stackplan's HCL parser (src/text/hcl_parse.cpp) against HashiCorp's
# (hclsyntax, built with Go from Debian's golang-github-hashicorp-hcl-v2-dev): for every file of
# tests/lint/hcl-corpus/ (hand-written cases, valid and invalid) and every Terraform file
# stackplan renders for the examples, both must accept or reject it alike and, when they accept
# it, print the same structure (tests/hcl_dump.cpp and tests/validators/hcldump/main.go print
# one canonical form, attribute and block positions included).
# Usage: tests/validators/run-hcl-diff.sh path/to/hcl_dump path/to/stackplan [work-dir]
set -euo pipefail

ours=$(realpath "$1")
stackplan=$(realpath "$2")
work=${3:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p "$work/bin"

export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS=
(cd tests/validators/hcldump && go build -o "$work/bin/hcldump" .)
theirs="$work/bin/hcldump"

# Every example and scenario, rendered now.
rm -rf "$work/render"
while read -r spec example scenario <&3; do
  "$stackplan" render "$spec" --scenario "$scenario" --out "$work/render/$example/$scenario" >/dev/null
done 3< <(tests/validators/renders.sh "$stackplan")

files=(tests/lint/hcl-corpus/*.tf)
mapfile -t rendered < <(find "$work/render" -name '*.tf' | sort)
[ "${#rendered[@]}" -gt 0 ] || { echo "nothing was rendered" >&2; exit 1; }
files+=("${rendered[@]}")

# The comparison must be able to fail: a file changed between the two parsers differs.
printf 'a = 1\n' > "$work/one.tf"
printf 'a = 2\n' > "$work/two.tf"
if diff <("$ours" "$work/one.tf" | tail -n +2) <("$theirs" "$work/two.tf" | tail -n +2) >/dev/null; then
  echo "the comparison cannot tell two different files apart" >&2; exit 1
fi

"$ours" "${files[@]}" > "$work/ours.txt"
"$theirs" "${files[@]}" > "$work/theirs.txt"
if ! diff -u "$work/theirs.txt" "$work/ours.txt" > "$work/diff.txt"; then
  head -n 60 "$work/diff.txt" >&2
  echo "FAIL: stackplan's HCL parser and HashiCorp's disagree (- HashiCorp, + stackplan)" >&2
  exit 1
fi
accepted=$(grep -c '^== ' "$work/ours.txt")
rejected=$(grep -c '^error$' "$work/ours.txt" || true)
corpus=$(ls tests/lint/hcl-corpus/*.tf | wc -l)
echo "hcl differential: ${#files[@]} files ($corpus hand-written, ${#rendered[@]} rendered)," \
  "same structure for $((accepted - rejected)) accepted, same rejection for $rejected"
