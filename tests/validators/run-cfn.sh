#!/usr/bin/env bash
# Renders every example and fixture, every scenario, with --target cloudformation and checks the
# templates with cfn-lint (npm) run against the current CloudFormation resource specification
# from @aws-cdk/cfnspec (tests/validators/cfn). Zero errors are allowed. Also: rendering twice
# gives the same bytes, `render --check` agrees, and --target all writes both targets with the
# same CloudFormation template.
# Installs the npm packages (tests/validators/cfn/package-lock.json) when they are missing or
# out of date.
# Usage: tests/validators/run-cfn.sh path/to/stackplan [work-dir]
set -euo pipefail

stackplan=$(realpath "$1")
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p "$work"

validators=tests/validators/cfn
if ! cmp -s "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock" 2>/dev/null; then
  (cd "$validators" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock"
fi
cfnlint() { node "$validators/cfnlint.js" "$@"; }

# The validator must be able to fail, and must use the current specification: a misspelt
# property and a reference to nothing are errors; IMDSv2 MetadataOptions (unknown to cfn-lint's
# own 2019 specification) is not.
cat > "$work/misspelt.yaml" <<'YAML'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketNam: example
YAML
cat > "$work/dangling.yaml" <<'YAML'
Resources:
  Policy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Missing
      PolicyDocument: {Version: "2012-10-17", Statement: []}
YAML
cat > "$work/current-spec.yaml" <<'YAML'
Resources:
  LaunchTemplate:
    Type: AWS::EC2::LaunchTemplate
    Properties:
      LaunchTemplateData:
        MetadataOptions: {HttpTokens: required, HttpEndpoint: enabled}
YAML
for bad in misspelt dangling; do
  if cfnlint "$work/$bad.yaml" >/dev/null; then
    echo "cfn-lint accepted $bad.yaml" >&2; exit 1
  fi
done
if ! cfnlint "$work/current-spec.yaml" >/dev/null; then
  cfnlint "$work/current-spec.yaml" >&2 || true
  echo "cfn-lint is not using the current CloudFormation specification" >&2; exit 1
fi

failures=0
count=0
templates=()
while read -r spec example scenario <&3; do
  out="$work/out/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --target cloudformation --out "$out" \
    >/dev/null 2>"$work/stderr"
  count=$((count + 1))
  for template in "$out"/cloudformation/*.yaml; do
    [ -e "$template" ] && templates+=("$template")
  done
  if ! ls "$out"/cloudformation/*.yaml >/dev/null 2>&1 &&
    ! grep -q "nothing to create" "$work/stderr"; then
    echo "FAIL no template and no explanation: $example/$scenario" >&2
    failures=$((failures + 1))
  fi
  again="$work/again/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --target cloudformation --out "$again" \
    >/dev/null 2>&1
  if ! diff -r "$out" "$again" >/dev/null; then
    echo "FAIL not deterministic: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  if ! "$stackplan" render "$spec" --scenario "$scenario" --target cloudformation \
    --out "$out" --check >/dev/null 2>&1; then
    echo "FAIL --check after render: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  both="$work/all/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --target all --out "$both" >/dev/null 2>&1
  if [ -d "$out/cloudformation" ] && ! diff -r "$out/cloudformation" "$both/cloudformation" >/dev/null; then
    echo "FAIL --target all differs: $example/$scenario" >&2; failures=$((failures + 1))
  fi
  if [ ! -d "$both/terraform" ]; then
    echo "FAIL --target all wrote no Terraform: $example/$scenario" >&2; failures=$((failures + 1))
  fi
done 3< <(tests/validators/renders.sh "$stackplan")
[ "$count" -gt 0 ] || { echo "nothing was rendered" >&2; exit 1; }
if ! cfnlint "${templates[@]}"; then
  failures=$((failures + 1))
fi
echo "validators: $count renders, ${#templates[@]} CloudFormation templates checked, $failures failures"
[ "$failures" -eq 0 ]
