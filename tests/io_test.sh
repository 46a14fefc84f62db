#!/usr/bin/env bash
# Inputs that are not regular files (standard input as "-", pipes, process substitutions,
# devices) are read like files; output that cannot be written is a failure (exit 3 with the OS
# reason), never a success with a truncated result; arguments that cannot be right are usage
# errors (exit 2). Usage: io_test.sh STACKPLAN SOURCE_DIR
set -uo pipefail
stackplan="$1"
cd "$2"
spec=examples/pantrypal/stack.yaml
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
expect() {  # expect CODE DESCRIPTION -- COMMAND...
  local want="$1" what="$2"
  shift 3
  "$@" >/tmp/stackplan-io-out.$$ 2>/tmp/stackplan-io-err.$$
  local got=$?
  [[ $got == "$want" ]] || fail "$what: exit $got, expected $want: $(head -c 300 /tmp/stackplan-io-err.$$)"
}

expect 2 "an empty device is an empty spec" -- "$stackplan" validate /dev/null
grep -q "spec is empty" /tmp/stackplan-io-err.$$ || fail "/dev/null: no 'spec is empty'"
grep -q "internal error" /tmp/stackplan-io-err.$$ && fail "/dev/null: internal error"
expect 0 "a spec on standard input" -- bash -c "\"$stackplan\" validate - < $spec"
expect 0 "a spec through a pipe" -- bash -c "cat $spec | \"$stackplan\" validate -"
expect 0 "a spec by process substitution" -- bash -c "\"$stackplan\" validate <(cat $spec)"
expect 0 "a usage file by process substitution" -- \
  bash -c "\"$stackplan\" plan $spec --usage <(echo 'aws_lb.main: {lcu: 2}')"
expect 2 "render of an empty device" -- "$stackplan" render /dev/null --out /tmp/stackplan-io-render.$$

expect 2 "render --out with an empty folder name" -- "$stackplan" render $spec --out ""
expect 2 "an endpoint that is not a URL" -- \
  "$stackplan" pricing update --endpoint "not a url" --catalog /tmp/stackplan-io-catalog.$$
expect 2 "an endpoint that is not HTTP" -- \
  "$stackplan" pricing update --endpoint ftp://example.com --catalog /tmp/stackplan-io-catalog.$$
expect 2 "a region code with a typo" -- \
  "$stackplan" pricing update --region eu-west1 --catalog /tmp/stackplan-io-catalog.$$
grep -q "did you mean 'eu-west-1'" /tmp/stackplan-io-err.$$ || fail "--region eu-west1: no suggestion"
[[ -e /tmp/stackplan-io-catalog.$$ ]] && fail "a refused update created its catalog folder"

# A spec the system will not let us read is the environment's failure (3), not the spec's (2).
# As root, permissions are not checked: read it as nobody.
as_user=()
if [[ $(id -u) == 0 ]]; then
  command -v setpriv >/dev/null && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
fi
if [[ $(id -u) != 0 || ${#as_user[@]} -gt 0 ]]; then
  locked=$(mktemp -d)
  cp $spec "$locked/stack.yaml"
  mkdir "$locked/tf"
  printf 'variable "x" {\n  type = string\n}\n' >"$locked/tf/main.tf"
  chmod 755 "$locked" "$locked/tf"
  chmod 000 "$locked/stack.yaml"
  for cmd in validate plan "render --out $locked/out" "lint --spec"; do
    if [[ $cmd == "lint --spec" ]]; then
      args=(lint "$locked/tf" --spec "$locked/stack.yaml")
    else
      read -r -a args <<<"$cmd"
      args=("${args[0]}" "$locked/stack.yaml" "${args[@]:1}")
    fi
    expect 3 "$cmd of an unreadable spec" -- "${as_user[@]}" "$stackplan" "${args[@]}"
    grep -q "cannot read spec: Permission denied" /tmp/stackplan-io-err.$$ ||
      fail "$cmd of an unreadable spec: $(head -c 300 /tmp/stackplan-io-err.$$)"
  done
  expect 2 "a spec that does not exist is the user's mistake" -- "$stackplan" validate "$locked/nope.yaml"
  chmod 000 "$locked/tf/main.tf"
  expect 3 "lint of an unreadable file" -- "${as_user[@]}" "$stackplan" lint "$locked/tf"
  grep -q "cannot read $locked/tf/main.tf: Permission denied" /tmp/stackplan-io-err.$$ ||
    fail "lint of an unreadable file: $(head -c 300 /tmp/stackplan-io-err.$$)"
  rm -rf "$locked"
fi

# A catalog that is empty, cut short, or a directory is an error naming it (exit 2), never a
# smaller catalog; nothing is written over it.
cat_dir=$(mktemp -d)
: >"$cat_dir/catalog.tsv"
for args in "pricing import tests/fixtures/pricing/offer-rds-us-east-1.json" \
  "pricing update --endpoint http://127.0.0.1:9" "pricing show" "plan $spec"; do
  read -r -a words <<<"$args"
  expect 2 "$args with an empty catalog.tsv" -- "$stackplan" "${words[@]}" --catalog "$cat_dir"
  grep -q "$cat_dir/catalog.tsv:1: empty, not a stackplan price catalog" /tmp/stackplan-io-err.$$ ||
    fail "$args with an empty catalog.tsv: $(head -c 300 /tmp/stackplan-io-err.$$)"
done
[[ -s "$cat_dir/catalog.tsv" ]] && fail "an import wrote over an empty catalog.tsv"
head -n 200 pricing/catalog.tsv >"$cat_dir/catalog.tsv"
expect 2 "a catalog cut at a line" -- "$stackplan" pricing show --catalog "$cat_dir"
grep -q "ends without the line '\[end\]<tab><rows> rows'" /tmp/stackplan-io-err.$$ ||
  fail "a catalog cut at a line: $(head -c 300 /tmp/stackplan-io-err.$$)"
rm "$cat_dir/catalog.tsv"
mkdir "$cat_dir/catalog.tsv"
expect 2 "a directory named catalog.tsv" -- "$stackplan" pricing show --catalog "$cat_dir"
grep -q "catalog.tsv: not a file" /tmp/stackplan-io-err.$$ || fail "a directory named catalog.tsv"
rm -rf "$cat_dir"

if [[ -w /dev/full ]]; then
  for args in "schema" "validate $spec" "plan $spec --format json" \
    "pricing show --region us-east-1 --service AmazonECS" \
    "lint tests/lint/rules/rds-public/fail.yaml --format sarif --fail-on none"; do
    expect 3 "$args > /dev/full" -- bash -c "\"$stackplan\" $args > /dev/full"
    grep -q "cannot write the output: No space left on device" /tmp/stackplan-io-err.$$ ||
      fail "$args > /dev/full: no reason given"
  done
fi
rm -rf /tmp/stackplan-io-out.$$ /tmp/stackplan-io-err.$$ /tmp/stackplan-io-render.$$ \
  /tmp/stackplan-io-catalog.$$
exit $status
