#!/usr/bin/env python3
"""Field accuracy of `citecheck parse` (and optionally the PyPI `citeguard` parser) on labelled references.

Data sets (read-only, under $CITECHECK_DATA/references; CITECHECK_DATA defaults to ../shared/data beside the repository):
  plos      plos-dev.jsonl: printed PLOS references with per-field truth (default)
  cora      labeled/parscit/cora.tagged.txt: CORA, tagged <author>…</author> etc.
  anystyle  labeled/anystyle/gold.xml: anystyle's gold set (XML <sequence> per reference)

Comparison (the same for every parser):
  text fields   Unicode NFKC, dashes (– — ‐ − ‑) to '-', curly quotes to straight, whitespace collapsed,
                surrounding quotes and trailing . , ; : removed, case-folded. `--strict` keeps case.
  authors       the list of family names, in order, normalised as above, must equal the truth list exactly
                (plos). CORA/anystyle tag only the author string, so there an author list counts as right
                when it is non-empty, every parsed family name occurs in the tagged author string, and the
                number of names equals the number of names in that string (separators , ; and & / "and").
  year          integer equality.   volume, issue, first page: normalised string equality.
  last page     both sides expanded from the first page (`2475-83` = `2475-2483`) before comparing.
  both missing  counts as correct; one missing counts as wrong.

Usage:
  bench/eval-parser.py [--binary PATH] [--data plos|cora|anystyle|all] [--citeguard] [--show-failures N] [--strict]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(os.environ.get("CITECHECK_DATA", os.path.join(HERE, "..", "..", "shared", "data")), "references")
# Built by `swift build -c release --static-swift-stdlib` (the Makefile's RELEASE_FLAGS), like every bench script.
DEFAULT_BINARY = os.path.join(HERE, "..", ".build", "release", "citecheck")

DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
QUOTES = {ord("\u201c"): '"', ord("\u201d"): '"', ord("\u2018"): "'", ord("\u2019"): "'", ord("\u00ab"): '"', ord("\u00bb"): '"'}
STRICT = False


def norm(s):
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s)).translate(DASHES).translate(QUOTES)
    s = re.sub(r"\s+", " ", s).strip()
    prev = None
    while prev != s:
        prev = s
        s = s.strip(" \"'").rstrip(".,;:").strip()
    if not STRICT:
        s = s.casefold()
    return s or None


def expand_last(first, last):
    first, last = norm(first), norm(last)
    if not first or not last:
        return last
    if last.isdigit() and len(last) < len(first):
        m = re.search(r"(\d+)$", first)
        if m and len(m.group(1)) >= len(last):
            return first[: len(first) - len(last)] + last
    return last


def year_of(v):
    if v is None:
        return None
    m = re.search(r"(1[5-9]\d\d|20\d\d)", str(v))
    return int(m.group(1)) if m else None


FIELDS = ["authors", "title", "journal", "year", "volume", "issue", "first", "last"]


# ---------------------------------------------------------------- data sets

def load_plos():
    items = []
    with open(os.path.join(ROOT, "plos-dev.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            t = r["truth"]
            items.append({
                "text": r["text"],
                "truth": {
                    "authors": [a["family"] for a in t["authors"]],
                    "title": t["title"], "journal": t["journal"], "year": t["year"],
                    "volume": t["volume"], "issue": t["issue"], "first": t["first"], "last": t["last"],
                },
                "fields": FIELDS,
                "authorMode": "list",
            })
    return items


TAG = re.compile(r"<([a-z-]+)>(.*?)</\1>", re.S)


def from_tags(pairs, text):
    """pairs: [(tag, content)] in order."""
    truth = {}
    fields = []
    for tag, content in pairs:
        content = content.strip()
        if tag == "author" and "authorText" not in truth:
            truth["authorText"] = content
            fields.append("authors")
        elif tag == "title" and "title" not in truth:
            truth["title"] = content
            fields.append("title")
        elif tag in ("journal",) and "journal" not in truth:
            truth["journal"] = content
            fields.append("journal")
        elif tag == "date" and "year" not in truth and year_of(content):
            truth["year"] = year_of(content)
            fields.append("year")
        elif tag == "volume" and "volume" not in truth:
            m = re.match(r"\s*(?:vol\.?|volume)?\s*([0-9]+[A-Za-z]?)", content, re.I)
            if m:
                truth["volume"] = m.group(1)
                fields.append("volume")
                m2 = re.search(r"\(([^)]+)\)", content)
                if m2:
                    truth["issue"] = m2.group(1)
                    fields.append("issue")
        elif tag == "pages" and "first" not in truth:
            m = re.search(r"([A-Za-z]?\d+[A-Za-z]?)\s*(?:[-\u2013\u2014]+\s*([A-Za-z]?\d+[A-Za-z]?))?", content)
            if m:
                truth["first"] = m.group(1)
                fields.append("first")
                truth["last"] = m.group(2)
                fields.append("last")
    return {"text": text, "truth": truth, "fields": fields, "authorMode": "span"}


def load_cora():
    items = []
    with open(os.path.join(ROOT, "labeled/parscit/cora.tagged.txt"), encoding="utf-8", errors="replace") as f:
        for line in f:
            pairs = TAG.findall(line)
            if not pairs:
                continue
            text = re.sub(r"\s+", " ", " ".join(c.strip() for _, c in pairs)).strip()
            items.append(from_tags(pairs, text))
    return items


def load_anystyle():
    items = []
    tree = ET.parse(os.path.join(ROOT, "labeled/anystyle/gold.xml"))
    for seq in tree.getroot():
        pairs = [(el.tag, "".join(el.itertext())) for el in seq if el.tag != "citation-number"]
        if not pairs:
            continue
        text = re.sub(r"\s+", " ", " ".join(c.strip() for _, c in pairs)).strip()
        items.append(from_tags(pairs, text))
    return items


# ---------------------------------------------------------------- parsers

def run_citecheck(binary, texts):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt", delete=False) as f:
        for t in texts:
            f.write(t.replace("\n", " ") + "\n")
        path = f.name
    try:
        start = time.perf_counter()
        out = subprocess.run([binary, "parse", "--lines", path, "--format", "jsonl"],
                             check=True, capture_output=True).stdout
        elapsed = time.perf_counter() - start
    finally:
        os.unlink(path)
    by_line = {}
    for line in out.decode("utf-8").splitlines():
        o = json.loads(line)
        by_line[o["line"]] = o
    results = []
    for i in range(len(texts)):
        o = by_line.get(i + 1) or {}
        pages = o.get("pages") or {}
        results.append({
            "authors": [a["family"] for a in o.get("authors", [])],
            "title": o.get("title"), "journal": o.get("journal"), "year": o.get("year"),
            "volume": o.get("volume"), "issue": o.get("issue"),
            "first": pages.get("first"), "last": pages.get("last"),
        })
    return results, elapsed


def run_citeguard(texts):
    from refaudit.parser import parse_reference_metadata
    results = []
    start = time.perf_counter()
    records = []
    for t in texts:
        try:
            records.append(parse_reference_metadata(t))
        except Exception:  # noqa: BLE001 - a crash counts as an empty result
            records.append(None)
    elapsed = time.perf_counter() - start
    for r in records:
        if r is None:
            results.append({k: None for k in FIELDS} | {"authors": []})
            continue
        first = last = None
        if getattr(r, "page", None):
            parts = re.split(r"\s*[-\u2013\u2014]+\s*", str(r.page), maxsplit=1)
            first = parts[0] or None
            last = parts[1] if len(parts) > 1 and parts[1] else None
        elif getattr(r, "article_number", None):
            first = r.article_number
        results.append({
            "authors": list(r.authors or []), "title": r.title, "journal": r.venue, "year": r.year,
            "volume": r.volume, "issue": r.issue, "first": first, "last": last,
        })
    return results, elapsed


# ---------------------------------------------------------------- scoring

def count_names(author_text):
    s = re.sub(r"\bet\.? al\.?|\band others\b", "", author_text)
    parts = [p for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", s) if re.search(r"\w\w", p)]
    return len(parts)


def field_ok(field, item, got):
    truth = item["truth"]
    if field == "authors":
        fams = [norm(a) for a in got["authors"]]
        if item["authorMode"] == "list":
            return fams == [norm(a) for a in truth["authors"]]
        text = norm(truth["authorText"]) or ""
        if not fams or any(f is None or f not in text for f in fams):
            return False
        n = count_names(truth["authorText"])
        # Inverted lists ("Smith, J., Jones, K.") split into twice as many comma parts.
        return len(fams) in (n, n / 2)
    if field == "year":
        return truth.get("year") == got.get("year")
    if field == "last":
        return expand_last(truth.get("first"), truth.get("last")) == expand_last(got.get("first"), got.get("last"))
    return norm(truth.get(field)) == norm(got.get(field))


def score(items, results):
    per = {f: [0, 0] for f in FIELDS}
    failures = []
    for item, got in zip(items, results):
        bad = []
        for f in item["fields"]:
            ok = field_ok(f, item, got)
            per[f][1] += 1
            per[f][0] += ok
            if not ok:
                bad.append(f)
        if bad:
            failures.append((len(bad), item, got, bad))
    return per, failures


def show(name, per, elapsed, n):
    cells = []
    for f in FIELDS:
        ok, total = per[f]
        cells.append(f"{ok / total:.3f}" if total else "  -  ")
    rate = n / elapsed if elapsed > 0 else float("inf")
    print(f"{name:<10} " + " ".join(f"{c:>8}" for c in cells) + f"   {rate:>10,.0f} refs/s")


def main():
    global STRICT
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=DEFAULT_BINARY)
    ap.add_argument("--data", default="plos", choices=["plos", "cora", "anystyle", "all"])
    ap.add_argument("--citeguard", action="store_true", help="also score PyPI citeguard (refaudit.parser)")
    ap.add_argument("--show-failures", type=int, default=0, metavar="N")
    ap.add_argument("--strict", action="store_true", help="case-sensitive text comparison")
    ap.add_argument("--speed", type=int, default=0, metavar="N",
                    help="also time the parsers on the first N PubMed citation strings (column 6 of pubmed-citations-dev.tsv.gz)")
    args = ap.parse_args()
    STRICT = args.strict
    sets = ["plos", "cora", "anystyle"] if args.data == "all" else [args.data]
    loaders = {"plos": load_plos, "cora": load_cora, "anystyle": load_anystyle}
    for name in sets:
        items = loaders[name]()
        texts = [i["text"] for i in items]
        print(f"\n== {name}: {len(items)} references" + (" (case-sensitive)" if STRICT else ""))
        print(f"{'parser':<10} " + " ".join(f"{f:>8}" for f in FIELDS) + "   speed")
        ours, t_ours = run_citecheck(args.binary, texts)
        per, failures = score(items, ours)
        show("citecheck", per, t_ours, len(items))
        if args.citeguard:
            theirs, t_theirs = run_citeguard(texts)
            per2, _ = score(items, theirs)
            show("citeguard", per2, t_theirs, len(items))
        if args.show_failures:
            failures.sort(key=lambda x: -x[0])
            print(f"\n-- {min(args.show_failures, len(failures))} of {len(failures)} references with wrong fields")
            for _, item, got, bad in failures[: args.show_failures]:
                print("TEXT :", item["text"])
                for f in bad:
                    want = item["truth"].get(f if f != "authors" else ("authors" if item["authorMode"] == "list" else "authorText"))
                    print(f"  {f:<8} want {want!r}\n  {'':<8} got  {got.get(f)!r}")
                print()
    if args.speed:
        speed(args.binary, args.speed, args.citeguard)


def speed(binary, n, citeguard):
    import gzip
    texts = []
    with gzip.open(os.path.join(ROOT, "pubmed-citations-dev.tsv.gz"), "rt", encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 5 and cols[5].strip():
                texts.append(cols[5])
            if len(texts) >= n:
                break
    print(f"\n== speed on {len(texts)} PubMed citation strings (wall clock, one process each, output parsed)")
    _, t = run_citecheck(binary, texts)
    print(f"citecheck  {len(texts) / t:>10,.0f} refs/s  ({t:.2f} s, includes process start and JSONL output)")
    if citeguard:
        _, t2 = run_citeguard(texts)
        print(f"citeguard  {len(texts) / t2:>10,.0f} refs/s  ({t2:.2f} s, in-process calls)")


if __name__ == "__main__":
    main()
