#!/usr/bin/env bash
# Offline verification through the CLI: 400 references rendered from the 30,000-record MEDLINE file (one planted
# error in about half), checked with `citecheck --offline --fixtures <MEDLINE file>`; prints the whole-process
# time (median of RUNS, load of the file included) and the recall/precision of the pubmed-* rules per seed.
# Usage: bench/verify.sh [RUNS] [SEED…]      (release build; needs python3 and $CITECHECK_DATA, see bench/common.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
seeds=("${@:-14}")
. bench/common.sh
medline=$data/pubmed/medline-sample/pubmed20n0014.xml.gz
need "$medline"
bin=$(build_release citecheck 2>/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in "${seeds[@]}"; do
  out="$work/seed$seed"
  python3 bench/verify-accuracy.py generate --medline "$medline" --count 400 --seed "$seed" --out "$out" >/dev/null
  times=()
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$bin" --offline --no-cache --fixtures "$medline" --format json --fail-on never "$out/verify-post.txt" >"$out/result.json" 2>/dev/null
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "== seed $seed: 400 references against 30,000 records, median ${median} ms over $runs runs (${times[*]} ms)"
  python3 bench/verify-accuracy.py score --truth "$out/verify-truth.jsonl" "$out/result.json" | grep -E '^(references|recall|precision)'
done
