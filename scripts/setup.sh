#!/usr/bin/env bash
# Installs what stackplan needs, from Debian's packages.
#   scripts/setup.sh         the build dependencies: compiler, CMake, Ninja and the libraries
#   scripts/setup.sh --dev   also the test tools: Catch2, clang (fuzzing, sanitizers),
#                            clang-format, Go with HashiCorp's HCL sources, Python's jsonschema,
#                            zsh and fish (completion tests), groff (the man page check)
# Idempotent: does nothing when all of it is already installed.
set -euo pipefail

packages=(
  cmake ninja-build g++
  nlohmann-json3-dev libyaml-cpp-dev libcurl4-openssl-dev libcli11-dev libkainjow-mustache-dev
)
case "${1:-}" in
  "") ;;
  --dev)
    packages+=(
      catch2 clang libclang-rt-14-dev clang-format
      python3 python3-jsonschema python3-yaml jq
      golang-go golang-github-hashicorp-hcl-v2-dev
      zsh fish groff-base
    )
    ;;
  *)
    echo "usage: scripts/setup.sh [--dev]" >&2
    exit 2
    ;;
esac

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
