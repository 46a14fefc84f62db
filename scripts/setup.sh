#!/usr/bin/env bash
# Installs everything stackplan needs to build and test, from Debian's packages.
# Idempotent: does nothing when all of it is already installed.
set -euo pipefail

packages=(
  cmake ninja-build g++ clang libclang-rt-14-dev clang-format
  nlohmann-json3-dev libyaml-cpp-dev libcurl4-openssl-dev libcli11-dev catch2
  libkainjow-mustache-dev
  python3 python3-jsonschema python3-yaml jq
  golang-go golang-github-hashicorp-hcl-v2-dev
)

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
