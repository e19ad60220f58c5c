#!/usr/bin/env bash
# Runs the test suite under a sanitizer, in a build folder of its own so it never fights the normal build.
#
#   scripts/sanitize.sh address|thread [extra `swift test` arguments, e.g. --filter CiteCheckTests]
#
# address: AddressSanitizer (out-of-bounds, use-after-free, leaks at exit) in .build-asan
# thread:  ThreadSanitizer (data races) in .build-tsan
# The exit status is swift test's: 0 when every test passed and the sanitizer reported nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

case "${1:-}" in
    address) scratch=.build-asan ;;
    thread) scratch=.build-tsan ;;
    *) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
sanitizer=$1
shift

# halt_on_error makes a report fail the run instead of scrolling past; detect_leaks is on by default on Linux.
# Leaks in TOMLKit, Foundation and XCTest (not ours; see the file) are suppressed.
export ASAN_OPTIONS="${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/scripts/lsan-suppressions.txt:print_suppressions=0}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
exec swift test --sanitize="$sanitizer" --scratch-path "$scratch" "$@"
