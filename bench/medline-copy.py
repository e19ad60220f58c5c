#!/usr/bin/env python3
"""Writes a copy of a MEDLINE file whose records are new: PMIDs shifted by --pmid-offset, every year by
--year-offset, the titles rotated by --rotate places (record i takes record i+N's title) and, with
--journal-prefix, every journal name (title, ISO abbreviation, MedlineTA) prefixed, so that no copy is the same
paper as an original (same authors and pages but another title, year and journal; same title but other authors,
journal and year), while the index's title postings and its author and journal key tables grow as they would with
more real records. Without --journal-prefix a copy keeps the original's (journal, volume, first page), so each such
key names one record per copy, unlike real records.

    bench/medline-copy.py --pmid-offset 50000000 --year-offset 100 --rotate 1000 --journal-prefix "Copy1 " IN.xml.gz OUT.xml.gz

Used by bench/index.sh to time lookups against indexes of 1x, 2x and 4x the records. Standard library only.
"""

import argparse
import gzip
import re


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pmid-offset", type=int, required=True)
    parser.add_argument("--year-offset", type=int, default=100)
    parser.add_argument("--rotate", type=int, default=1000)
    parser.add_argument("--journal-prefix", default="")
    parser.add_argument("source")
    parser.add_argument("target")
    args = parser.parse_args()
    with gzip.open(args.source, "rt", encoding="utf-8") as source:
        text = source.read()
    text = re.sub(r'(<PMID Version="\d+">)(\d+)(</PMID>)', lambda m: f"{m.group(1)}{int(m.group(2)) + args.pmid_offset}{m.group(3)}", text)
    text = re.sub(r"<Year>(\d{4})</Year>", lambda m: f"<Year>{int(m.group(1)) + args.year_offset}</Year>", text)
    text = re.sub(r"<MedlineDate>(\d{4})", lambda m: f"<MedlineDate>{int(m.group(1)) + args.year_offset}", text)
    if args.journal_prefix:
        for tag in ("Title", "ISOAbbreviation", "MedlineTA"):
            text = re.sub(rf"<{tag}>", f"<{tag}>{args.journal_prefix}", text)
    titles = re.findall(r"<ArticleTitle>.*?</ArticleTitle>", text, re.S)
    if titles:
        rotated = iter(titles[args.rotate % len(titles):] + titles[:args.rotate % len(titles)])
        text = re.sub(r"<ArticleTitle>.*?</ArticleTitle>", lambda m: next(rotated), text, flags=re.S)
    with gzip.open(args.target, "wt", encoding="utf-8", compresslevel=6) as target:
        target.write(text)


if __name__ == "__main__":
    main()
