#!/usr/bin/env bash
# Benchmarks `stackplan pricing import` against jq on a synthetic offer file in AWS's schema.
#   bench/import_bench.sh [PRODUCTS] [RUNS]     (defaults: 140000 products, about 1.3 GB; 3 runs)
# Prints wall time, throughput and peak RSS of each run, then the medians and the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
products="${1:-140000}"
runs="${2:-3}"
work="${BENCH_DIR:-/tmp/stackplan-bench}"
mkdir -p "$work"
cmake --build build --target stackplan gen_offer >/dev/null
file="$work/offer-$products.json"
[ -f "$file" ] || ./build/gen_offer "$file" "$products"
bytes=$(stat -c %s "$file")
echo "file: $file, $bytes bytes, $products products"

measure() {  # label command...
  local label="$1"; shift
  local out
  /usr/bin/time -f "%e %M" -o "$work/time.out" "$@" >/dev/null 2>&1
  out=$(tail -n 1 "$work/time.out")
  local secs=${out% *} kb=${out#* }
  awk -v l="$label" -v s="$secs" -v k="$kb" -v b="$bytes" \
    'BEGIN { printf "%-8s %7.2f s  %8.1f MB/s  peak RSS %7.1f MB\n", l, s, b / s / 1e6, k / 1024 }'
  echo "$secs $kb" >> "$work/$label.runs"
}

rm -f "$work"/stackplan.runs "$work"/jq.runs
for i in $(seq "$runs"); do
  rm -rf "$work/catalog"
  measure stackplan ./build/stackplan pricing import "$file" --catalog "$work/catalog"
done
filter='. as $o | $o.products[]
  | select(.productFamily == "Compute Instance" and .attributes.operatingSystem == "Linux"
           and .attributes.tenancy == "Shared" and .attributes.preInstalledSw == "NA"
           and .attributes.capacitystatus == "Used")
  | .sku as $s | [$s, ($o.terms.OnDemand[$s][].priceDimensions[].pricePerUnit.USD)]'
for i in $(seq "$runs"); do
  measure jq jq -c "$filter" "$file"
done
median() { sort -n "$1" | awk '{ a[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); print a[i], m[i] }'; }
read -r s_sec s_kb < <(median "$work/stackplan.runs")
read -r j_sec j_kb < <(median "$work/jq.runs")
awk -v s="$s_sec" -v sk="$s_kb" -v j="$j_sec" -v jk="$j_kb" -v b="$bytes" 'BEGIN {
  printf "median stackplan: %.2f s, %.0f MB/s, peak RSS %.0f MB\n", s, b / s / 1e6, sk / 1024
  printf "median jq:        %.2f s, %.0f MB/s, peak RSS %.0f MB\n", j, b / j / 1e6, jk / 1024
  printf "stackplan is %.1fx faster than jq and uses %.1fx less memory\n", j / s, jk / sk }'
