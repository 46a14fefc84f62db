#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and fuzzes the spec parser, the price file importer,
# the streaming JSON reader under it (against nlohmann's parser), the HCL parser, and lint over
# CloudFormation and over Terraform for SECONDS each (default 60), seeded with the examples, the
# error suite, the price fixtures, the HCL corpus and the lint rule fixtures (which hold
# JSON-in-string policies and container definitions, and user data). Exit status is non-zero
# on any finding. Each step is announced as it starts and each fuzzer ends with one line; the
# fuzzers' own output is in $build/logs/ (its end is printed on a finding).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTACKPLAN_FUZZ=ON -DSTACKPLAN_TESTS=OFF >/dev/null
echo "fuzz: building the fuzzers (clang, ASan, UBSan) in $build"
cmake --build "$build" --target spec_fuzzer offer_fuzzer json_fuzzer hcl_fuzzer \
  cfn_fuzzer tf_fuzzer >"$build/build.log" 2>&1 || {
  tail -n 40 "$build/build.log"
  exit 1
}
artifacts="$build/findings/"
mkdir -p "$artifacts" "$build/corpus/spec" "$build/corpus/offer" "$build/corpus/json" \
  "$build/corpus/hcl" "$build/corpus/cfn" "$build/corpus/tf"
for f in examples/*/stack.yaml; do
  cp "$f" "$build/corpus/spec/example-$(basename "$(dirname "$f")").yaml"
done
cp tests/errors/*.yaml tests/errors/*.json "$build/corpus/spec/"
cp tests/fixtures/pricing/*.json "$build/corpus/offer/"
cp tests/fixtures/pricing/*.json tests/errors/*.json "$build/corpus/json/"
cp tests/lint/hcl-corpus/*.tf "$build/corpus/hcl/"
for f in tests/lint/rules/*/*.yaml; do
  cp "$f" "$build/corpus/cfn/$(basename "$(dirname "$f")")-$(basename "$f")"
done
for f in tests/lint/rules/*/*.tf; do
  cp "$f" "$build/corpus/tf/$(basename "$(dirname "$f")")-$(basename "$f")"
done
mkdir -p "$build/logs"
for target in spec offer json hcl cfn tf; do
  echo "fuzz: ${target}_fuzzer for $seconds s"
  log="$build/logs/${target}_fuzzer.log"
  if ! "$build/fuzz/${target}_fuzzer" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts" \
    "$build/corpus/$target" >"$log" 2>&1; then
    tail -n 60 "$log"
    echo "fuzz: ${target}_fuzzer found a problem; the input is in $artifacts" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  echo "fuzz: ${target}_fuzzer: ${runs:-?} inputs, no finding"
done
