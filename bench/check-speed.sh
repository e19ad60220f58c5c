#!/usr/bin/env bash
# Whole-process latency of `citecheck` on a 100-reference post, and a folder of 1,000 posts on both cores.
# Usage: bench/check-speed.sh [runs]   (release build; needs python3, and hyperfine when installed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
. bench/common.sh
bin=$(build_release citecheck 2>/dev/null)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$data/references/plos-dev.jsonl" <<'PY'
import json, sys, os
work, plos = sys.argv[1], sys.argv[2]
refs = [json.loads(l)["text"] for l in open(plos)] if os.path.exists(plos) else []
if not refs:
    refs = [l.split(". ", 1)[1] for l in open("examples/ketamine-anxiety.md") if l[:2] in ("1.", "2.", "3.", "4.", "5.", "6.")]
body = []
for i in range(100):
    body.append(f"Paragraph {i} of the post discusses a finding [{i+1}] and what it means for patients.\n")
post = "# A long post\n\n" + "\n".join(body) + "\n## References\n\n" + "\n".join(f"{i+1}. {refs[i % len(refs)]}" for i in range(100)) + "\n"
open(os.path.join(work, "post100.md"), "w").write(post)
os.makedirs(os.path.join(work, "posts"))
for n in range(1000):
    open(os.path.join(work, "posts", f"post{n:04}.md"), "w").write(post.replace("A long post", f"Post {n}"))
PY
echo "== one 100-reference post, whole process (median of $runs runs)"
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N); "$bin" --fail-on never "$work/post100.md" >/dev/null; end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "median %.1f ms (min %.1f, max %.1f)\n", a[int((NR+1)/2)]/1000, a[1]/1000, a[NR]/1000}'
echo "== a folder of 1,000 such posts"
/usr/bin/time -f "wall %e s, user %U s, sys %S s, CPU %P, max RSS %M KB" "$bin" --fail-on never --format json "$work/posts" >/dev/null
