#!/usr/bin/env bash
# Installs the C libraries citecheck links against (libcurl, libxml2) when they are missing.
# Debian/Ubuntu: apt-get as root, or through sudo.
set -euo pipefail

if pkg-config --exists libcurl libxml-2.0 2>/dev/null; then
  exit 0
fi

packages=(libcurl4-openssl-dev libxml2-dev pkg-config)
echo "citecheck: installing ${packages[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  echo "citecheck: need root (or sudo) to install ${packages[*]}" >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq "${packages[@]}" >/dev/null
pkg-config --exists libcurl libxml-2.0
