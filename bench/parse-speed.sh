#!/usr/bin/env bash
# Parse speed of `citecheck parse --lines FILE --format jsonl` on the PubMed citation strings (column 6).
# Usage: bench/parse-speed.sh [RUNS]   (default 5). Builds the release binary first; data from $CITECHECK_DATA (bench/common.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
. bench/common.sh
DATA=$data/references/pubmed-citations-dev.tsv.gz
need "$DATA"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
zcat "$DATA" | tail -n +2 | cut -f6 > "$TMP/refs.txt"
N=$(grep -c . "$TMP/refs.txt" || true)
BIN=$(build_release citecheck)
echo "references: $N  ($(du -h "$TMP/refs.txt" | cut -f1))"
rates=()
for i in $(seq "$RUNS"); do
  start=$(date +%s.%N)
  "$BIN" parse --lines "$TMP/refs.txt" --format jsonl > /dev/null
  end=$(date +%s.%N)
  rate=$(python3 -c "print(int($N / ($end - $start)))")
  echo "run $i: $rate refs/s"
  rates+=("$rate")
done
median=$(printf '%s\n' "${rates[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "median: $median refs/s"
if [ -x /usr/bin/time ]; then
  /usr/bin/time -v "$BIN" parse --lines "$TMP/refs.txt" --format jsonl 2> "$TMP/time.txt" > /dev/null
  echo "peak RSS (full file): $(grep 'Maximum resident' "$TMP/time.txt" | awk '{print $NF}') KB"
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$TMP/time.txt")
  echo "CPU time (user+sys): ${cpu} s = $(python3 -c "print(int($N / max($cpu, 1e-9)))") refs/s per core"
  head -n 10000 "$TMP/refs.txt" > "$TMP/small.txt"
  /usr/bin/time -v "$BIN" parse --lines "$TMP/small.txt" --format jsonl 2> "$TMP/time2.txt" > /dev/null
  echo "peak RSS (first 10,000 lines): $(grep 'Maximum resident' "$TMP/time2.txt" | awk '{print $NF}') KB"
fi
