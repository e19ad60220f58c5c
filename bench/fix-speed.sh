#!/usr/bin/env bash
# What `--fix` adds to a check's time (target: at most 10%), whole process, release build:
#   1. a 100-reference post with 45 planted field errors, verified offline against its 100 records: `check` vs
#      `check --fix` (each run rewrites a fresh copy of the post);
#   2. the same post linted only (no PubMed, so nothing to fix): `check` vs `check --fix`.
# Usage: bench/fix-speed.sh [runs]   (needs python3 and the MEDLINE file, see bench/README.md)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
. bench/common.sh
need "$data/pubmed/medline-sample/pubmed20n0014.xml.gz"
bin=$(build_release citecheck 2>/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
CITECHECK_DATA=$data python3 bench/fix-accuracy.py --timing-post "$work"

# median_ms COMMAND...: the median wall time of `runs` runs, each after copying the planted post afresh.
median_ms() {
  local times=()
  for _ in $(seq "$runs"); do
    cp "$work/planted.md" "$work/post.md"
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s%N)
    times+=($(( (end - start) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f", a[int((NR+1)/2)]/1000}'
}

verify=("$bin" check --offline --no-cache --fixtures "$work/records.xml" --fail-on never "$work/post.md")
lint=("$bin" check --fail-on never "$work/post.md")
# Interleaved, so that drift in the machine's speed falls on both sides alike.
for round in 1 2 3; do
  v=$(median_ms "${verify[@]}"); vf=$(median_ms "${verify[@]}" --fix)
  l=$(median_ms "${lint[@]}"); lf=$(median_ms "${lint[@]}" --fix)
  echo "round $round: verify ${v} ms, verify --fix ${vf} ms ($(awk -v a="$vf" -v b="$v" 'BEGIN{printf "%+.1f%%", (a/b-1)*100}')); lint ${l} ms, lint --fix ${lf} ms ($(awk -v a="$lf" -v b="$l" 'BEGIN{printf "%+.1f%%", (a/b-1)*100}'))"
done
cp "$work/planted.md" "$work/post.md"
"${verify[@]}" --fix | tail -1
