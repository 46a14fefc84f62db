#!/usr/bin/env bash
# Lists what the validators render: one line "SPEC NAME SCENARIO" for every scenario of every
# example spec and render fixture (NAME: the example's folder or the fixture's file name).
# Usage: tests/validators/renders.sh path/to/stackplan   (from the source root)
set -euo pipefail
stackplan=$1
for spec in examples/*/stack.yaml tests/fixtures/render/*.yaml; do
  name=$(basename "$spec" .yaml)
  [ "$name" = stack ] && name=$(basename "$(dirname "$spec")")
  "$stackplan" plan "$spec" --format json 2>/dev/null |
    python3 -c 'import json, sys; [print(sys.argv[1], sys.argv[2], s["name"]) for s in json.load(sys.stdin)["stacks"][0]["scenarios"]]' "$spec" "$name"
done
