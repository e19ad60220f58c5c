#!/usr/bin/env bash
# The MEDLINE index (`citecheck index`) on the 30,000-record MEDLINE file:
#   1. build: wall time, records/s, CPU use (both cores: user+sys > wall), peak RSS, index size vs the .xml.gz size;
#   2. indexes of 1x, 2x and 4x the records (the file plus copies under new PMIDs, years and journal names, and
#      with rotated titles: bench/medline-copy.py);
#   3. 400 references rendered by verify-accuracy.py (about half with one planted error) checked with
#      `citecheck --offline --no-cache --index INDEX --format json`: median whole-process time and peak RSS over RUNS
#      runs, recall and precision, against each index; and the same post with `--fixtures` (the XML) for comparison,
#      with the findings and matches of --index x1 compared with those of --fixtures one by one;
#   4. the same references matched one at a time in-process from a warm index (CiteCheckBench sqlite-lookup):
#      median and p90 time per reference, against each index (cost must not grow beyond the B-trees' log).
# Usage: bench/index.sh [RUNS] [SEED]      (release build; needs python3, /usr/bin/time and $CITECHECK_DATA)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
seed=${2:-14}
. bench/common.sh
medline=$data/pubmed/medline-sample/pubmed20n0014.xml.gz
need "$medline"
bin=$(build_release citecheck 2>/dev/null)
benchbin=$(build_release CiteCheckBench 2>/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 bench/medline-copy.py --pmid-offset 50000000 --year-offset 100 --rotate 1000 --journal-prefix "Copy1 " "$medline" "$work/copy1.xml.gz"
python3 bench/medline-copy.py --pmid-offset 60000000 --year-offset 200 --rotate 2000 --journal-prefix "Copy2 " "$medline" "$work/copy2.xml.gz"
python3 bench/medline-copy.py --pmid-offset 70000000 --year-offset 300 --rotate 3000 --journal-prefix "Copy3 " "$medline" "$work/copy3.xml.gz"
mkdir -p "$work/x1" "$work/x2" "$work/x4"
ln -s "$(cd "$(dirname "$medline")" && pwd)/$(basename "$medline")" "$work/x1/pubmed20n0014.xml.gz"
ln -s "$work/x1/pubmed20n0014.xml.gz" "$work/x2/pubmed20n0014.xml.gz"
ln -s "$work/copy1.xml.gz" "$work/x2/pubmed20n9001.xml.gz"
ln -s "$work/x1/pubmed20n0014.xml.gz" "$work/x4/pubmed20n0014.xml.gz"
for k in 1 2 3; do ln -s "$work/copy$k.xml.gz" "$work/x4/pubmed20n900$k.xml.gz"; done

echo "== build (release; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg))"
for scale in x1 x2 x4; do
  gz=$(du -bL "$work/$scale"/*.xml.gz | awk '{s+=$1} END {print s}')
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" index build "$work/$scale.sqlite" "$work/$scale"/*.xml.gz >"$work/build.log"
  read -r wall user sys rss <"$work/time"
  records=$("$bin" index info "$work/$scale.sqlite" | awk '/^records:/ {print $2}')
  size=$(stat -c %s "$work/$scale.sqlite")
  awk -v s="$scale" -v r="$records" -v w="$wall" -v u="$user" -v y="$sys" -v m="$rss" -v z="$size" -v g="$gz" 'BEGIN {
    printf "%s: %d records in %.2f s = %d records/s; CPU %.0f%% (user %.2f s + sys %.2f s); peak RSS %.0f MB; index %.1f MB = %.2f x the .xml.gz (%.1f MB)\n",
      s, r, w, r / w, 100 * (u + y) / w, u, y, m / 1024, z / 1048576, z / g, g / 1048576 }'
done
sed 's/^/   x4: /' "$work/build.log"

python3 bench/verify-accuracy.py generate --medline "$medline" --count 400 --seed "$seed" --out "$work/refs" >/dev/null
post=$work/refs/verify-post.txt
measure() { # LABEL ARGS…: median wall ms and peak RSS over $runs runs, then the score
  local label=$1; shift
  local times=() peak=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$bin" --offline --no-cache "$@" --format json --fail-on never "$post" >"$work/result.json" 2>/dev/null
    read -r wall rss <"$work/time"
    times+=("$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}')")
    [ "$rss" -gt "$peak" ] && peak=$rss
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "== $label: 400 references, median ${median} ms over $runs runs (${times[*]} ms), peak RSS $((peak / 1024)) MB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 bench/verify-accuracy.py score --truth "$work/refs/verify-truth.jsonl" "$work/result.json" | grep -E '^(references|recall|precision)'
}
measure "--fixtures (the XML, 30,000 records)" --fixtures "$medline"
cp "$work/result.json" "$work/result-fixtures.json"
for scale in x1 x2 x4; do
  measure "--index $scale" --index "$work/$scale.sqlite"
  if [ "$scale" = x1 ]; then cp "$work/result.json" "$work/result-x1.json"; fi
done
# Same findings as from the XML: every diagnostic and every reference's PubMed status and PMID, --index x1 against --fixtures.
python3 - "$work/result-fixtures.json" "$work/result-x1.json" <<'PY'
import json, sys
def report(path):
    files = json.load(open(path))["files"]
    diagnostics = [(d.get("line"), d.get("rule"), d.get("message"), d.get("expected"), d.get("found")) for f in files for d in f.get("diagnostics", [])]
    matches = [json.dumps(r.get("pubmed"), sort_keys=True) for f in files for r in f["references"]]
    return diagnostics, matches
(xml_d, xml_m), (index_d, index_m) = report(sys.argv[1]), report(sys.argv[2])
same_m = sum(a == b for a, b in zip(xml_m, index_m))
print(f"== --index x1 against --fixtures: {len(index_d)} vs {len(xml_d)} diagnostics, {'identical' if index_d == xml_d else 'DIFFERENT'}; "
      f"{same_m}/{len(xml_m)} references with the same PubMed status and PMID")
PY
for scale in x1 x2 x4; do
  echo "== in-process lookups, $scale; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  "$benchbin" sqlite-lookup "$work/$scale.sqlite" "$work/refs" | grep -v -E '^(MISS|FALSE|  )' || true
done
