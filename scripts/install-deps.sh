#!/usr/bin/env bash
# Installs the C libraries citecheck links against (libcurl, libxml2, cmark-gfm with its extensions) when they are missing.
# Debian/Ubuntu: apt-get as root, or through sudo.
set -euo pipefail

# libcmark-gfm's .pc file comes with libcmark-gfm-dev; the extensions' header with libcmark-gfm-extensions-dev.
have_deps() {
  pkg-config --exists libcurl libxml-2.0 libcmark-gfm 2>/dev/null \
    && [ -e "$(pkg-config --variable=includedir libcmark-gfm)/cmark-gfm-core-extensions.h" ]
}

# The tests validate SARIF and JSON output against their JSON Schemas (jsonschema), run the GitHub Action's steps
# (PyYAML reads action.yml) and run `pre-commit try-repo`: Python packages from PyPI, installed for the user.
have_python_deps() {
  python3 -c 'import jsonschema, yaml, pre_commit' 2>/dev/null
}
if ! have_python_deps; then
  echo "citecheck: installing the Python packages the tests use (jsonschema, PyYAML, pre-commit)" >&2
  python3 -m pip install --quiet --user jsonschema PyYAML pre-commit 2>/dev/null \
    || python3 -m pip install --quiet jsonschema PyYAML pre-commit
fi

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
