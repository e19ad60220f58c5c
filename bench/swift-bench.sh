#!/usr/bin/env bash
# The large-data measurements of the Swift code (the CiteCheckBench executable, bench/CiteCheckBench/): what used to be
# opt-in test suites. Builds with the Makefile's release flags into .build, like every bench script.
# Usage: bench/swift-bench.sh [COMMAND…]     (default: all; needs the data set, and python3 for verify-accuracy)
#   CITECHECK_DATA=DIR   the shared data folder (default: ../shared/data beside the repository)
# Commands: medline-stream ncbi-answers verify-accuracy medline-index heuristic-recall document-speed read-speed catalog-lookup
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/common.sh
commands=("$@")
[ ${#commands[@]} -gt 0 ] || commands=(medline-stream ncbi-answers verify-accuracy medline-index heuristic-recall document-speed read-speed catalog-lookup)
medline="$data/pubmed/medline-sample/pubmed20n0014.xml.gz"
out=bench/out
bin=$(build_release CiteCheckBench)
generated=no
generate() {
  # verify-truth.jsonl and medline-records.jsonl from the MEDLINE file; real-truth.jsonl and plos-parsed.jsonl from
  # the PubMed citation strings and the PLOS references.
  [ $generated = no ] || return 0
  need "$medline"
  python3 bench/verify-accuracy.py generate --medline "$medline" --out "$out" >&2
  python3 bench/verify-accuracy.py real --citations "$data/references/pubmed-citations-dev.tsv.gz" \
    --plos "$data/references/plos-dev.jsonl" --out "$out" >&2
  generated=yes
}

status=0
for command in "${commands[@]}"; do
  echo "== $command"
  case $command in
    medline-stream) need "$medline"; "$bin" medline-stream "$medline" || status=1 ;;
    ncbi-answers) need "$data/pubmed"; "$bin" ncbi-answers "$data/pubmed" || status=1 ;;
    verify-accuracy) generate; "$bin" verify-accuracy "$out" || status=1 ;;
    medline-index) generate; "$bin" medline-index "$medline" "$out" || status=1 ;;
    heuristic-recall) need "$data/references/plos-dev.jsonl"; "$bin" heuristic-recall "$data/references/plos-dev.jsonl" || status=1 ;;
    document-speed) "$bin" document-speed || status=1 ;;
    read-speed) "$bin" read-speed || status=1 ;;
    catalog-lookup) "$bin" catalog-lookup || status=1 ;;
    *) echo "bench/swift-bench.sh: unknown command $command" >&2; exit 2 ;;
  esac
done
exit $status
