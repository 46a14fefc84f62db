#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and fuzzes the spec parser, the price file importer,
# the streaming JSON reader under it (against nlohmann's parser), the HCL parser, and lint over
# CloudFormation and over Terraform for SECONDS each (default 60), seeded with the examples, the
# error suite, the price fixtures, the HCL corpus and the lint rule fixtures (which hold
# JSON-in-string policies and container definitions, and user data). Exit status is non-zero
# on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTACKPLAN_FUZZ=ON -DSTACKPLAN_TESTS=OFF >/dev/null
cmake --build "$build" --target spec_fuzzer offer_fuzzer json_fuzzer hcl_fuzzer \
  cfn_fuzzer tf_fuzzer
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
for target in spec offer json hcl cfn tf; do
  echo "fuzz: ${target}_fuzzer for $seconds s"
  "$build/fuzz/${target}_fuzzer" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts" \
    "$build/corpus/$target"
done
