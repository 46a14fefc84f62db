#!/usr/bin/env bash
# Two stackplan processes writing one folder take turns (a lock on DIR/.stackplan.lock): both
# finish and neither's work is lost; one that cannot get the lock in time fails with exit 3.
# Usage: concurrency_test.sh STACKPLAN SOURCE_DIR
set -uo pipefail
stackplan="$1"
cd "$2"
spec=examples/pantrypal/stack.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}

# Imports of two files at the same time: both sources end in the catalog, every time.
for i in 1 2 3 4 5 6 7 8; do
  dir="$work/catalog-$i"
  "$stackplan" pricing import --catalog "$dir" tests/fixtures/pricing/offer-rds-us-east-1.json \
    >"$work/a.out" 2>&1 &
  a=$!
  "$stackplan" pricing import --catalog "$dir" tests/fixtures/pricing/offer-ec2-m5large.json \
    >"$work/b.out" 2>&1 &
  b=$!
  wait $a || fail "import $i (RDS) failed: $(cat "$work/a.out")"
  wait $b || fail "import $i (EC2) failed: $(cat "$work/b.out")"
  grep -q "^offer:AmazonRDS:" "$dir/catalog.tsv" || fail "import $i: the RDS import was lost"
  grep -q "^offer:AmazonEC2:" "$dir/catalog.tsv" || fail "import $i: the EC2 import was lost"
done

# Renders into one folder at the same time: both succeed and the folder is what the spec
# renders, with no staged files left.
for i in 1 2 3 4; do
  out="$work/render-$i"
  "$stackplan" render $spec --out "$out" >/dev/null 2>"$work/a.err" &
  a=$!
  "$stackplan" render $spec --out "$out" --scenario current >/dev/null 2>"$work/b.err" &
  b=$!
  wait $a || fail "render $i (target) failed: $(cat "$work/a.err")"
  wait $b || fail "render $i (current) failed: $(cat "$work/b.err")"
  if ! "$stackplan" render $spec --out "$out" --check >/dev/null 2>&1 &&
    ! "$stackplan" render $spec --out "$out" --scenario current --check >/dev/null 2>&1; then
    fail "render $i: the folder is neither scenario's render"
  fi
  if find "$out" -name '*.stackplan-tmp' | grep -q .; then
    fail "render $i: staged files left"
  fi
done

# A lock held by someone else: wait for it, or give up with exit 3 after the timeout. The
# holder keeps the lock until this script releases it, so no step depends on how fast the
# machine is.
out="$work/held"
mkdir -p "$out"
flock "$out/.stackplan.lock" sh -c 'touch "$1/held"; while [ ! -e "$1/release" ]; do sleep 0.05; done' \
  sh "$work" &
holder=$!
until [[ -e "$work/held" ]]; do sleep 0.05; done
STACKPLAN_LOCK_TIMEOUT=0.5 "$stackplan" render $spec --out "$out" >/dev/null 2>"$work/held.err"
got=$?
[[ $got == 3 ]] || fail "render while the lock is held: exit $got, expected 3"
grep -q "another stackplan process is using $out" "$work/held.err" ||
  fail "render while the lock is held: $(cat "$work/held.err")"
"$stackplan" render $spec --out "$out" >/dev/null 2>"$work/waited.err" &
waiter=$!
for _ in $(seq 600); do
  grep -q "waiting for another stackplan process using $out" "$work/waited.err" && break
  sleep 0.05
done
grep -q "waiting for another stackplan process using $out" "$work/waited.err" ||
  fail "render that waits did not say so: $(cat "$work/waited.err")"
touch "$work/release"
wait $waiter
got=$?
[[ $got == 0 ]] || fail "render after waiting: exit $got: $(cat "$work/waited.err")"
wait $holder
exit $status
