#!/usr/bin/env bash
# Builds the release tarball: dist/citecheck-VERSION-x86_64-linux.tar.gz and its .sha256.
#
#   citecheck-VERSION-x86_64-linux/
#     bin/citecheck                                   release build, Swift runtime linked in (--static-swift-stdlib)
#     share/man/man1/citecheck.1 (and one page per subcommand)   swift-argument-parser's generate-manual
#     share/bash-completion/completions/citecheck     citecheck --generate-completion-script bash
#     share/zsh/site-functions/_citecheck             … zsh
#     share/fish/vendor_completions.d/citecheck.fish  … fish
#     share/doc/citecheck/LICENSE, README.md
#
# Usage: scripts/make-dist.sh   (from the repository; `make dist` runs it). The binary links libxml2 and SQLite
# dynamically and opens libcurl only for online verification: the machine it runs on needs those libraries
# (README, "Without Swift"); cmark-gfm and the Swift runtime are linked in.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(sed -n 's/.*current = "\(.*\)".*/\1/p' Sources/CiteCheck/CiteCheckVersion.swift)"
arch="$(uname -m)"
[ -n "$version" ] || { echo "make-dist: cannot read the version from CiteCheckVersion.swift" >&2; exit 2; }
name="citecheck-$version-$arch-linux"

# The Makefile passes its RELEASE_FLAGS, so the tarball's binary is the one `make release` builds.
read -r -a flags <<< "${RELEASE_FLAGS:--c release --static-swift-stdlib}"
swift build "${flags[@]}" --product citecheck
swift build -c release --product generate-manual
bin="$(swift build "${flags[@]}" --show-bin-path)"
tools="$(swift build -c release --show-bin-path)"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d" "$root/share/doc/citecheck"

install -m 755 "$bin/citecheck" "$root/bin/citecheck"
"$tools/generate-manual" "$root/bin/citecheck" --multi-page --section 1 --output-directory "$root/share/man/man1" \
  --date "$(date -u -d "@${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || date +%s)}" +%Y-%m-%d)"
"$root/bin/citecheck" --generate-completion-script bash > "$root/share/bash-completion/completions/citecheck"
"$root/bin/citecheck" --generate-completion-script zsh > "$root/share/zsh/site-functions/_citecheck"
"$root/bin/citecheck" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/citecheck.fish"
install -m 644 LICENSE README.md "$root/share/doc/citecheck/"
install -m 644 LICENSE "$root/LICENSE"

# Every file must be there and not empty; the binary must run.
for file in bin/citecheck share/man/man1/citecheck.1 share/bash-completion/completions/citecheck \
  share/zsh/site-functions/_citecheck share/fish/vendor_completions.d/citecheck.fish LICENSE; do
  [ -s "$root/$file" ] || { echo "make-dist: $file is missing or empty" >&2; exit 1; }
done
"$root/bin/citecheck" --version >/dev/null

mkdir -p dist
tarball="dist/$name.tar.gz"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
  -C "$stage" -czf "$tarball.tmp" "$name"
mv "$tarball.tmp" "$tarball"
(cd dist && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
echo "make-dist: $tarball ($(du -h "$tarball" | cut -f1)), $tarball.sha256"
