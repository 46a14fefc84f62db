#!/usr/bin/env bash
# Builds the libFuzzer target with clang and fuzzes the spec parser for SECONDS (default 60),
# seeded with the examples and the error suite. Exit status is non-zero on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DSTACKPLAN_FUZZ=ON -DSTACKPLAN_TESTS=OFF >/dev/null
cmake --build "$build" --target spec_fuzzer
corpus="$build/corpus/spec"
mkdir -p "$corpus"
for f in examples/*/stack.yaml; do cp "$f" "$corpus/example-$(basename "$(dirname "$f")").yaml"; done
cp tests/errors/*.yaml tests/errors/*.json "$corpus/"
artifacts="$build/findings/"
mkdir -p "$artifacts"
"$build/fuzz/spec_fuzzer" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus"
