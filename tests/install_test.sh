#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks the installed layout: `stackplan` does not
# load libcurl at startup, and `pricing update` finds the stackplan-http module where it was
# installed (it then fails to connect to a closed loopback port: exit 3, not "not installed").
#   tests/install_test.sh BUILD_DIR
set -euo pipefail
build="$1"
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
bin="$prefix/bin/stackplan"
if readelf -d "$bin" | grep -q 'NEEDED.*libcurl'; then
  echo "FAIL: $bin links libcurl directly" >&2
  exit 1
fi
"$bin" plan examples/operationcode/stack.yaml >/dev/null
set +e
out="$("$bin" pricing update --service AmazonRDS --region us-east-1 --endpoint http://127.0.0.1:9 \
  --catalog "$prefix/catalog" --retries 0 2>&1)"
code=$?
set -e
if [ "$code" -ne 3 ] || ! grep -q "Couldn't connect to server" <<<"$out"; then
  echo "FAIL: installed pricing update (exit $code):" >&2
  echo "$out" >&2
  exit 1
fi
if [ -e "$prefix/catalog/catalog.tsv" ]; then
  echo "FAIL: a failed update wrote a catalog" >&2
  exit 1
fi
# Without the module, update says what is missing, and still exits 3.
rm -f "$(find "$prefix" -name stackplan-http.so)"
set +e
out="$("$bin" pricing update --service AmazonRDS --catalog "$prefix/catalog" 2>&1)"
code=$?
set -e
if [ "$code" -ne 3 ] || ! grep -q "stackplan-http.so is not installed" <<<"$out"; then
  echo "FAIL: missing module (exit $code): $out" >&2
  exit 1
fi
echo "install layout ok"
