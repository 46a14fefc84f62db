#!/usr/bin/env bash
# Installs the build into a scratch prefix and checks the installed layout: `stackplan` does not
# load libcurl at startup, and `pricing update` finds the stackplan-http module where it was
# installed (it then fails to connect to a closed loopback port: exit 3, not "not installed");
# the man page documents every command and option --help lists and groff reads it without a
# warning; the completion scripts are where bash, zsh and fish look for them; the examples plan
# from where they are installed, and their schema line finds the installed schema; `init` writes
# a spec that plans.
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

fail() {
  echo "FAIL: $*" >&2
  exit 1
}
share="$prefix/share"
man="$share/man/man1/stackplan.1"
[ -f "$man" ] || fail "no man page at $man"
# Every command `help` lists, and every option of every command, is in the man page.
commands=$("$bin" help | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1}')
[ -n "$commands" ] || fail "'stackplan help' lists no commands"
for command in $commands; do
  subs=$("$bin" help "$command" | awk '/^Subcommands:/{on=1; next} on && /^  [a-z]/{print $1}')
  if [ -n "$subs" ]; then
    names=$(for sub in $subs; do echo "$command $sub"; done)
  else
    names=$command
  fi
  while read -r words; do
    grep -q "^\.SS \"stackplan $words" "$man" || fail "the man page has no section for '$words'"
    # shellcheck disable=SC2086 # the words of a command
    for option in $("$bin" help $words | grep -oE '^  (-[a-zA-Z],)?--[a-z-]+' | grep -oE -- '--[a-z-]+'); do
      grep -qF -- "${option//-/\\-}" "$man" || fail "the man page lacks $option of '$words'"
    done
  done <<<"$names"
done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$man" 2>&1)
  [ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
fi
# The completion scripts, where each shell looks, as `completion` prints them.
for pair in bash:bash-completion/completions/stackplan zsh:zsh/site-functions/_stackplan \
  fish:fish/vendor_completions.d/stackplan.fish; do
  shell="${pair%%:*}"
  file="$share/${pair#*:}"
  [ -f "$file" ] || fail "no $shell completion at $file"
  "$bin" completion "$shell" | cmp -s - "$file" || fail "$file differs from 'completion $shell'"
done
# The examples, planned where they are installed; their schema line resolves there.
examples="$share/stackplan/examples"
[ -f "$examples/pantrypal/stack.yaml" ] || fail "the examples are not installed in $examples"
for spec in "$examples"/*/stack.yaml; do
  "$bin" plan "$spec" >/dev/null 2>&1 || fail "installed $spec does not plan"
  schema=$(sed -n '1s/^# yaml-language-server: \$schema=//p' "$spec")
  [ -f "$(dirname "$spec")/$schema" ] || fail "$spec points at $schema, which is not installed"
done
# init, from the installed binary, in an empty folder.
mkdir "$prefix/new-app"
(cd "$prefix/new-app" && "$bin" init --platform fargate --database rds-postgres \
  --region eu-west-1 >plan.txt 2>init.txt) || fail "init failed: $(cat "$prefix/new-app/init.txt")"
grep -q "new-app (stack.yaml, eu-west-1)" "$prefix/new-app/plan.txt" ||
  fail "init did not plan its spec: $(cat "$prefix/new-app/plan.txt")"
echo "install layout ok"
