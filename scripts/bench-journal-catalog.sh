#!/usr/bin/env bash
# Measures the embedded journal catalog: binary size added, first-lookup cost, lookup and comparison speed;
# with a MEDLINE sample present, also how PubMed's journal titles and MedlineTA abbreviations resolve.
# Usage: scripts/bench-journal-catalog.sh   (builds with -O into a temporary directory; ~30 s)
set -euo pipefail
cd "$(dirname "$0")/.."
SWIFTC=${SWIFTC:-swiftc}
N=Sources/CiteCheck/Normalization
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
SRC=$(ls $N/*.swift | grep -v JournalCatalogData)
cp scripts/bench/JournalCatalogBench.swift "$OUT/main.swift"  # top-level code must live in main.swift
cat > "$OUT/EmptyData.swift" <<'SWIFT'
enum JournalCatalogData {
    static let groups: StaticString = "American Journal of Psychiatry\tAm J Psychiatry"
    static let keys: StaticString = "am j psychiatry\t0"
}
SWIFT
echo "compile time of the generated data file alone (-O):"
( time "$SWIFTC" -parse-as-library -O -c $N/JournalCatalogData.swift -module-name X -o "$OUT/data.o" ) 2>&1 | grep real
"$SWIFTC" -O $SRC $N/JournalCatalogData.swift "$OUT/main.swift" -o "$OUT/full"
"$SWIFTC" -O $SRC "$OUT/EmptyData.swift" "$OUT/main.swift" -o "$OUT/empty"
full=$(stat -c %s "$OUT/full"); empty=$(stat -c %s "$OUT/empty")
echo "executable with catalog: $full bytes; with a one-journal stub: $empty bytes; added: $((full - empty)) bytes"
SAMPLE=${CITECHECK_DATA:-../shared/data}/pubmed/medline-sample/pubmed20n0014.xml.gz
if [ -f "$SAMPLE" ]; then
  zcat "$SAMPLE" | python3 -c '
import sys, re, html
t = sys.stdin.read(); out = set()
for m in re.finditer(r"<Journal>(.*?)</Journal>.*?<MedlineTA>(.*?)</MedlineTA>", t, re.S):
    j = m.group(1)
    ti = re.search(r"<Title>(.*?)</Title>", j); iso = re.search(r"<ISOAbbreviation>(.*?)</ISOAbbreviation>", j)
    out.add((ti.group(1) if ti else "", iso.group(1) if iso else "", m.group(2)))
for r in sorted(out): print("\t".join(html.unescape(x) for x in r))' > "$OUT/journals.tsv"
  "$OUT/full" "Am J Psychiatry" "$OUT/journals.tsv"
else
  "$OUT/full"
fi
