# Sourced by the bench scripts (from the repository root): where the data is and how the release binary is built.
#   CITECHECK_DATA   the shared data folder (default: ../shared/data beside the repository; see bench/README.md)
# Every script builds with the Makefile's RELEASE_FLAGS into the normal .build folder, so the figures are those of
# the binary users get and there is one release build to keep up to date.
data=${CITECHECK_DATA:-../shared/data}
release_flags=$(make -s --no-print-directory -f Makefile -p -n release 2>/dev/null | sed -n 's/^RELEASE_FLAGS = //p' | head -1)
release_flags=${release_flags:--c release --static-swift-stdlib}

# build_release PRODUCT: builds it (output on stderr) and prints the binary's path. CITECHECK_BIN=PATH (for the
# citecheck product) or CITECHECK_BENCH_BIN=PATH (for CiteCheckBench) use a binary built elsewhere instead, to compare
# two builds (before/after a change) with the same script.
build_release() {
  if [ "$1" = citecheck ] && [ -n "${CITECHECK_BIN:-}" ]; then echo "$CITECHECK_BIN"; return; fi
  if [ "$1" = CiteCheckBench ] && [ -n "${CITECHECK_BENCH_BIN:-}" ]; then echo "$CITECHECK_BENCH_BIN"; return; fi
  # shellcheck disable=SC2086
  swift build $release_flags --product "$1" >&2
  echo ".build/release/$1"
}

# need PATH: stop with a hint when the data is not there.
need() {
  [ -e "$1" ] || { echo "$(basename "$0"): $1 not found (set CITECHECK_DATA to the shared data folder; see bench/README.md)" >&2; exit 2; }
}
