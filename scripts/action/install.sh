#!/usr/bin/env bash
# Step 1 of action.yml: make `citecheck` available on PATH for the next steps.
#   CITECHECK_INSTALL=auto    use the citecheck on PATH, else build it from CITECHECK_SOURCE
#   CITECHECK_INSTALL=path    the citecheck on PATH, or fail
#   CITECHECK_INSTALL=source  build it from CITECHECK_SOURCE (release build, static Swift standard library)
# A built binary's folder is appended to $GITHUB_PATH.
set -euo pipefail
mode="${CITECHECK_INSTALL:-auto}"
source_dir="${CITECHECK_SOURCE:?CITECHECK_SOURCE must name the action folder}"

case "$mode" in
  auto|path|source) ;;
  *) echo "::error::citecheck action: install must be auto, path or source, not '$mode'"; exit 2 ;;
esac

if [ "$mode" != source ] && command -v citecheck >/dev/null 2>&1; then
  echo "citecheck: using $(command -v citecheck) ($(citecheck --version))"
  exit 0
fi
if [ "$mode" = path ]; then
  echo "::error::citecheck action: install is 'path' but citecheck is not on PATH"
  exit 2
fi

echo "citecheck: building from $source_dir"
"$source_dir/scripts/install-deps.sh"
swift build --package-path "$source_dir" -c release --static-swift-stdlib --product citecheck
bin="$(swift build --package-path "$source_dir" -c release --static-swift-stdlib --show-bin-path)"
echo "$bin" >> "${GITHUB_PATH:?}"
"$bin/citecheck" --version
