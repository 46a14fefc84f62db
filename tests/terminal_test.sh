#!/usr/bin/env bash
# Colours on a terminal and nowhere else: on a pseudo-terminal (script(1)) the plan table, the
# warnings, spec errors and lint findings are coloured; piped they are not; NO_COLOR,
# CLICOLOR_FORCE, TERM=dumb and --color auto|always|never decide as documented; colours never
# move a column. Usage: terminal_test.sh STACKPLAN SOURCE_DIR
set -uo pipefail
stackplan="$(realpath "$1")"
cd "$2"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
spec=examples/pantrypal/stack.yaml
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
esc=$'\033['
# Runs a command line on a pseudo-terminal; its output (both streams) goes to FILE.
on_tty() {  # on_tty FILE COMMAND-LINE
  script -qec "$2" /dev/null >"$1" 2>&1 </dev/null
}
has_color() { grep -qF "$esc" "$1"; }

# The checker must be able to fail: script(1) gives a terminal, and a plain echo has no colour.
on_tty "$work/tty" "test -t 1 && echo terminal"
grep -q terminal "$work/tty" || fail "script(1) does not give the command a terminal"
on_tty "$work/plain" "echo plain"
has_color "$work/plain" && fail "the colour check finds colour in plain text"

on_tty "$work/plan" "$stackplan plan $spec"
has_color "$work/plan" || fail "plan on a terminal: no colour"
grep -qF "${esc}31m+\$105.21${esc}0m" "$work/plan" || fail "plan on a terminal: the cost increase is not red"
grep -qF "${esc}1;35mwarning${esc}0m: pantrypal" "$work/plan" ||
  fail "plan on a terminal: the warning is not marked"
"$stackplan" plan $spec >"$work/piped" 2>&1
has_color "$work/piped" && fail "plan piped: coloured"

on_tty "$work/nocolor" "NO_COLOR=1 $stackplan plan $spec"
has_color "$work/nocolor" && fail "NO_COLOR on a terminal: coloured"
on_tty "$work/dumb" "TERM=dumb $stackplan plan $spec"
has_color "$work/dumb" && fail "TERM=dumb: coloured"
on_tty "$work/never" "$stackplan --color never plan $spec"
has_color "$work/never" && fail "--color never on a terminal: coloured"
on_tty "$work/both" "NO_COLOR=1 CLICOLOR_FORCE=1 $stackplan plan $spec"
has_color "$work/both" && fail "NO_COLOR with CLICOLOR_FORCE: coloured"
CLICOLOR_FORCE=1 "$stackplan" plan $spec >"$work/forced" 2>&1
has_color "$work/forced" || fail "CLICOLOR_FORCE piped: no colour"
CLICOLOR_FORCE=0 "$stackplan" plan $spec >"$work/zero" 2>&1
has_color "$work/zero" && fail "CLICOLOR_FORCE=0 piped: coloured"
NO_COLOR=1 "$stackplan" plan $spec --color=always >"$work/always" 2>/dev/null
has_color "$work/always" || fail "--color=always (after the command, over NO_COLOR): no colour"

# Colour changes no column: without its escapes the coloured table is the plain one.
for example in examples/*/stack.yaml tests/fixtures/render/variety.yaml; do
  "$stackplan" plan "$example" --color always 2>/dev/null | sed 's/\x1b\[[0-9;]*m//g' >"$work/stripped"
  "$stackplan" plan "$example" 2>/dev/null >"$work/plain"
  cmp -s "$work/stripped" "$work/plain" || fail "$example: colours move the table"
done

# Tables and warnings fit the terminal: with 100 columns no line is longer (after its escapes);
# piped, COLUMNS changes nothing and lines are as long as they need.
for example in examples/*/stack.yaml tests/fixtures/render/variety.yaml; do
  on_tty "$work/narrow" "COLUMNS=100 $stackplan plan $example"
  sed 's/\x1b\[[0-9;]*m//g; s/\r$//' "$work/narrow" >"$work/narrow.txt"
  longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' "$work/narrow.txt")
  [[ $longest -le 100 ]] || fail "$example on 100 columns: a line of $longest"
  "$stackplan" plan "$example" >"$work/wide" 2>&1
  COLUMNS=100 "$stackplan" plan "$example" >"$work/wide-columns" 2>&1
  cmp -s "$work/wide" "$work/wide-columns" || fail "$example piped: COLUMNS changed the output"
done
longest=$(awk '{ if (length($0) > n) n = length($0) } END { print n + 0 }' "$work/wide")
[[ $longest -gt 100 ]] || fail "piped: the widest example has no line over 100 columns"
# Nothing is lost by wrapping: the same words in the same order.
on_tty "$work/narrow" "COLUMNS=80 $stackplan plan $spec"
sed 's/\x1b\[[0-9;]*m//g; s/\r$//' "$work/narrow" | tr -s ' \n' '\n\n' >"$work/narrow.words"
"$stackplan" plan $spec 2>&1 | tr -s ' \n' '\n\n' >"$work/wide.words"
cmp -s "$work/narrow.words" "$work/wide.words" || fail "wrapping on 80 columns lost or moved words"

# Spec errors: the severity and the caret.
printf 'version: 1\nname: t\nregion: us-east-1\nservices: 3\n' >"$work/bad.yaml"
on_tty "$work/bad" "$stackplan validate $work/bad.yaml"
grep -qF "${esc}1;31merror${esc}0m" "$work/bad" || fail "validate on a terminal: error not red"
"$stackplan" validate "$work/bad.yaml" >"$work/bad-piped" 2>&1
has_color "$work/bad-piped" && fail "validate piped: coloured"

# Lint findings.
on_tty "$work/lint" "$stackplan lint tests/lint/rules 2>/dev/null"
grep -qF -e "${esc}1;31merror${esc}0m" -e "${esc}1;35mwarning${esc}0m" "$work/lint" ||
  fail "lint on a terminal: findings not marked"

# init asks on a terminal (standard input one), again after a wrong answer; without a
# terminal it asks nothing and takes the defaults.
printf 'shop\nec3\nec2\n\neu-west-1\n' |
  script -qec "$stackplan init --no-plan --out $work/asked.yaml" /dev/null >"$work/init" 2>&1
grep -q "'ec3' is not a platform; did you mean 'ec2'?" "$work/init" ||
  fail "init on a terminal: no second question after a wrong answer: $(cat "$work/init")"
grep -q "^  platform: ec2" "$work/asked.yaml" && grep -q "^region: eu-west-1" "$work/asked.yaml" ||
  fail "init on a terminal: the answers are not in the spec"
"$stackplan" init --no-plan --out "$work/quiet.yaml" </dev/null >"$work/init-piped" 2>&1 ||
  fail "init without a terminal: $(cat "$work/init-piped")"
grep -q "platform: fargate" "$work/quiet.yaml" || fail "init without a terminal: not the defaults"
grep -q "?" "$work/init-piped" && fail "init without a terminal asked: $(cat "$work/init-piped")"

# A wrong value is a usage error.
"$stackplan" --color sometimes plan $spec >/dev/null 2>"$work/err"
[[ $? == 2 ]] || fail "--color sometimes: not exit 2"
grep -q "auto, always or never" "$work/err" || fail "--color sometimes: $(cat "$work/err")"
"$stackplan" plan $spec --color >/dev/null 2>"$work/err"
[[ $? == 2 ]] || fail "--color without a value: not exit 2"
exit $status
