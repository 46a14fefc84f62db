#!/usr/bin/env bash
# Renders every example and fixture, every scenario, with --target cloudformation and checks the
# templates with cfn-guard against the AWS Control Tower proactive controls listed in
# tests/validators/guard/controls.txt (rules and binary from @cdklabs/cdk-validator-cfnguard,
# pinned by tests/validators/guard/package-lock.json and installed when missing or out of date).
# Zero failures are allowed.
# Usage: tests/validators/run-guard.sh path/to/stackplan [work-dir]
set -euo pipefail

stackplan=$(realpath "$1")
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
mkdir -p "$work"

validators=tests/validators/guard
if ! cmp -s "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock" 2>/dev/null; then
  (cd "$validators" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  cp "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock"
fi
package="$validators/node_modules/@cdklabs/cdk-validator-cfnguard"
case "$(uname -m)" in
  x86_64) guard="$package/bin/ubuntu/x86_64/cfn-guard" ;;
  aarch64 | arm64) guard="$package/bin/ubuntu/arm64/cfn-guard" ;;
  *) echo "no cfn-guard binary for $(uname -m)" >&2; exit 1 ;;
esac
rules=()
while read -r control; do
  [[ -z "$control" || "$control" == \#* ]] && continue
  rules+=(-r "$package/rules/control-tower/cfn-guard/$control.guard")
done <"$validators/controls.txt"

# The checker must be able to fail: a bucket policy that does not deny plain HTTP and an Auto
# Scaling group without a launch template are refused.
cat >"$work/insecure.yaml" <<'YAML'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  BucketPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Bucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: "*"
            Action: s3:GetObject
            Resource: !Join ["", [!GetAtt [Bucket, Arn], "/*"]]
  Group:
    Type: AWS::AutoScaling::AutoScalingGroup
    Properties:
      MinSize: "1"
      MaxSize: "1"
      LaunchConfigurationName: legacy
YAML
if "$guard" validate "${rules[@]}" -d "$work/insecure.yaml" -S none >/dev/null 2>&1; then
  echo "cfn-guard accepted insecure.yaml" >&2
  exit 1
fi

count=0
templates=0
failures=0
while read -r spec example scenario <&3; do
  out="$work/out/$example/$scenario"
  "$stackplan" render "$spec" --scenario "$scenario" --target cloudformation --out "$out" \
    >/dev/null 2>&1
  count=$((count + 1))
  for template in "$out"/cloudformation/*.yaml; do
    [ -e "$template" ] || continue
    templates=$((templates + 1))
    if ! "$guard" validate "${rules[@]}" -d "$template" -S fail >"$work/guard.txt" 2>&1; then
      echo "FAIL $example/$scenario:" >&2
      grep -E "FAIL|Message|\[CT\." "$work/guard.txt" | head -n 20 >&2
      failures=$((failures + 1))
    fi
  done
done 3< <(tests/validators/renders.sh "$stackplan")
[ "$count" -gt 0 ] || { echo "nothing was rendered" >&2; exit 1; }
echo "control tower: $templates templates of $count renders against $((${#rules[@]} / 2)) controls, $failures failures"
[ "$failures" -eq 0 ]
