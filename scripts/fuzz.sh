#!/usr/bin/env bash
# Builds and runs one libFuzzer target (Swift's -sanitize=fuzzer, with AddressSanitizer).
#
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags…]
#   scripts/fuzz.sh TARGET --replay FILE…      # run saved inputs (crash-*, timeout-*) once each
#
# TARGET: post       DocumentReader (text, Markdown, HTML) + ReferenceListFinder
#         reference  ReferenceParser.parse on one string
#         pubmed-xml PubMedArticleSetParser, ESearchResultParser and ECitMatchResultParser on the same bytes
#
# The targets live in Fuzz/ (a package of their own, so `swift build` and `swift test` never build them). Everything
# the script writes goes under .build-fuzz/: the release build, the fuzzer binaries (.build-fuzz/fuzz-TARGET),
# seeds copied from fixtures/ and, when present, ../shared/data (seeds/TARGET, rebuilt each run), the corpus the
# fuzzer grows (corpus/TARGET, kept between runs) and findings (artifacts/TARGET/crash-…, timeout-…, oom-…).
# SECONDS defaults to 180. The exit status is libFuzzer's: 0 when nothing was found.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
[[ $# -ge 1 ]] || usage
target=$1
shift
case "$target" in
    post) product=FuzzPost; max_len=32768 ;;
    reference) product=FuzzReference; max_len=4096 ;;
    pubmed-xml) product=FuzzPubMedXML; max_len=65536 ;;
    *) usage ;;
esac

scratch="$root/.build-fuzz"
# The shared data folder, as for bench/ ($CITECHECK_DATA; CITECHECK_SHARED_DATA is the older name); optional.
shared="${CITECHECK_DATA:-${CITECHECK_SHARED_DATA:-$root/../shared/data}}"
binary="$scratch/fuzz-$target"

echo "fuzz.sh: building $product (release, -sanitize=fuzzer,address)" >&2
swift build -c release --package-path Fuzz --scratch-path "$scratch" \
    -Xswiftc -sanitize=fuzzer,address --product "$product" >&2
# libFuzzer supplies main(); -u pulls the entry point out of the static library before libFuzzer asks for it.
# cmark-gfm's archives are named here: the main package links them through linker settings, which a static
# library product does not carry.
swiftc -use-ld=lld -sanitize=fuzzer,address -Xlinker -u -Xlinker LLVMFuzzerTestOneInput \
    "$scratch/release/lib$product.a" -Xlinker -l:libcmark-gfm-extensions.a -Xlinker -l:libcmark-gfm.a -lstdc++ -o "$binary"

if [[ "${1:-}" == "--replay" ]]; then
    shift
    exec "$binary" -runs=1 "$@"
fi
seconds=${1:-180}
[[ $# -ge 1 ]] && shift

seeds="$scratch/seeds/$target"
corpus="$scratch/corpus/$target"
artifacts="$scratch/artifacts/$target"
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"

# Copies files no larger than the target's max_len into the seed folder under distinct names.
seed_files() {
    local file
    for file in "$@"; do
        [[ -f "$file" ]] || continue
        [[ $(stat -c %s "$file") -le $max_len ]] || continue
        cp "$file" "$seeds/$(echo "$file" | tr '/' '_')"
    done
}

# Writes each line of standard input (up to $1 lines, skipping blanks) to its own seed file.
seed_lines() {
    local prefix=$1 limit=$2
    python3 -c '
import sys, os
prefix, limit, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = 0
for line in sys.stdin.buffer:  # read to the end, so the writer never sees a broken pipe
    line = line.rstrip(b"\r\n")
    if n >= limit or not line.strip():
        continue
    with open(os.path.join(out, "%s-%05d" % (prefix, n)), "wb") as f:
        f.write(line)
    n += 1
' "$prefix" "$limit" "$seeds"
}

shopt -s nullglob globstar
case "$target" in
    post)
        seed_files fixtures/posts/* fixtures/lint/* examples/*
        ;;
    reference)
        # Files only: fixtures/posts/ also holds folders (real-shapes/), which cat would fail on.
        for file in fixtures/posts/* fixtures/lint/* examples/*; do
            if [[ -f "$file" ]]; then cat "$file"; fi
        done | seed_lines fixture 400
        if [[ -d "$shared/references" ]]; then
            python3 -c 'import json,sys
for i, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    if i % 7 == 0: print(json.loads(line)["text"])' "$shared/references/plos-dev.jsonl" | seed_lines plos 250
            gzip -dc "$shared/references/pubmed-citations-dev.tsv.gz" | awk -F'\t' 'NR > 1 && NR % 97 == 0 { print $6 }' \
                | seed_lines pubmed 250
            seed_lines cora 100 < "$shared/references/labeled/parscit/cora.raw.txt"
        fi
        ;;
    pubmed-xml)
        seed_files fixtures/pubmed/*.xml fixtures/pubmed-samples/*
        if [[ -d "$shared/pubmed" ]]; then
            seed_files "$shared"/pubmed/efetch/**/*.xml "$shared"/pubmed/esearch/* "$shared"/pubmed/errors/* \
                "$shared"/pubmed/ecitmatch/*
        fi
        ;;
esac
echo "fuzz.sh: $(ls "$seeds" | wc -l) seeds, $(ls "$corpus" | wc -l) inputs in the kept corpus; running $seconds s" >&2

# The corpus folder comes first: libFuzzer writes new inputs there; the seed folder is only read.
exec "$binary" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=3072 -print_final_stats=1 \
    -dict="Fuzz/dictionaries/$target.dict" -artifact_prefix="$artifacts/" "$@" "$corpus" "$seeds"
