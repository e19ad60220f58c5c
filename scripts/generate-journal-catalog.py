#!/usr/bin/env python3
"""Generate Sources/CiteCheck/Normalization/JournalCatalogData.swift from the CC0 journal lists.

Usage: scripts/generate-journal-catalog.py [DATA_DIR] [OUTPUT]
  DATA_DIR defaults to $CITECHECK_DATA/journals ($CITECHECK_DATA: ../shared/data beside the repository) (journal_abbreviations_{entrez,medicus,lifescience}.csv,
  from the JabRef abbreviation lists, CC0 1.0).

The key function below MUST stay identical to `Normalization.journalKey` in Swift; the Swift test
`everyCatalogGroupResolvesToItself` checks it over the whole embedded catalog.

Output layout (two StaticString literals, no parsing at start-up):
  groups: one line per journal, "Full Title\tAbbreviation\n"; a journal's id is its line's byte offset.
  keys:   lines "key\tgroupOffset\n", sorted by the key's UTF-8 bytes, searched by binary search.
"""
import csv
import os
import collections
import re
import sys
import unicodedata

DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("CITECHECK_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data")), "journals")
START_DIGITS = 6
STARTS_PER_LINE = 16
OUT = sys.argv[2] if len(sys.argv) > 2 else "Sources/CiteCheck/Normalization/JournalCatalogData.swift"

# Letters that do not decompose under NFD; same table as Swift's `Normalization.foldDiacritics`.
SPECIAL = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
           "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ı": "i", "ħ": "h", "Ħ": "H",
           "ŀ": "l", "Ŀ": "L", "ŉ": "n", "ĸ": "k", "ſ": "s", "ĳ": "ij", "Ĳ": "IJ", "ŋ": "n", "Ŋ": "N",
           "ŧ": "t", "Ŧ": "T", "×": "×", "÷": "÷"}
APOSTROPHES = "'\u2019\u2018\u02bc\u00b4`"
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u00ad\ufe58\ufe63\uff0d"  # as Normalization.isDash


def fold(s):
    s = "".join(SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn")


def journal_key(s):
    """Lowercase, fold diacritics, & -> and, drop apostrophes and hyphens (join), other non-alphanumerics
    -> space, collapse spaces, drop a leading 'the'."""
    s = fold(s).lower()
    out = []
    for c in s:
        if c == "&":
            out.append(" and ")
        elif c in APOSTROPHES or c in DASHES:
            continue
        elif c.isalnum():
            out.append(c)
        else:
            out.append(" ")
    words = "".join(out).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def stripped(s):
    """The title without parenthesised qualifiers and without a subtitle after ' : ' or ' / '."""
    s = re.split(r"\s+[:/=]\s+", s)[0]
    s = re.sub(r"\([^()]*\)", " ", s)
    return s


def load():
    rows = []  # (source, full, abbreviation)
    for source in ("entrez", "medicus", "lifescience"):
        with open(f"{DATA}/journal_abbreviations_{source}.csv", encoding="utf-8", newline="") as f:
            for r in csv.reader(f):
                if len(r) < 2:
                    continue
                full, abbr = r[0].strip(), r[1].strip()
                if not journal_key(full) or not journal_key(abbr):
                    continue
                if journal_key(full).startswith(("issn ", "essn ")) or journal_key(abbr) in ("issn", "essn"):
                    continue
                # The medicus list has rows whose title ran into the abbreviation column ("MonographSeries Am ...").
                if source == "medicus" and len(full) > 60 and re.search(r"[a-z][A-Z][a-z]", full):
                    continue
                if "\t" in full + abbr or "\n" in full + abbr:
                    continue
                rows.append((source, full, abbr))
    return rows


def main():
    rows = load()
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb

    # NLM (entrez) rows first; the other lists may join a row to an NLM journal but never join two
    # NLM journals (medicus maps "Biochemistry" to "Biochemistry (Mosc)", two different journals).
    for source, full, abbr in rows:
        if source == "entrez":
            union(journal_key(full), journal_key(abbr))
    nlm = set(parent)
    skipped = 0
    for source, full, abbr in rows:
        if source == "entrez":
            continue
        kf, ka = journal_key(full), journal_key(abbr)
        if kf in nlm and ka in nlm and find(kf) != find(ka):
            skipped += 1
            continue
        union(kf, ka)
    rows = [r for r in rows if r[0] == "entrez" or find(journal_key(r[1])) == find(journal_key(r[2]))]

    # Titles with a place qualifier or subtitle ("Journal of psychopharmacology (Oxford, England)"):
    # join them to the group holding the bare title when that is unambiguous and the abbreviations agree.
    stems_by_root = collections.defaultdict(set)
    for _, _, a in rows:
        stems_by_root[find(journal_key(a))].add(journal_key(stripped(a)))

    def group_abbr_stems(root):
        return stems_by_root[find(root)]

    derived = collections.defaultdict(set)
    for _, full, _ in rows:
        s = journal_key(stripped(full))
        if s and s != journal_key(full):
            derived[s].add(find(journal_key(full)))
    aliases = {}
    for s, roots in derived.items():
        if len(roots) != 1:
            continue
        (root,) = roots
        if s in parent:
            other = find(s)
            if other != root and group_abbr_stems(other) & group_abbr_stems(root):
                union(s, root)
        else:
            aliases[s] = root

    # Display forms: full title from medicus, else lifescience, else entrez (title case beats NLM's
    # sentence case for messages); abbreviation from entrez (NLM), else medicus, else lifescience.
    full_pref = {"medicus": 0, "lifescience": 1, "entrez": 2}
    abbr_pref = {"entrez": 0, "medicus": 1, "lifescience": 2}
    best = {}
    for source, full, abbr in rows:
        root = find(journal_key(full))
        f0, a0 = best.get(root, ((9, ""), (9, "")))
        fcand = (full_pref[source], full)
        acand = (abbr_pref[source], abbr)
        best[root] = (min(f0, fcand), min(a0, acand))

    roots = sorted(best, key=lambda r: best[r][0][1].lower())
    group_lines, offsets, pos = [], {}, 0
    for r in roots:
        line = f"{best[r][0][1]}\t{best[r][1][1]}\n"
        offsets[r] = pos
        group_lines.append(line)
        pos += len(line.encode("utf-8"))

    keys = {k: offsets[find(k)] for k in parent}
    for s, root in aliases.items():
        keys.setdefault(s, offsets[find(root)])
    key_lines = [f"{k}\t{v}\n" for k, v in sorted(keys.items(), key=lambda kv: kv[0].encode("utf-8"))]

    def literal(lines):
        body = "".join(lines)
        assert '"""#' not in body
        return '#"""\n' + body + '"""#'

    with open(OUT, "w", encoding="utf-8") as out:
        out.write("// swift-format-ignore-file\n")
        out.write("// GENERATED by scripts/generate-journal-catalog.py; do not edit.\n")
        out.write("//\n")
        out.write("// Source: the JabRef journal abbreviation lists (journal_abbreviations_entrez.csv from NLM's\n")
        out.write("// Entrez/PubMed journal list, journal_abbreviations_medicus.csv from Index Medicus,\n")
        out.write("// journal_abbreviations_lifescience.csv), https://github.com/JabRef/abbrv.jabref.org,\n")
        out.write("// dedicated to the public domain under CC0 1.0 Universal\n")
        out.write("// (https://creativecommons.org/publicdomain/zero/1.0/).\n")
        out.write(f"// {len(rows)} rows, {len(group_lines)} journals, {len(key_lines)} lookup keys.\n\n")
        out.write("/// The embedded journal catalog. See `JournalCatalog` for the layout and lookup.\n")
        out.write("enum JournalCatalogData {\n")
        out.write("    /// `Full Title\\tAbbreviation\\n` per journal; a journal's id is the byte offset of its line.\n")
        out.write("    static let groups: StaticString = " + literal(group_lines) + "\n\n")
        out.write("    /// `journalKey\\tgroupOffset\\n`, sorted by UTF-8 bytes.\n")
        out.write("    static let keys: StaticString = " + literal(key_lines) + "\n\n")
        starts, offset = [], 0
        for line in key_lines:
            starts.append(offset)
            offset += len(line.encode("utf-8"))
        assert offset < 16 ** START_DIGITS
        rows_of_starts = ["".join(f"{v:0{START_DIGITS}x}" for v in starts[i:i + STARTS_PER_LINE]) + "\n" for i in range(0, len(starts), STARTS_PER_LINE)]
        out.write(f"    /// The byte offset in `keys` where each key line starts, {START_DIGITS} hex digits each, {STARTS_PER_LINE} to a line.\n")
        out.write("    static let keyStarts: StaticString = " + literal(rows_of_starts) + "\n")
        out.write("}\n")
    print(f"{len(rows)} rows, {len(group_lines)} journals, {len(key_lines)} keys -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
