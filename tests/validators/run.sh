#!/usr/bin/env bash
# Renders every example, every scenario, and checks the Terraform with HashiCorp's own tools:
#   - hclfmt (HCL's formatter, built from Debian's golang-github-hashicorp-hcl-v2-dev):
#     syntax (-check) and `terraform fmt` canonical text (-require-no-change);
#   - tfcheck (tests/validators/tfcheck, HCL's parser + the Terraform AWS provider schema in
#     tf-aws-schema.json): unknown or missing arguments and blocks, undeclared references.
# Also: app/ scripts parse with sh -n and app/ YAML with PyYAML; rendering twice gives the same
# bytes, and `render --check` agrees.
# Usage: tests/validators/run.sh path/to/stackplan [work-dir]
set -euo pipefail

stackplan=$(realpath "$1")
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p "$work/bin"

export GO111MODULE=off GOPATH=/usr/share/gocode GOCACHE="$work/gocache" GOFLAGS=
go build -o "$work/bin/hclfmt" github.com/hashicorp/hcl/v2/cmd/hclfmt
(cd tests/validators/tfcheck && go build -o "$work/bin/tfcheck" .)
hclfmt="$work/bin/hclfmt"
tfcheck="$work/bin/tfcheck"
schema=tests/validators/tf-aws-schema.json

# The validators must be able to fail: a misaligned file and a schema mistake.
printf 'resource "aws_s3_bucket" "a" {\n  bucket = "x"\n  force_destroy = true\n}\n' > "$work/misaligned.tf"
if "$hclfmt" -require-no-change "$work/misaligned.tf" >/dev/null 2>&1; then
  echo "hclfmt accepted a file terraform fmt would change" >&2; exit 1
fi
printf 'resource "aws_s3_bucket" "a" {\n  buckett = "x"\n}\n' > "$work/unknown.tf"
if "$tfcheck" "$schema" "$work/unknown.tf" >/dev/null; then
  echo "tfcheck accepted an unknown argument" >&2; exit 1
fi

failures=0
count=0
while read -r spec example scenario <&3; do
  out="$work/out/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --out "$out" >/dev/null
  tf=("$out"/terraform/*.tf)
  count=$((count + 1))
  if ! "$hclfmt" -check "${tf[@]}" >/dev/null; then
    echo "FAIL syntax: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  if ! "$hclfmt" -require-no-change "${tf[@]}" >/dev/null; then
    echo "FAIL not terraform fmt canonical: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  if ! "$tfcheck" "$schema" "$out/terraform" >/dev/null; then
    "$tfcheck" "$schema" "$out/terraform" >&2 || true
    echo "FAIL provider schema: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  for script in "$out"/app/*.sh; do
    [ -e "$script" ] || continue
    if ! sh -n "$script"; then
      echo "FAIL shell syntax: $script" >&2; failures=$((failures + 1))
    fi
  done
  for yml in "$out"/app/*.yml; do
    [ -e "$yml" ] || continue
    if ! python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$yml"; then
      echo "FAIL YAML: $yml" >&2; failures=$((failures + 1))
    fi
  done
  again="$work/again/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --out "$again" >/dev/null
  if ! diff -r "$out" "$again" >/dev/null; then
    echo "FAIL not deterministic: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  if ! "$stackplan" render "$spec" --scenario "$scenario" --out "$out" --check >/dev/null; then
    echo "FAIL --check after render: $example/$scenario" >&2; failures=$((failures + 1))
  fi
done 3< <(tests/validators/renders.sh "$stackplan")
[ "$count" -gt 0 ] || { echo "nothing was rendered" >&2; exit 1; }
echo "validators: $count renders checked, $failures failures"
[ "$failures" -eq 0 ]
