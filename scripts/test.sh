#!/usr/bin/env bash
# Sets up, builds and runs the whole test suite, as CI does:
#   format check, bounded fuzzing, ASan+UBSan build and tests, then the -Werror release build
#   and tests (the binary users get).
# FUZZ_SECONDS (default 60) bounds the fuzzing.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

echo "== setup (Debian packages)"
./scripts/setup.sh --dev
# The CloudFormation validators (cfn-lint) come from npm and run on the machine's Node.js.
for tool in node npm; do
  command -v "$tool" >/dev/null || { echo "test: $tool is required (cfn-lint runs on it)" >&2; exit 1; }
done

echo "== format"
./scripts/check-format.sh

echo "== fuzz (${FUZZ_SECONDS:-60} s)"
./scripts/fuzz.sh "${FUZZ_SECONDS:-60}"

echo "== ASan + UBSan"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSTACKPLAN_SANITIZE=ON -DSTACKPLAN_WERROR=ON -DSTACKPLAN_TESTS=ON -DSTACKPLAN_REQUIRE_VALIDATORS=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"

echo "== release build (-Werror) and tests"
cmake -S . -B build -G Ninja -DSTACKPLAN_WERROR=ON -DSTACKPLAN_TESTS=ON -DSTACKPLAN_REQUIRE_VALIDATORS=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"
