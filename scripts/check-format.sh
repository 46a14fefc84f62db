#!/usr/bin/env bash
# Fails when any C++ file differs from clang-format's output (.clang-format at the top).
set -euo pipefail
cd "$(dirname "$0")/.."
files=$(git ls-files --cached --others --exclude-standard '*.cpp' '*.hpp' || true)
if [ "${1:-}" = "--fix" ]; then
  clang-format -i $files
  exit 0
fi
clang-format --dry-run --Werror $files
echo "format: $(echo "$files" | wc -w) files clean"
