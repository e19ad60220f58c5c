#!/usr/bin/env python3
"""How well `citecheck check --fix --unsafe-fixes` repairs planted errors, offline against a MEDLINE file.

Real PubMed records are rendered as references in five styles (Vancouver, AMA, APA, Nature, Harvard), about half
get one planted error (year, volume, issue, pages, first author, author order, or one title word), and the
references are laid out as posts (Markdown and plain text, 20 references each). citecheck fixes the posts in
place against the same MEDLINE file; each post is then compared line by line with its clean rendering.

Figures: planted errors that became exactly the clean text (target >= 85%), changed lines that are exactly right
(>= 99%), lines changed that had no error (0), and whether a second run changes anything (it must not).

Usage: bench/fix-accuracy.py [--records N] [--seed S] [--keep DIR] [--bin PATH]
       bench/fix-accuracy.py --timing-post DIR   (the post bench/fix-speed.sh times)
Data: $CITECHECK_DATA/pubmed/medline-sample/pubmed20n0014.xml.gz (see bench/README.md).
"""
import argparse, gzip, os, random, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.environ.get("CITECHECK_DATA", os.path.join(ROOT, "..", "shared", "data"))
MEDLINE = os.path.join(DATA, "pubmed", "medline-sample", "pubmed20n0014.xml.gz")
STYLES = ["vancouver", "ama", "apa", "nature", "harvard"]
KINDS = ["year", "volume", "issue", "pages", "first-author", "author-order", "title-word"]


def text(element):
    return "".join(element.itertext()).strip() if element is not None else ""


def records(path):
    """Journal articles with everything a full citation needs."""
    with gzip.open(path) as stream:
        for _, element in ET.iterparse(stream):
            if element.tag != "PubmedArticle":
                continue
            citation = element.find("MedlineCitation")
            article = citation.find("Article")
            title = text(article.find("ArticleTitle"))
            journal = article.find("Journal")
            issue = journal.find("JournalIssue")
            year = text(issue.find("PubDate/Year"))
            authors = []
            for author in article.findall("AuthorList/Author"):
                last, initials = text(author.find("LastName")), text(author.find("Initials"))
                if not last or not initials:
                    authors = []
                    break
                authors.append((last, initials))
            pages = text(article.find("Pagination/MedlinePgn"))
            record = {
                "pmid": text(citation.find("PMID")), "title": title, "year": year,
                "volume": text(issue.find("Volume")), "issue": text(issue.find("Issue")),
                "journal": text(journal.find("ISOAbbreviation")) or text(citation.find("MedlineJournalInfo/MedlineTA")),
                "authors": authors, "pages": pages,
            }
            element.clear()
            m = re.fullmatch(r"(\d+)-(\d+)", pages)
            if not (title and year and record["volume"].isdigit() and record["issue"].isdigit() and record["journal"]
                    and len(authors) >= 2 and m and not title.startswith("[") and not re.search(r"[*_`\[\]<>]", title)
                    and len(title.split()) >= 5):
                continue
            first, last = m.group(1), m.group(2)
            if len(last) < len(first):
                last = first[: len(first) - len(last)] + last
            if int(last) <= int(first):
                continue
            record["first"], record["last"] = first, last
            yield record


def nlm_last(first, last):
    k = 0
    while k < len(last) - 1 and first[k] == last[k]:
        k += 1
    return last[k:]


def initials(letters, dotted, spaced=True):
    if not dotted:
        return letters
    return (" " if spaced else "").join(c + "." for c in letters)


def render(r, style):
    title = r["title"].rstrip(".")
    a = r["authors"]
    if style in ("vancouver", "ama"):
        shown = a if len(a) <= 6 else a[:3]
        names = ", ".join(f"{l} {i}" for l, i in shown) + (", et al." if len(a) > 6 else ".")
        pages = f"{r['first']}-{nlm_last(r['first'], r['last']) if style == 'vancouver' else r['last']}"
        return f"{names} {title}. {r['journal'].rstrip('.')}. {r['year']};{r['volume']}({r['issue']}):{pages}."
    if style == "apa":
        shown = a[:20]
        parts = [f"{l}, {initials(i, True)}" for l, i in shown]
        names = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + ", & " + parts[-1]
        return f"{names} ({r['year']}). {title}. {r['journal']}, {r['volume']}({r['issue']}), {r['first']}–{r['last']}."
    if style == "nature":
        shown = a if len(a) <= 5 else a[:1]
        parts = [f"{l}, {initials(i, True)}" for l, i in shown]
        names = parts[0] + " et al." if len(a) > 5 else (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " & " + parts[-1])
        return f"{names} {title}. {r['journal']} {r['volume']}, {r['first']}–{r['last']} ({r['year']})."
    # harvard
    shown = a if len(a) <= 3 else a[:1]
    parts = [f"{l}, {initials(i, True, spaced=False)}" for l, i in shown]
    names = parts[0] + " et al." if len(a) > 3 else (parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1])
    return f"{names} ({r['year']}) '{title}', {r['journal']}, {r['volume']}({r['issue']}), pp. {r['first']}–{r['last']}."


def plant(r, style, kind, rng, others):
    """A copy of `r` with one error of `kind`, or None when the style cannot show it."""
    p = dict(r)
    p["authors"] = list(r["authors"])
    if kind == "year":
        p["year"] = str(int(r["year"]) + rng.choice([-2, -1, 1, 2]))
    elif kind == "volume":
        p["volume"] = str(int(r["volume"]) + rng.choice([1, 2, 10]))
    elif kind == "issue":
        if style == "nature":
            return None
        p["issue"] = str(int(r["issue"]) + rng.choice([1, 2]))
    elif kind == "pages":
        span = int(r["last"]) - int(r["first"])
        last = str(int(r["last"]) + rng.choice([1, 2, 3, 10]))
        if len(last) != len(r["first"]):
            return None
        p["last"] = last if span >= 0 else r["last"]
    elif kind == "first-author":
        other = rng.choice(others)["authors"][0]
        if other[0] == r["authors"][0][0]:
            return None
        p["authors"][0] = other
    elif kind == "author-order":
        a = p["authors"]
        visible = 1 if (style == "nature" and len(a) > 5) or (style == "harvard" and len(a) > 3) else 2
        if visible < 2 or a[0][0] == a[1][0]:
            return None
        a[0], a[1] = a[1], a[0]
    elif kind == "title-word":
        words = r["title"].rstrip(".").split(" ")
        candidates = [k for k, w in enumerate(words) if k > 0 and re.fullmatch(r"[a-z]{5,}", w)]
        if not candidates:
            return None
        k = rng.choice(candidates)
        replacement = rng.choice(["analysis", "outcome", "effects", "patients", "treatment", "clinical", "response"])
        if replacement == words[k]:
            return None
        words[k] = replacement
        p["title"] = " ".join(words) + ("." if r["title"].endswith(".") else "")
    return p


def post(lines, markdown, n):
    head = f"# Reading notes {n}\n\nA few papers worth reading, listed below.\n\n"
    heading = "## References\n\n" if markdown else "References\n\n"
    return head + heading + "".join(f"{k + 1}. {line}\n" for k, line in enumerate(lines))


def record_xml(r):
    """A record as a minimal EFetch `PubmedArticle` (what the timing post is verified against)."""
    from xml.sax.saxutils import escape as e
    authors = "".join(f"<Author><LastName>{e(l)}</LastName><Initials>{e(i)}</Initials></Author>" for l, i in r["authors"])
    return (f"<PubmedArticle><MedlineCitation><PMID>{r['pmid']}</PMID><Article><Journal><JournalIssue>"
            f"<Volume>{r['volume']}</Volume><Issue>{r['issue']}</Issue><PubDate><Year>{r['year']}</Year></PubDate></JournalIssue>"
            f"<Title>{e(r['journal'])}</Title><ISOAbbreviation>{e(r['journal'])}</ISOAbbreviation></Journal>"
            f"<ArticleTitle>{e(r['title'])}</ArticleTitle><Pagination><MedlinePgn>{r['pages']}</MedlinePgn></Pagination>"
            f"<AuthorList>{authors}</AuthorList></Article></MedlineCitation></PubmedArticle>\n")


def timing_post(folder, seed):
    """Writes `planted.md` (100 references, Vancouver, about half with a planted field error) and `records.xml`
    (their records) into `folder`, for bench/fix-speed.sh."""
    rng = random.Random(seed)
    pool = list(records(MEDLINE))
    rng.shuffle(pool)
    chosen = pool[:100]
    lines = []
    for r in chosen:
        wrong = plant(r, "vancouver", rng.choice(["year", "volume", "issue", "pages"]), rng, pool) if rng.random() < 0.5 else None
        lines.append(render(wrong or r, "vancouver"))
    body = "".join(f"Paragraph {k} discusses a finding [{k + 1}] and what it means for patients.\n\n" for k in range(100))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "planted.md"), "w") as f:
        f.write("# A long post\n\n" + body + "## References\n\n" + "".join(f"{k + 1}. {line}\n" for k, line in enumerate(lines)))
    with open(os.path.join(folder, "records.xml"), "w") as f:
        f.write("<?xml version=\"1.0\"?>\n<PubmedArticleSet>\n" + "".join(record_xml(r) for r in chosen) + "</PubmedArticleSet>\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--timing-post", metavar="DIR", help="only write the 100-reference timing post and its records to DIR")
    parser.add_argument("--records", type=int, default=400)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", help="leave the posts in this folder")
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "release", "citecheck"))
    args = parser.parse_args()
    if not os.path.exists(MEDLINE):
        sys.exit(f"fix-accuracy.py: {MEDLINE} not found (set CITECHECK_DATA; see bench/README.md)")
    if args.timing_post:
        timing_post(args.timing_post, args.seed)
        return
    rng = random.Random(args.seed)
    pool = list(records(MEDLINE))
    rng.shuffle(pool)
    chosen = pool[: args.records]
    work = args.keep or tempfile.mkdtemp(prefix="citecheck-fix-bench-")
    os.makedirs(work, exist_ok=True)
    clean_posts, planted_posts, kinds = {}, {}, {}
    for start in range(0, len(chosen), 20):
        n = start // 20
        markdown = n % 2 == 0
        clean, planted, planted_kinds = [], [], []
        for k, r in enumerate(chosen[start : start + 20]):
            style = STYLES[(start + k) % len(STYLES)]
            clean.append(render(r, style))
            wrong = None
            kind = None
            if rng.random() < 0.5:
                for _ in range(6):
                    kind = rng.choice(KINDS)
                    wrong = plant(r, style, kind, rng, pool)
                    if wrong and render(wrong, style) != clean[-1]:
                        break
                    wrong = None
            planted.append(render(wrong, style) if wrong else clean[-1])
            planted_kinds.append(kind if wrong else None)
        name = f"post{n:03}.{'md' if markdown else 'txt'}"
        clean_posts[name] = post(clean, markdown, n)
        planted_posts[name] = post(planted, markdown, n)
        kinds[name] = planted_kinds
        with open(os.path.join(work, name), "w") as f:
            f.write(planted_posts[name])
    command = [args.bin, "check", "--offline", "--no-cache", "--fixtures", MEDLINE, "--fix", "--unsafe-fixes", "--fail-on", "never", work]
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    fixed_once = {name: open(os.path.join(work, name)).read() for name in planted_posts}
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    second_changed = sum(open(os.path.join(work, name)).read() != fixed_once[name] for name in planted_posts)

    planted_total = planted_fixed = changed = changed_right = wrongly_changed = 0
    by_kind = {}
    misses = []
    for name, planted in planted_posts.items():
        c_lines = clean_posts[name].split("\n")
        p_lines = planted.split("\n")
        f_lines = fixed_once[name].split("\n")
        offset = len(c_lines) - 1 - len(kinds[name])
        for k, (c, p, f) in enumerate(zip(c_lines, p_lines, f_lines)):
            kind = kinds[name][k - offset] if k >= offset and k - offset < len(kinds[name]) else None
            if p != c:
                planted_total += 1
                total, ok = by_kind.get(kind, (0, 0))
                by_kind[kind] = (total + 1, ok + (f == c))
                if f == c:
                    planted_fixed += 1
                elif len(misses) < 12:
                    misses.append((kind, p, f, c))
            if f != p:
                changed += 1
                changed_right += f == c
                if p == c:
                    wrongly_changed += 1
                    if len(misses) < 24:
                        misses.append(("no error", p, f, c))
    print(f"records {len(chosen)} in {len(planted_posts)} posts ({', '.join(STYLES)}), planted errors {planted_total}")
    print(f"planted errors fixed exactly: {planted_fixed}/{planted_total} = {planted_fixed / max(1, planted_total):.1%} (target >= 85%)")
    for kind in KINDS:
        total, ok = by_kind.get(kind, (0, 0))
        if total:
            print(f"  {kind:13} {ok}/{total} = {ok / total:.0%}")
    print(f"changed lines exactly right: {changed_right}/{changed} = {changed_right / max(1, changed):.1%} (target >= 99%)")
    print(f"lines changed without a planted error: {wrongly_changed} (target 0)")
    print(f"posts a second run changed: {second_changed} (target 0)")
    for kind, p, f, c in misses:
        print(f"\nmissed {kind}:\n  planted {p}\n  fixed   {f}\n  clean   {c}")
    if not args.keep:
        shutil.rmtree(work)
    ok = planted_fixed >= 0.85 * planted_total and changed_right >= 0.99 * changed and wrongly_changed == 0 and second_changed == 0
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
