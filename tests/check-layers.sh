#!/usr/bin/env bash
# Checks that every folder of src/ is a layer and that each source file includes only headers of
# its own layer or of layers before it. Usage: check-layers.sh SRC_DIR LAYER...
# (the layers in order, as CMakeLists.txt lists them in STACKPLAN_LAYERS). Tests beside the code
# (*_test.cpp) may include any layer.
set -euo pipefail
src="$1"
shift
declare -A rank
i=0
for layer in "$@"; do
  rank[$layer]=$i
  i=$((i + 1))
done

status=0
for dir in "$src"/*/; do
  layer="$(basename "$dir")"
  if [[ -z "${rank[$layer]+x}" ]]; then
    echo "src/$layer/ is not a layer: add it to STACKPLAN_LAYERS in CMakeLists.txt" >&2
    status=1
    continue
  fi
  for file in "$dir"*.cpp "$dir"*.hpp; do
    [[ -e "$file" && "$file" != *_test.cpp ]] || continue
    n=0
    while IFS= read -r line; do
      n=$((n + 1))
      [[ "$line" =~ ^#include\ \"([a-z_]+)/ ]] || continue
      target="${BASH_REMATCH[1]}"
      if [[ -z "${rank[$target]+x}" ]]; then
        echo "src/$layer/$(basename "$file"):$n: includes $target/, which is not a layer" >&2
        status=1
      elif ((rank[$target] > rank[$layer])); then
        echo "src/$layer/$(basename "$file"):$n: $layer includes $target/, a later layer" \
          "(order: $*)" >&2
        status=1
      fi
    done <"$file"
  done
done
exit $status
