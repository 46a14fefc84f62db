#!/usr/bin/env bash
# The completion scripts `stackplan completion bash|zsh|fish` prints, loaded in each shell and
# asked what they offer: commands, subcommands, options, option choices, spec files, scenario
# names of the spec on the line, region codes. zsh's completion system needs a terminal, so its
# script runs with compadd, _describe and _files standing in (they print what they are given).
#   completion_test.sh STACKPLAN SOURCE_DIR ZSH FISH    (ZSH, FISH: empty when not installed)
set -uo pipefail
stackplan="$(realpath "$1")"
cd "$2"
zsh_bin="${3:-}"
fish_bin="${4:-}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bin"
ln -s "$stackplan" "$work/bin/stackplan"
export PATH="$work/bin:$PATH"
status=0
fail() {
  echo "FAIL: $*" >&2
  status=1
}
# expect SHELL LINE WANT...: what SHELL offers for LINE (one word a line, in $work/got)
# holds every WANT.
expect() {
  local shell=$1 line=$2
  shift 2
  for want in "$@"; do
    if ! grep -qxF -- "$want" "$work/got"; then
      fail "$shell: '$line' does not offer '$want'; it offers: $(tr '\n' ' ' <"$work/got")"
    fi
  done
}
# refuse SHELL LINE WORD...: none of them is offered.
refuse() {
  local shell=$1 line=$2
  shift 2
  for word in "$@"; do
    if grep -qxF -- "$word" "$work/got"; then
      fail "$shell: '$line' offers '$word'"
    fi
  done
}

spec=examples/pantrypal/stack.yaml
stackplan completion bash >"$work/stackplan.bash" || fail "completion bash exits $?"
# The checker must be able to fail: an empty function offers nothing.
echo '_stackplan() { COMPREPLY=(); }' >"$work/empty.bash"

bash_offers() {  # bash_offers SCRIPT WORD... (the last word is the one being completed)
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1));
           COMPREPLY=(); _stackplan; printf "%s\n" "${COMPREPLY[@]}"' _ "$@" >"$work/got" 2>&1
}
bash_offers "$work/empty.bash" stackplan pl
if grep -qx plan "$work/got"; then
  fail "the check finds 'plan' offered by a function that offers nothing"
fi

bash_offers "$work/stackplan.bash" stackplan ""
expect bash "stackplan " validate plan render lint pricing schema init completion help
refuse bash "stackplan " __complete
bash_offers "$work/stackplan.bash" stackplan pl
expect bash "stackplan pl" plan
bash_offers "$work/stackplan.bash" stackplan pricing ""
expect bash "stackplan pricing " show update import
bash_offers "$work/stackplan.bash" stackplan plan "$spec" --
expect bash "plan --" --scenario --diff --format --compare --budget
bash_offers "$work/stackplan.bash" stackplan plan "$spec" --format ""
expect bash "plan --format " table json markdown csv
bash_offers "$work/stackplan.bash" stackplan plan "$spec" --scenario ""
expect bash "plan SPEC --scenario " base current target
bash_offers "$work/stackplan.bash" stackplan render --out out "$spec" --scenario ""
expect bash "render --out out SPEC --scenario " current target
bash_offers "$work/stackplan.bash" stackplan pricing update --region eu-west-
expect bash "pricing update --region eu-west-" eu-west-1 eu-west-2 eu-west-3
refuse bash "pricing update --region eu-west-" us-east-1
bash_offers "$work/stackplan.bash" stackplan init --database rds
expect bash "init --database rds" rds-postgres rds-mysql
bash_offers "$work/stackplan.bash" stackplan completion ""
expect bash "completion " bash zsh fish
bash_offers "$work/stackplan.bash" stackplan validate examples/pantrypal/st
expect bash "validate examples/pantrypal/st" "$spec"
bash_offers "$work/stackplan.bash" stackplan validate examples/pantrypal/
expect bash "validate examples/pantrypal/" "$spec"
refuse bash "validate examples/pantrypal/" examples/pantrypal/plan.txt.golden
bash_offers "$work/stackplan.bash" stackplan validate exam
expect bash "validate exam" examples
# Loading the script leaves the shell's options as they were.
bash -c 'shopt -u extglob; source "$1"; shopt -q extglob && echo on' _ "$work/stackplan.bash" \
  >"$work/got"
[ -s "$work/got" ] && fail "bash: loading the script turns extglob on"

if [ -n "$zsh_bin" ]; then
  stackplan completion zsh >"$work/_stackplan" || fail "completion zsh exits $?"
  "$zsh_bin" -n "$work/_stackplan" || fail "the zsh script does not parse"
  cat >"$work/harness.zsh" <<'EOF'
compdef() { }
compadd() { if [[ $1 == -a ]]; then print -l -- ${(P)2}; else shift; print -l -- "$@"; fi }
_describe() { print -l -- ${(P)${@[-1]}} | cut -d: -f1 }
_files() { print -- "FILES $*" }
_message() { print -- "MESSAGE $*" }
source "$1"
shift
words=("$@")
CURRENT=${#words}
_stackplan
EOF
  zsh_offers() { "$zsh_bin" -f "$work/harness.zsh" "$work/_stackplan" "$@" >"$work/got" 2>&1; }
  zsh_offers stackplan ""
  expect zsh "stackplan " validate plan render lint pricing schema init completion help
  zsh_offers stackplan pricing ""
  expect zsh "stackplan pricing " show update import
  zsh_offers stackplan plan "$spec" --
  expect zsh "plan --" --scenario --diff --format
  zsh_offers stackplan plan "$spec" --scenario ""
  expect zsh "plan SPEC --scenario " base current target
  zsh_offers stackplan lint --format ""
  expect zsh "lint --format " text json sarif
  zsh_offers stackplan pricing show --region ""
  expect zsh "pricing show --region " us-east-1 eu-west-1
  zsh_offers stackplan render ""
  expect zsh "render " "FILES -g *.(yaml|yml|json)"
  zsh_offers stackplan render "$spec" --out ""
  expect zsh "render SPEC --out " "FILES -/"
fi

if [ -n "$fish_bin" ]; then
  stackplan completion fish >"$work/stackplan.fish" || fail "completion fish exits $?"
  fish_offers() {
    "$fish_bin" --no-config -c "source $work/stackplan.fish; complete -C '$1'" 2>&1 |
      cut -f1 >"$work/got"
  }
  fish_offers "stackplan "
  expect fish "stackplan " validate plan render lint pricing schema init completion help
  refuse fish "stackplan " __complete
  fish_offers "stackplan pricing "
  expect fish "stackplan pricing " show update import
  fish_offers "stackplan plan $spec --"
  expect fish "plan --" --scenario --diff --format
  fish_offers "stackplan plan $spec --scenario "
  expect fish "plan SPEC --scenario " base current target
  fish_offers "stackplan pricing update --region ap-south"
  expect fish "pricing update --region ap-south" ap-south-1 ap-southeast-2
  fish_offers "stackplan init --platform "
  expect fish "init --platform " ec2 fargate
  fish_offers "stackplan render examples/pantrypal/st"
  expect fish "render examples/pantrypal/st" "$spec"
fi

# The words the scripts ask for: a spec with no scenarios offers none; an unreadable one
# offers none and fails nothing.
stackplan __complete scenarios /nonexistent.yaml >"$work/got" 2>&1 || fail "__complete fails"
[ -s "$work/got" ] && fail "an unreadable spec offers scenarios: $(cat "$work/got")"
stackplan __complete services >"$work/got"
expect __complete services AmazonRDS AmazonEC2
exit $status
