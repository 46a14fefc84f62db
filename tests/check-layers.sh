#!/usr/bin/env bash
# Checks that every folder of src/ is a layer and that each source file includes only headers of
# its own layer or of layers before it. Usage: check-layers.sh SRC_DIR LAYER...
# (the layers in order, as CMakeLists.txt lists them in STACKPLAN_LAYERS). Tests beside the code
# (*_test.cpp) may include any layer.
#
# A kind's own folder, src/kinds/<kind>/, holds files of several layers, each named after its
# layer: kinds/elasticache/spec.hpp belongs to the spec layer, kinds/elasticache/lint.cpp to the
# lint layer, kinds/database/kinds_rds.cpp to the kinds layer. An include of "kinds/<kind>/<layer>.hpp" is an include of that layer.
set -euo pipefail
src="$1"
shift
order="$*"
declare -A rank
i=0
for layer in "$@"; do
  rank[$layer]=$i
  i=$((i + 1))
done

status=0

# check_file FILE LAYER NAME: every include of FILE is of LAYER or an earlier one.
check_file() {
  local file="$1" layer="$2" name="$3" n=0 line target
  while IFS= read -r line; do
    n=$((n + 1))
    # "kinds/<kind>/<layer>.hpp" is a header of <layer>; "<layer>/..." one of <layer>.
    if [[ "$line" =~ ^#include\ \"kinds/[a-z0-9_]+/([a-z_]+)\.hpp\" ]]; then
      target="${BASH_REMATCH[1]}"
    elif [[ "$line" =~ ^#include\ \"([a-z_]+)/ ]]; then
      target="${BASH_REMATCH[1]}"
    else
      continue
    fi
    if [[ -z "${rank[$target]+x}" ]]; then
      echo "$name:$n: includes $target/, which is not a layer" >&2
      status=1
    elif ((rank[$target] > rank[$layer])); then
      echo "$name:$n: $layer includes $target, a later layer (order: $order)" >&2
      status=1
    fi
  done <"$file"
}

for dir in "$src"/*/; do
  layer="$(basename "$dir")"
  if [[ -z "${rank[$layer]+x}" ]]; then
    echo "src/$layer/ is not a layer: add it to STACKPLAN_LAYERS in CMakeLists.txt" >&2
    status=1
    continue
  fi
  for file in "$dir"*.cpp "$dir"*.hpp; do
    [[ -e "$file" && "$file" != *_test.cpp ]] || continue
    check_file "$file" "$layer" "src/$layer/$(basename "$file")"
  done
done

for dir in "$src"/kinds/*/; do
  [[ -d "$dir" ]] || continue
  kind="$(basename "$dir")"
  for file in "$dir"*; do
    base="$(basename "$file")"
    stem="${base%%.*}"
    stem="${stem%_test}"
    stem="${stem%%_*}" # kinds_rds.cpp belongs to kinds (layer names have no '_')
    if [[ -z "${rank[$stem]+x}" ]]; then
      echo "src/kinds/$kind/$base: a kind's files are named after their layer" \
        "(spec.cpp, pricing.cpp, kinds.cpp or kinds_<name>.cpp, lint.cpp, <layer>_test.cpp)" >&2
      status=1
      continue
    fi
    [[ "$base" != *_test.cpp ]] || continue
    check_file "$file" "$stem" "src/kinds/$kind/$base"
  done
done
exit $status
