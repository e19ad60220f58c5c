#!/usr/bin/env python3
"""Verification accuracy benchmark: references rendered from real MEDLINE records, one planted error in about half.

    bench/verify-accuracy.py generate [--medline PATH] [--count 400] [--seed 14] [--out bench/out]
        Reads a MEDLINE XML(.gz) file and writes, in --out:
          medline-records.jsonl   every record of the file as a PubMedRecord (the Swift type's Codable JSON shape)
          verify-post.txt         a post whose "References" list cites --count records in several styles
          verify-truth.jsonl      one line per entry: index, pmid, style, text, planted error (or null), and
                                  "parsed": the ParsedReference a correct parser gives (Codable JSON shape)
    bench/verify-accuracy.py score --truth bench/out/verify-truth.jsonl RESULT.json
        Reads `citecheck --offline --fixtures ... --format json` output ({"files":[{"path","references":[...],
        "diagnostics":[{"rule","severity","message","line","column","reference","field","expected","found","pmid"}]}]})
        and prints recall (planted error reported: its rule on its entry) and precision (clean entries left without
        any pubmed-* error or warning), with the misses and false alarms listed. Exit 1 below the targets
        (recall >= 0.95, precision >= 0.98) when --check is given.

    bench/verify-accuracy.py real [--citations PATH] [--out bench/out]
        Writes real-post.txt and real-truth.jsonl: the real citation strings of
        $CITECHECK_DATA/references/pubmed-citations-dev.tsv.gz whose cited PMID is in medline-records.jsonl (run
        `generate` first), with that PMID as truth. Many real citations are bare (`Brain Res. 1977;128(3):485-96`).
    bench/verify-accuracy.py score-real RESULT.json [--truth bench/out/real-truth.jsonl]
        Wrong matches (a pubmed-* finding, or the reference's "pubmed": {"status": "matched", "pmid"} in
        "references", naming another PMID than the cited one) and not-found counts. Real citations carry real errors, so findings themselves are not scored.

Standard library only.
"""

import argparse
import gzip
import json
import os
import random
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

MONTHS = {m: i for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
STOP = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "its", "their", "vs", "versus", "via", "into", "than", "that", "this", "do", "does"}


# ---------------------------------------------------------------------------------------------------------------
# Reading MEDLINE


def text_of(element):
    return "".join(element.itertext()).strip() if element is not None else None


def expand_last(first, last):
    if last and first and last.isdigit() and first.isdigit() and len(last) < len(first):
        return first[: len(first) - len(last)] + last
    return last


def read_record(article):
    citation = article.find("MedlineCitation")
    art = citation.find("Article")
    journal = art.find("Journal")
    issue = journal.find("JournalIssue")
    pubdate = issue.find("PubDate") if issue is not None else None
    year = month = None
    if pubdate is not None:
        y = pubdate.findtext("Year")
        if y and y.isdigit():
            year = int(y)
        month = pubdate.findtext("Month")
        md = pubdate.findtext("MedlineDate")
        if year is None and md:
            m = re.search(r"\b(\d{4})\b", md)
            year = int(m.group(1)) if m else None
            m = re.search(r"\b([A-Z][a-z]{2})\b", md)
            month = m.group(1) if m else month
    electronic = None
    for ad in art.findall("ArticleDate"):
        if ad.get("DateType") == "Electronic" and (ad.findtext("Year") or "").isdigit():
            electronic = int(ad.findtext("Year"))
    pgn = art.findtext("Pagination/MedlinePgn")
    pages = None
    if pgn:
        first_range = pgn.split(",")[0].strip()
        parts = [p.strip() for p in first_range.split("-")]
        if parts and parts[0]:
            if len(parts) > 1 and parts[1]:
                pages = {"first": parts[0], "last": expand_last(parts[0], parts[1]), "lastAsWritten": parts[1]}
            else:
                pages = {"first": parts[0]}
    doi = None
    eloc = []
    for e in art.findall("ELocationID"):
        if e.get("EIdType") == "doi":
            doi = doi or (e.text or "").strip()
        elif e.text:
            eloc.append(e.text.strip())
    pmcid = None
    for aid in article.findall("PubmedData/ArticleIdList/ArticleId"):
        if aid.get("IdType") == "doi" and not doi:
            doi = (aid.text or "").strip()
        if aid.get("IdType") == "pmc":
            pmcid = (aid.text or "").strip()
    authors = []
    author_list = art.find("AuthorList")
    for a in (author_list.findall("Author") if author_list is not None else []):
        if a.get("ValidYN", "Y") != "Y":
            continue
        collective = a.findtext("CollectiveName")
        if collective:
            authors.append({"lastName": collective.strip(), "initials": "", "isCollective": True, "affiliations": []})
        elif a.findtext("LastName"):
            author = {"lastName": a.findtext("LastName").strip(), "initials": (a.findtext("Initials") or "").strip(),
                      "isCollective": False, "affiliations": []}
            if a.findtext("ForeName"):
                author["foreName"] = a.findtext("ForeName").strip()
            if a.findtext("Suffix"):
                author["suffix"] = a.findtext("Suffix").strip()
            authors.append(author)
    corrections = []
    for cc in citation.findall("CommentsCorrectionsList/CommentsCorrections"):
        c = {"refType": cc.get("RefType", ""), "refSource": (cc.findtext("RefSource") or "").strip()}
        if cc.findtext("PMID"):
            c["pmid"] = cc.findtext("PMID").strip()
        corrections.append(c)
    record = {
        "pmid": citation.findtext("PMID").strip(),
        "title": text_of(art.find("ArticleTitle")) or "",
        "elocationIDs": eloc,
        "authors": authors,
        "authorListIncomplete": author_list is not None and author_list.get("CompleteYN") == "N",
        "publicationTypes": [text_of(p) for p in art.findall("PublicationTypeList/PublicationType")],
        "corrections": corrections,
    }
    optional = {
        "journalTitle": journal.findtext("Title"), "isoAbbreviation": journal.findtext("ISOAbbreviation"),
        "medlineTA": citation.findtext("MedlineJournalInfo/MedlineTA"), "volume": issue.findtext("Volume") if issue is not None else None,
        "issue": issue.findtext("Issue") if issue is not None else None, "year": year, "month": month,
        "electronicYear": electronic, "medlinePages": pgn, "pages": pages, "doi": doi, "pmcid": pmcid,
    }
    for key, value in optional.items():
        if value not in (None, ""):
            record[key] = value.strip() if isinstance(value, str) else value
    return record


def read_medline(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as handle:
        for _, element in ET.iterparse(handle, events=("end",)):
            if element.tag == "PubmedArticle":
                try:
                    yield read_record(element)
                except Exception as error:  # a malformed record is skipped, never fatal
                    print(f"skipped a record: {error}", file=sys.stderr)
                element.clear()


# ---------------------------------------------------------------------------------------------------------------
# Rendering references


def clean_title(title):
    t = title.strip()
    if t.startswith("[") and t.rstrip(".").endswith("]"):
        t = t.rstrip(".")[1:-1]
    return t.rstrip(". ")


def full_journal(record):
    title = record.get("journalTitle") or record.get("isoAbbreviation") or ""
    title = re.sub(r"\s*\(.*$", "", title).strip()
    title = re.sub(r"\s*:.*$", "", title).strip()
    small = {"of", "and", "the", "in", "for", "on", "a", "an", "to", "with", "at", "by"}
    words = title.split(" ")
    return " ".join(w if (i > 0 and w.lower() in small) or not w[:1].islower() else w[:1].upper() + w[1:] for i, w in enumerate(words))


def abbrev_journal(record):
    """The MEDLINE form without periods (`Antimicrob Agents Chemother`)."""
    name = record.get("medlineTA") or record.get("isoAbbreviation") or full_journal(record)
    return re.sub(r"\s*\(.*?\)", "", name).replace(".", "").strip()


def dotted_journal(record):
    """Nature's form: a period after each abbreviated word (`Am. J. Psychiatry`)."""
    iso = record.get("isoAbbreviation") or abbrev_journal(record)
    if "." in iso:
        return iso
    full_words = [w.lower() for w in re.findall(r"[A-Za-z]+", record.get("journalTitle") or "")]
    out = []
    for w in iso.split(" "):
        lw = w.lower()
        if lw.isalpha() and any(f.startswith(lw) and f != lw for f in full_words) and lw not in full_words:
            out.append(w + ".")
        else:
            out.append(w)
    return " ".join(out)


def abbreviate_last(first, last):
    if not (first.isdigit() and last.isdigit()) or len(first) != len(last):
        return last
    i = 0
    while i < len(last) - 1 and first[i] == last[i]:
        i += 1
    return last[i:]


def initials_dotted(initials):
    return " ".join(c + "." for c in initials)


STYLES = ["vancouver", "ama", "apa", "nature", "plos"]
SMALL = {"a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "at", "from", "as", "vs"}


def title_case(title):
    """AMA's headline case: each word capitalised except short function words."""
    out = []
    for i, word in enumerate(title.split(" ")):
        if i > 0 and word.lower() in SMALL:
            out.append(word)
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in word.split("-")))
    return " ".join(out)


def render(record, style, fields, quoted=False):
    """Renders `fields` (a dict from the record, maybe with a planted error) in `style`.

    Returns (text, parsed) where parsed is the ParsedReference JSON a correct parser yields.
    """
    authors = fields["authors"]
    title = fields["title"]
    year = fields["year"]
    volume = fields["volume"]
    issue = fields.get("issue")
    first, last = fields["first"], fields.get("last")
    pieces = []  # (text, field or None)
    listed = []
    et_al = False
    if style in ("vancouver", "ama", "plos"):
        limit = 6
        shown = authors if len(authors) <= limit else authors[:3]
        et_al = len(authors) > limit
        listed = shown
        names = ", ".join(f"{a['lastName']} {a['initials']}".strip() for a in shown) + (", et al" if et_al else "")
        if style == "plos":
            pieces.append((names, "authors"))
            pieces.append((" (", None)); pieces.append((str(year), "year")); pieces.append((") ", None))
            pieces.append((title, "title")); pieces.append((". ", None))
            journal = fields["journal_abbrev"]
            pieces.append((journal, "journal")); pieces.append((" ", None)); pieces.append((volume, "volume"))
            if issue:
                pieces.append(("(", None)); pieces.append((issue, "issue")); pieces.append((")", None))
            pages = first + ("–" + last if last else "")
            pieces.append((": ", None)); pieces.append((pages, "pages")); pieces.append((".", None))
            page_form = ("–", False)
        else:
            pieces.append((names + ".", "authors")); pieces.append((" ", None))
            if style == "ama":
                title = title_case(title)
            if quoted:
                pieces.append(("“", None)); pieces.append((title, "title")); pieces.append((".” ", None))
            else:
                pieces.append((title, "title")); pieces.append((". ", None))
            journal = fields["journal_abbrev"]
            pieces.append((journal, "journal")); pieces.append((". ", None))
            pieces.append((str(year), "year"))
            if style == "vancouver" and record.get("month") and fields["year"] == record["year"]:
                pieces.append((" " + record["month"], None))
            pieces.append((";", None)); pieces.append((volume, "volume"))
            if issue:
                pieces.append(("(", None)); pieces.append((issue, "issue")); pieces.append((")", None))
            abbreviated = style == "vancouver"
            shown_last = abbreviate_last(first, last) if (last and abbreviated) else last
            pages = first + ("-" + shown_last if last else "")
            pieces.append((":", None)); pieces.append((pages, "pages")); pieces.append((".", None))
            page_form = ("-", abbreviated)
    else:
        limit = 20 if style == "apa" else 5
        shown = authors if len(authors) <= limit else authors[: (19 if style == "apa" else 1)]
        et_al = len(authors) > limit
        listed = shown
        names = [f"{a['lastName']}, {initials_dotted(a['initials'])}".strip(", ") for a in shown]
        if style == "apa":
            if et_al:
                text = ", ".join(names) + ", et al."
            elif len(names) > 1:
                text = ", ".join(names[:-1]) + ", & " + names[-1]
            else:
                text = names[0]
            pieces.append((text, "authors")); pieces.append((" (", None)); pieces.append((str(year), "year"))
            pieces.append(("). ", None)); pieces.append((title, "title")); pieces.append((". ", None))
            journal = fields["journal_full"]
            pieces.append((journal, "journal")); pieces.append((", ", None)); pieces.append((volume, "volume"))
            if issue:
                pieces.append(("(", None)); pieces.append((issue, "issue")); pieces.append((")", None))
            pages = first + ("–" + last if last else "")
            pieces.append((", ", None)); pieces.append((pages, "pages")); pieces.append((".", None))
        else:  # nature
            if et_al:
                text = names[0] + " et al."
            elif len(names) > 1:
                text = ", ".join(names[:-1]) + " & " + names[-1]
            else:
                text = names[0]
            pieces.append((text, "authors")); pieces.append((" ", None))
            pieces.append((title, "title")); pieces.append((". ", None))
            journal = fields["journal_dotted"]
            pieces.append((journal, "journal")); pieces.append((" ", None)); pieces.append((volume, "volume"))
            pages = first + ("–" + last if last else "")
            pieces.append((", ", None)); pieces.append((pages, "pages")); pieces.append((" (", None))
            pieces.append((str(year), "year")); pieces.append((").", None))
            issue = None
        page_form = ("–", False)

    text = ""
    ranges = []
    for piece, field in pieces:
        start = len(text.encode("utf-8"))
        text += piece
        if field:
            ranges.append((field, start, len(text.encode("utf-8"))))
    title_start = next(r for r in ranges if r[0] == "title")
    parsed = {
        "raw": text,
        "authors": [{"family": a["lastName"], "given": (a["initials"] if style in ("vancouver", "ama", "plos") else initials_dotted(a["initials"])),
                     "isGroup": bool(a.get("isCollective"))} for a in listed],
        "etAl": et_al,
        "title": title,
        "titleQuoted": quoted,
        "journal": journal,
        "year": year,
        "volume": volume,
        "pages": {"first": first, **({"last": expand_last(first, last), "lastAsWritten": (abbreviate_last(first, last) if page_form[1] else last)} if last else {})},
        "style": style,
        "kind": "article",
        "notes": [], "garbledCharacters": [],
        "fieldRanges": [x for f, s, e in ranges if f != "authors" for x in (f, [s, e])],
    }
    if issue:
        parsed["issue"] = issue
    del title_start
    return text, parsed


# ---------------------------------------------------------------------------------------------------------------
# Choosing records and planting errors


def usable(record):
    if "Journal Article" not in record.get("publicationTypes", []):
        return False
    if any(t in record.get("publicationTypes", []) for t in ("Published Erratum", "Retraction of Publication", "Comment", "Editorial", "Letter")):
        return False
    authors = record.get("authors", [])
    if not authors or any(a.get("isCollective") or not a.get("initials") for a in authors):
        return False
    title = clean_title(record.get("title", ""))
    if record.get("title", "").strip().startswith("[") or len(title.split()) < 5:
        return False
    pages = record.get("pages")
    if not pages or not pages.get("last") or not pages["first"].isdigit() or not pages["last"].isdigit():
        return False
    if int(pages["last"]) <= int(pages["first"]):
        return False
    if not record.get("volume", "").isdigit() or not record.get("year"):
        return False
    if record.get("issue") and not re.fullmatch(r"\d+", record["issue"]):
        return False
    return bool(record.get("isoAbbreviation") and record.get("journalTitle"))


KINDS = ["year", "volume", "issue", "first-page", "last-page", "journal", "first-author", "title-word"]
RULE = {"year": "pubmed-year", "volume": "pubmed-volume", "issue": "pubmed-issue", "first-page": "pubmed-pages",
        "last-page": "pubmed-pages", "journal": "pubmed-journal", "first-author": "pubmed-authors", "title-word": "pubmed-title"}
FIELD = {"year": "year", "volume": "volume", "issue": "issue", "first-page": "pages", "last-page": "pages",
         "journal": "journal", "first-author": "authors", "title-word": "title"}


def base_fields(record):
    pages = record["pages"]
    return {
        "authors": [dict(a) for a in record["authors"]],
        "title": clean_title(record["title"]),
        "year": record["year"],
        "volume": record["volume"],
        "issue": record.get("issue"),
        "first": pages["first"],
        "last": pages.get("last"),
        "journal_abbrev": abbrev_journal(record),
        "journal_full": full_journal(record),
        "journal_dotted": dotted_journal(record),
    }


def plant(record, fields, kind, rng, others, style):
    """Changes `fields` in place; returns (found, expected) as plain strings, or None when the kind does not apply."""
    if kind == "year":
        options = [record["year"] + d for d in (-3, -2, -1, 1, 2, 3) if record["year"] + d != record.get("electronicYear")]
        fields["year"] = rng.choice(options)
        return str(fields["year"]), str(record["year"])
    if kind == "volume":
        v = int(record["volume"])
        fields["volume"] = str(rng.choice([x for x in (v - 2, v - 1, v + 1, v + 3, v + 10) if x > 0]))
        return fields["volume"], record["volume"]
    if kind == "issue":
        if style == "nature" or not record.get("issue"):
            return None
        i = int(record["issue"])
        fields["issue"] = str(rng.choice([x for x in (i - 1, i + 1, i + 2) if x > 0]))
        return fields["issue"], record["issue"]
    if kind == "first-page":
        first, last = int(fields["first"]), int(fields["last"])
        delta = rng.choice([d for d in (-20, -10, -3, 3, 10) if 0 < first + d < last])  if last - first > 3 else -10
        if first + delta <= 0:
            return None
        fields["first"] = str(first + delta)
        return fields["first"], record["pages"]["first"]
    if kind == "last-page":
        first, last = int(fields["first"]), int(fields["last"])
        new_last = last + rng.choice([1, 2, 5, 10])
        fields["last"] = str(new_last)
        return fields["last"], record["pages"]["last"]
    if kind == "journal":
        other = rng.choice([o for o in others if o.get("isoAbbreviation") != record.get("isoAbbreviation")
                            and o.get("journalTitle") != record.get("journalTitle")])
        fields["journal_abbrev"] = abbrev_journal(other)
        fields["journal_full"] = full_journal(other)
        fields["journal_dotted"] = dotted_journal(other)
        return abbrev_journal(other), abbrev_journal(record)
    if kind == "first-author":
        families = {a["lastName"].lower() for a in record["authors"]}
        donor = rng.choice([o for o in others if o["authors"][0]["lastName"].lower() not in families])
        fields["authors"][0] = dict(donor["authors"][0])
        return donor["authors"][0]["lastName"], record["authors"][0]["lastName"]
    if kind == "title-word":
        words = fields["title"].split(" ")
        candidates = [i for i, w in enumerate(words) if len(re.sub(r"\W", "", w)) >= 4 and w.lower() not in STOP and i > 0]
        if len(words) < 6 or not candidates:
            return None
        i = rng.choice(candidates)
        dropped = words[i]
        if dropped.endswith((":", ",", ";")) and i > 0:
            words[i - 1] += dropped[-1]
        fields["title"] = " ".join(words[:i] + words[i + 1:])
        return fields["title"], re.sub(r"[^\w-]", "", dropped)
    raise ValueError(kind)


def generate(args):
    os.makedirs(args.out, exist_ok=True)
    records = []
    with open(os.path.join(args.out, "medline-records.jsonl"), "w", encoding="utf-8") as out:
        for record in read_medline(args.medline):
            records.append(record)
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    rng = random.Random(args.seed)
    pool = [r for r in records if usable(r)]
    chosen = rng.sample(pool, min(args.count, len(pool)))
    lines = []
    with open(os.path.join(args.out, "verify-truth.jsonl"), "w", encoding="utf-8") as truth:
        for index, record in enumerate(chosen, 1):
            style = STYLES[index % len(STYLES)]
            fields = base_fields(record)
            planted = None
            if rng.random() < 0.5:
                kinds = KINDS[:]
                rng.shuffle(kinds)
                for kind in kinds:
                    values = plant(record, fields, kind, rng, pool, style)
                    if values:
                        planted = {"kind": kind, "rule": RULE[kind], "field": FIELD[kind], "found": values[0], "expected": values[1]}
                        break
                    fields = base_fields(record)
            # Differences of form only, which must never be reported.
            if not planted and ":" in fields["title"] and rng.random() < 0.15:
                fields["title"] = fields["title"].split(":")[0]  # subtitle left out
            if rng.random() < 0.3:  # diacritics dropped from names
                for author in fields["authors"]:
                    author["lastName"] = "".join(c for c in unicodedata.normalize("NFD", author["lastName"]) if not unicodedata.combining(c))
            if "-" in fields["title"] and rng.random() < 0.3:  # a hyphen written as a space, or dropped
                fields["title"] = fields["title"].replace("-", rng.choice([" ", ""]), 1)
            if rng.random() < 0.2:  # a trailing period inside quotes, or the title upper-cased
                fields["title"] = fields["title"].upper() if rng.random() < 0.5 else fields["title"]
            text, parsed = render(record, style, fields, quoted=(style == "ama" and rng.random() < 0.5))
            lines.append(f"{index}. {text}")
            truth.write(json.dumps({"index": index, "pmid": record["pmid"], "style": style, "text": text,
                                    "planted": planted, "parsed": parsed}, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out, "verify-post.txt"), "w", encoding="utf-8") as post:
        post.write("Notes on the literature\n\nThis post summarises several studies from the MEDLINE sample.\n\nReferences:\n\n")
        post.write("\n".join(lines) + "\n")
    planted = sum(1 for _ in open(os.path.join(args.out, "verify-truth.jsonl")) if '"planted": null' not in _)
    print(f"{len(records)} records read, {len(pool)} usable, {len(chosen)} references written ({planted} with a planted error) to {args.out}")


# ---------------------------------------------------------------------------------------------------------------
# Scoring


def score(args):
    truth = [json.loads(line) for line in open(args.truth, encoding="utf-8") if line.strip()]
    result = json.load(open(args.result, encoding="utf-8"))
    files = result.get("files", [])
    if args.path:
        files = [f for f in files if f.get("path") == args.path or f.get("path", "").endswith(args.path)]
    diagnostics = [d for f in files for d in f.get("diagnostics", [])]
    by_reference = {}
    for d in diagnostics:
        if d.get("reference") is not None and str(d.get("rule", "")).startswith("pubmed-"):
            by_reference.setdefault(int(d["reference"]), []).append(d)
    planted = [t for t in truth if t["planted"]]
    clean = [t for t in truth if not t["planted"]]
    hits, misses, alarms = 0, [], []
    for t in planted:
        found = [d for d in by_reference.get(t["index"], []) if d["rule"] == t["planted"]["rule"]]
        if found:
            hits += 1
        else:
            misses.append((t, by_reference.get(t["index"], [])))
    for t in clean:
        bad = [d for d in by_reference.get(t["index"], []) if d.get("severity") in ("error", "warning")]
        if bad:
            alarms.append((t, bad))
    recall = hits / len(planted) if planted else 1.0
    precision = (len(clean) - len(alarms)) / len(clean) if clean else 1.0
    # Findings on planted entries other than the planted one (a different field flagged): reported, not scored.
    extra = sum(1 for t in planted for d in by_reference.get(t["index"], [])
                if d["rule"] != t["planted"]["rule"] and d.get("severity") in ("error", "warning"))
    print(f"references: {len(truth)}  planted: {len(planted)}  clean: {len(clean)}")
    print(f"recall    {recall:.3f}  ({hits}/{len(planted)} planted errors reported with their rule)")
    print(f"precision {precision:.3f}  ({len(clean) - len(alarms)}/{len(clean)} clean references without a pubmed-* error or warning)")
    print(f"other error/warning findings on planted references: {extra}")
    for t, got in misses[: args.show]:
        print(f"MISS #{t['index']} {t['planted']['kind']} ({t['planted']['found']} vs {t['planted']['expected']}): {t['text']}")
        for d in got:
            print(f"     got {d['rule']}: {d.get('message')}")
    for t, got in alarms[: args.show]:
        print(f"FALSE #{t['index']}: {t['text']}")
        for d in got:
            print(f"     {d['rule']}: {d.get('message')}")
    if args.check and (recall < 0.95 or precision < 0.98):
        sys.exit(1)


BARE = re.compile(r"^(?P<journal>[^.;]+(?:\.[^.;0-9]+)*?)\.? (?P<year>\d{4})(?: [A-Z][a-z]{2}(?:-[A-Z][a-z]{2})?(?: \d{1,2})?)?;"
                  r"(?P<volume>[^(:;]+?)(?:\((?P<issue>[^)]+)\))?:(?P<pages>[A-Za-z]?\d+(?:-[A-Za-z]?\d+)?)\.?$")


def parse_bare(text):
    """The ParsedReference JSON of a bare MEDLINE-style citation (`Brain Res. 1977 Jun 17;128(3):485-96`), else None."""
    m = BARE.match(text)
    if not m:
        return None
    pages = m.group("pages").split("-")
    page = {"first": pages[0]}
    if len(pages) > 1:
        page.update({"last": expand_last(pages[0], pages[1]), "lastAsWritten": pages[1]})
    parsed = {"raw": text, "authors": [], "etAl": False, "titleQuoted": False, "journal": m.group("journal").strip(),
              "year": int(m.group("year")), "volume": m.group("volume").strip(), "pages": page, "style": "vancouver",
              "kind": "article", "notes": [], "garbledCharacters": [], "fieldRanges": []}
    if m.group("issue"):
        parsed["issue"] = m.group("issue")
    return parsed


def real(args):
    pmids = set()
    with open(os.path.join(args.out, "medline-records.jsonl"), encoding="utf-8") as handle:
        for line in handle:
            pmids.add(json.loads(line)["pmid"])
    rows = []
    with gzip.open(args.citations, "rt", encoding="utf-8") as handle:
        header = next(handle).rstrip("\n").split("\t")
        for line in handle:
            row = dict(zip(header, line.rstrip("\n").split("\t")))
            text = " ".join(row.get("citation", "").split())
            if row.get("cited_pmid") in pmids and text:
                rows.append((row["cited_pmid"], text))
    with open(os.path.join(args.out, "real-truth.jsonl"), "w", encoding="utf-8") as truth, \
         open(os.path.join(args.out, "real-post.txt"), "w", encoding="utf-8") as post:
        post.write("Real citations of MEDLINE sample records\n\nReferences:\n\n")
        for index, (pmid, text) in enumerate(rows, 1):
            post.write(f"{index}. {text}\n")
            line = {"index": index, "pmid": pmid, "text": text}
            parsed = parse_bare(text)
            if parsed:
                line["parsed"] = parsed
            truth.write(json.dumps(line, ensure_ascii=False) + "\n")
    print(f"{len(rows)} real citations written to {args.out}/real-post.txt")
    # Real references from PLOS articles, as ParsedReference JSON: they cite papers outside the sample, so against
    # the sample's index almost none may match (a check on wrong matches with real field values).
    count = 0
    if os.path.exists(args.plos):
        with open(args.plos, encoding="utf-8") as source, open(os.path.join(args.out, "plos-parsed.jsonl"), "w", encoding="utf-8") as out:
            for line in source:
                item = json.loads(line)
                t = item.get("truth") or {}
                if t.get("type") != "journal" or not t.get("title"):
                    continue
                parsed = {"raw": item.get("text", ""), "authors": [{"family": a.get("family") or "", "given": a.get("given") or "", "isGroup": False}
                                                                   for a in t.get("authors") or [] if a.get("family")],
                          "etAl": bool(t.get("etAl")), "titleQuoted": False, "style": "plos", "kind": "article", "notes": [], "garbledCharacters": [], "fieldRanges": []}
                for key in ("title", "journal", "volume", "issue", "doi", "pmid"):
                    if t.get(key):
                        parsed[key] = str(t[key])
                if isinstance(t.get("year"), int):
                    parsed["year"] = t["year"]
                if t.get("first"):
                    parsed["pages"] = {"first": str(t["first"]), **({"last": str(t["last"]), "lastAsWritten": str(t["last"])} if t.get("last") else {})}
                out.write(json.dumps(parsed, ensure_ascii=False) + "\n")
                count += 1
    print(f"{count} PLOS references written to {args.out}/plos-parsed.jsonl")


def score_real(args):
    truth = {t["index"]: t for t in (json.loads(line) for line in open(args.truth, encoding="utf-8") if line.strip())}
    result = json.load(open(args.result, encoding="utf-8"))
    claimed = {}
    not_found = set()
    for f in result.get("files", []):
        for position, reference in enumerate(f.get("references", []), 1):
            match = reference.get("pubmed") if isinstance(reference, dict) else None
            if isinstance(match, dict) and match.get("status") == "matched" and match.get("pmid"):
                claimed.setdefault(int(reference.get("index", position)), set()).add(str(match["pmid"]))
        for d in f.get("diagnostics", []):
            if d.get("reference") is None or not str(d.get("rule", "")).startswith("pubmed-"):
                continue
            if d["rule"] == "pubmed-not-found":
                not_found.add(int(d["reference"]))
            elif d.get("pmid") and d["rule"] != "pubmed-ambiguous":
                claimed.setdefault(int(d["reference"]), set()).add(str(d["pmid"]))
    wrong = {i: p for i, p in claimed.items() if i in truth and truth[i]["pmid"] not in p}
    print(f"real citations: {len(truth)}  with a claimed match: {len(claimed)}  wrong matches: {len(wrong)}  not found: {len(not_found)}")
    for i, p in list(wrong.items())[: args.show]:
        print(f"WRONG #{i} cited {truth[i]['pmid']} matched {sorted(p)}: {truth[i]['text']}")
    if args.check and wrong:
        sys.exit(1)


# The shared data folder: $CITECHECK_DATA, by default ../shared/data beside the repository.
DATA = os.environ.get("CITECHECK_DATA", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data"))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--medline", default=os.path.join(DATA, "pubmed", "medline-sample", "pubmed20n0014.xml.gz"))
    g.add_argument("--count", type=int, default=400)
    g.add_argument("--seed", type=int, default=14)
    g.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    s = sub.add_parser("score")
    s.add_argument("result", help="citecheck --format json output")
    s.add_argument("--truth", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "verify-truth.jsonl"))
    s.add_argument("--path", help="only the file whose path ends with this")
    s.add_argument("--show", type=int, default=20, help="misses and false alarms to list")
    s.add_argument("--check", action="store_true", help="exit 1 below recall 0.95 or precision 0.98")
    r = sub.add_parser("real")
    r.add_argument("--citations", default=os.path.join(DATA, "references", "pubmed-citations-dev.tsv.gz"))
    r.add_argument("--plos", default=os.path.join(DATA, "references", "plos-dev.jsonl"))
    r.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    sr = sub.add_parser("score-real")
    sr.add_argument("result")
    sr.add_argument("--truth", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out", "real-truth.jsonl"))
    sr.add_argument("--show", type=int, default=20)
    sr.add_argument("--check", action="store_true", help="exit 1 on any wrong match")
    args = parser.parse_args()
    {"generate": generate, "score": score, "real": real, "score-real": score_real}[args.command](args)


if __name__ == "__main__":
    main()
