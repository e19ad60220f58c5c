#!/usr/bin/env bash
# Installs the C libraries citecheck links against (libcurl, libxml2, cmark-gfm with its extensions) when they are missing.
# Debian/Ubuntu: apt-get as root, or through sudo.
set -euo pipefail

# libcmark-gfm's .pc file comes with libcmark-gfm-dev; the extensions' header with libcmark-gfm-extensions-dev.
have_deps() {
  pkg-config --exists libcurl libxml-2.0 libcmark-gfm 2>/dev/null \
    && [ -e "$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]
}

if have_deps; then
  exit 0
fi

packages=(libcurl4-openssl-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
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
have_deps
