#!/usr/bin/env bash
# Renders every example and fixture, every scenario, with --target cloudformation and checks the
# templates with cfn-guard against every AWS Control Tower proactive control of the services
# listed in tests/validators/guard/controls.txt (rules and binary from
# @cdklabs/cdk-validator-cfnguard, pinned by tests/validators/guard/package-lock.json and
# installed when missing or out of date). A control may fail only on a resource that records an
# exception for it, with a reason, in its Metadata (tests/validators/guard/check.py).
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
while read -r service; do
  [[ -z "$service" || "$service" == \#* ]] && continue
  for rule in "$package/rules/control-tower/cfn-guard/$service"/*.guard; do
    rules+=(-r "$rule")
  done
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
# The exceptions check must be able to fail too: on failures no exception covers, and on an
# exception without a reason.
"$guard" validate "${rules[@]}" -d "$work/insecure.yaml" -z -o json -S none >"$work/guard.json" 2>&1 || true
if python3 "$validators/check.py" "$work/insecure.yaml" <"$work/guard.json" >/dev/null 2>&1; then
  echo "check.py accepted the failures of insecure.yaml" >&2
  exit 1
fi
printf 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Metadata:\n      stackplan:\n        exceptions:\n          - control: CT.S3.PR.4\n            reason: ""\n' >"$work/unexplained.yaml"
if echo '[]' | python3 "$validators/check.py" "$work/unexplained.yaml" >/dev/null 2>&1; then
  echo "check.py accepted an exception without a reason" >&2
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
    "$guard" validate "${rules[@]}" -d "$template" -z -o json -S none >"$work/guard.json" 2>&1 || true
    if ! python3 "$validators/check.py" "$template" <"$work/guard.json" >"$work/check.txt" 2>&1; then
      echo "FAIL $example/$scenario:" >&2
      head -n 20 "$work/check.txt" >&2
      failures=$((failures + 1))
    fi
  done
done 3< <(tests/validators/renders.sh "$stackplan")
[ "$count" -gt 0 ] || { echo "nothing was rendered" >&2; exit 1; }
echo "control tower: $templates templates of $count renders against $((${#rules[@]} / 2)) controls, $failures failures"
[ "$failures" -eq 0 ]
