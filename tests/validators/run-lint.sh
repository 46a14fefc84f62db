#!/usr/bin/env bash
# stackplan lint on everything stackplan renders, and its SARIF against the SARIF 2.1.0 schema.
# - Every example and fixture, every scenario, rendered with --target all, lints with zero
#   errors (exit 0 at the default --fail-on error), and with zero drift against its spec.
# - The SARIF output of those lints, of the rule fixtures and of the CLI fixtures validates
#   against the SARIF 2.1.0 JSON Schema (tests/validators/sarif, installed with npm ci), and
#   the validator rejects a log with a missing tool and a wrong level.
# Usage: tests/validators/run-lint.sh path/to/stackplan [work-dir]
set -euo pipefail

stackplan=$(realpath "$1")
work=${2:-$(mktemp -d)}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
rm -rf "$work"
mkdir -p "$work"

validators=tests/validators/sarif
if ! cmp -s "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock" 2>/dev/null; then
  (cd "$validators" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
  cp "$validators/package-lock.json" "$validators/node_modules/.stackplan-lock"
fi
validate() { node "$validators/validate.js" "$@"; }

# The validator must be able to fail.
"$stackplan" lint tests/lint/cli/mixed.tf --format sarif --fail-on none > "$work/good.sarif"
python3 - "$work/good.sarif" "$work/bad.sarif" <<'PY'
import json, sys
log = json.load(open(sys.argv[1]))
del log["runs"][0]["tool"]
log["runs"][0]["results"][0]["level"] = "fatal"
json.dump(log, open(sys.argv[2], "w"))
PY
validate "$work/good.sarif"
if validate "$work/bad.sarif" > "$work/bad.out"; then
  echo "FAIL: the SARIF validator accepted a log without a tool" >&2
  exit 1
fi
grep -q "required property 'tool'" "$work/bad.out"

status=0
count=0
sarifs=("$work/good.sarif")
while read -r spec name scenario; do
  out="$work/$name-$scenario"
  "$stackplan" render "$spec" --out "$out" --target all --scenario "$scenario" > /dev/null
  if ! "$stackplan" lint "$out" --spec "$spec" --scenario "$scenario" > "$out.txt"; then
    echo "FAIL: $name $scenario lints with errors:" >&2
    grep -E ': (error):' "$out.txt" >&2 || cat "$out.txt" >&2
    status=1
  fi
  "$stackplan" lint "$out" --format sarif --fail-on none > "$out.sarif"
  sarifs+=("$out.sarif")
  count=$((count + 1))
done < <(bash tests/validators/renders.sh "$stackplan")

n=0
for dir in tests/lint/rules/*/; do
  "$stackplan" lint "$dir" --format sarif --fail-on none > "$work/rule-$n.sarif"
  sarifs+=("$work/rule-$n.sarif")
  n=$((n + 1))
done
"$stackplan" lint tests/lint/cli --format sarif --fail-on none > "$work/cli.sarif"
sarifs+=("$work/cli.sarif")

if ! validate "${sarifs[@]}"; then
  echo "FAIL: SARIF output does not validate against the SARIF 2.1.0 schema" >&2
  status=1
fi
echo "linted $count renders (both targets); ${#sarifs[@]} SARIF logs validated"
exit $status
