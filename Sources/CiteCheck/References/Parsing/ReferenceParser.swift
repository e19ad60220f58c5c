/// Splits one printed reference into its fields.
///
/// Hand-written: a byte-level scanner claims identifiers and notes, a tokenizer splits the rest, and three small
/// grammars read the authors, the numeric source (`2014;71(6):681-688` and its relatives) and, between them,
/// the title and the journal. Recognises Vancouver/NLM, AMA, APA 7, Harvard, Nature, PLOS and Chicago
/// author-date. Never drops text: what it cannot place goes to `unparsed`.
public struct ReferenceParser: Sendable {
    public init() {}

    /// Parses `text` (one reference, without its list label).
    public func parse(_ text: String) -> ParsedReference {
        var ref = ParsedReference(raw: text)
        var copy = text
        copy.withUTF8 { buf in
            var tokens: [Token] = []
            Self.parse(buf, into: &ref, tokens: &tokens)
        }
        return ref
    }

    static func parse(_ b: UnsafeBufferPointer<UInt8>, into ref: inout ParsedReference, tokens: inout [Token]) {
        guard !b.isEmpty else { return }
        let read = fields(b, into: &ref, tokens: &tokens)
        let kind = EntryKindClassifier.classify(b, ref, publisher: read.publisher, dayDate: read.dayDate, mayOverride: read.kindCue)
        ref.kind = kind
    }

    /// Fills the fields of `ref`. `publisher`: the text after the title read as a book's `Place: Publisher`;
    /// `dayDate`: a day-precise numeric publication date was set aside (`(24.07.2020)`).
    private static func fields(_ b: UnsafeBufferPointer<UInt8>, into ref: inout ParsedReference, tokens: inout [Token])
        -> (publisher: Bool, dayDate: Bool, kindCue: Bool)
    {
        let found = IdentifierScanner.scan(b)
        if let r = found.doi {
            ref.doi = ByteText.string(b, r)
            ref.fieldRanges[.doi] = found.doiWhole ?? r
        }
        if let r = found.pmid {
            ref.pmid = ByteText.string(b, r)
            ref.fieldRanges[.pmid] = found.pmidWhole ?? r
        }
        if let r = found.pmcid {
            ref.pmcid = "PMC" + ByteText.string(b, (r.lowerBound + 3)..<r.upperBound)
            ref.fieldRanges[.pmcid] = found.pmcidWhole ?? r
        }
        if let r = found.url {
            ref.url = ByteText.string(b, r)
            ref.fieldRanges[.url] = found.urlWhole ?? r
        }
        if let r = found.malformedDOI {
            ref.malformedDOI = ByteText.string(b, r)
            ref.doiSuggestion = found.doiSuggestion
            ref.fieldRanges[.doi] = found.doiWhole ?? r
        }
        ref.garbledCharacters = found.garbled
        for note in found.notes {
            ref.notes.append(ReferenceNote(kind: note.kind, text: ByteText.string(b, note.text)))
        }
        if let y = found.epubYear {
            ref.epubYear = y
            if let note = found.notes.first(where: { $0.kind == .epub }) { ref.fieldRanges[.epubYear] = note.whole }
        }

        Tokenizer.tokenize(b, skip: found.claimed, into: &tokens)
        let c = TokenCursor(b: b, t: tokens)
        let n = c.count
        guard n > 0 else { return (false, found.date != nil, kindCue(c)) }

        // 1. Authors.
        let anchor = yearAnchor(c)
        // `Title (2015) Asante E, Smidak M, et al.`: the title, the year, then the names to the end.
        if let k = anchor, k > 1, let y = c.year(k + 1), c.isPunct(k + 2, ASCII.closeParen), k + 4 < n, c.t[k + 3].kind == .word,
            c.t[k + 3].capitalized, c.isInitials(k + 4)
        {
            let names = AuthorGrammar(c: c).parse(from: k + 3)
            if names.shape == .vancouver, names.authors.count >= 2 || names.etAl, names.end >= n || onlyPunctuation(c, from: names.end) {
                ref.title = c.text(0, k)
                ref.fieldRanges[.title] = c.range(0, k)
                ref.year = y
                ref.fieldRanges[.year] = c.range(k + 1, k + 2)
                ref.authors = names.authors
                ref.etAl = names.etAl
                ref.fieldRanges[.authors] = c.range(k + 3, max(names.end, k + 4))
                return (false, found.date != nil, kindCue(c))
            }
        }
        var authors = AuthorGrammar(c: c).parse(anchor: anchor)
        // `Adjusting for harms. Smith R, Jones WS. Journal 1993: …`: a title sentence, then the names.
        var titleFirst: (Int, Int)?
        if authors.authors.isEmpty, let k = firstSentenceEnd(c), k > 1 {
            let names = AuthorGrammar(c: c).parse(from: k + 1)
            if names.shape == .vancouver, names.authors.count >= 2 || names.etAl, names.end < n, c.isPunct(names.end - 1, ASCII.period) {
                authors = names
                titleFirst = (0, k)
            }
        }
        if authors.authors.isEmpty, let group = groupAuthor(c) {
            authors.authors = [Author(family: c.text(0, group.nameEnd), isGroup: true)]
            authors.end = group.end
        }
        // `J Gen Virol. 1975;28:207.`: one "author" straight before a Vancouver year is a journal.
        if authors.authors.count == 1, !authors.etAl, authors.shape == .vancouver, c.year(authors.end) != nil,
            c.isPunct(authors.end + 1, ASCII.semicolon) || c.isMonth(authors.end + 1)
        {
            authors = AuthorGrammar.Result()
        }
        var p = authors.end
        if !authors.authors.isEmpty, p > 0 {
            ref.authors = authors.authors
            ref.etAl = authors.etAl
            var last = p
            while last > 0, c.isPunct(last - 1, ASCII.period) || c.isPunct(last - 1, ASCII.comma) { last -= 1 }
            let first = titleFirst.map { $0.1 + 1 } ?? 0
            ref.fieldRanges[.authors] = c.range(first, max(last, first + 1))
        } else {
            p = 0
        }

        // 2. Year after the authors: `(2014)`, `(2014a, June)`, `. 2014.`
        var yearParen = false
        var yearSentence = false
        var apaPeriod = false
        if c.isPunct(p, ASCII.comma), c.isPunct(p + 1, ASCII.openParen), c.year(p + 2) != nil { p += 1 }  // `Diday, (1981).`
        if p > 0, c.isPunct(p, ASCII.comma), c.year(p + 1) != nil, c.isPunct(p + 2, ASCII.period) { p += 1 }  // `de Foucault B., 2009.`
        if c.isPunct(p, ASCII.openParen), let y = c.year(p + 1) {
            var k = p + 2
            while k < n, k - p < 8, !c.isPunct(k, ASCII.closeParen) { k += 1 }
            if k < n, c.isPunct(k, ASCII.closeParen) {
                ref.year = y
                ref.fieldRanges[.year] = c.range(p + 1, p + 2)
                if k > p + 2 {
                    var m = p + 2
                    while m < k, !c.isMonth(m) { m += 1 }
                    if m < k {
                        ref.month = c.text(m, k)
                        ref.fieldRanges[.month] = c.range(m, k)
                    }
                }
                yearParen = true
                p = k + 1
                if c.isPunct(p, ASCII.period) { apaPeriod = true }
                while p < n, c.isPunct(p, ASCII.period) || c.isPunct(p, ASCII.comma) || c.isPunct(p, ASCII.colon) { p += 1 }
            }
        } else if p > 0, let y = c.year(p), c.isPunct(p + 1, ASCII.period) || c.isPunct(p + 1, ASCII.comma), p + 2 < n {
            ref.year = y
            ref.fieldRanges[.year] = c.range(p, p + 1)
            yearSentence = true
            p += 2
        }

        // 3. Quoted title, then the numeric source after it.
        let splitter = TitleJournalSplitter(c: c)
        var q0 = p
        while q0 < n, c.t[q0].kind == .punct, !c.t[q0].isQuote { q0 += 1 }
        let quoteEnd = splitter.closingQuote(q0, limit: n).flatMap { splitter.closesTitle($0, n) ? $0 : nil }
        var tail = SourceGrammar(c: c).find(from: quoteEnd.map { $0 + 1 } ?? p)
        // With the year already read after the authors, a bare year later on belongs to the title
        // (`(2020). Mental health atlas 2020.`).
        if yearParen || yearSentence, let tl = tail, tl.volume == nil, tl.firstPage == nil, tl.issue == nil, tl.month == nil {
            tail = nil
        }
        let tailStart = tail.map { max($0.start, p) } ?? n
        let tailEnd = tail?.end ?? n

        // 4. Title and journal.
        let yearOnly = tail.map { $0.volume == nil && $0.firstPage == nil && $0.issue == nil } ?? true
        let split = splitter.split(p, tailStart, hasTail: tail != nil, bookLike: yearOnly)
        if let (a, z) = titleFirst {
            ref.title = c.text(a, z)
            ref.fieldRanges[.title] = c.range(a, z)
            if let (ta, tz) = split.title, split.journal == nil {
                // The one segment after the names is the journal.
                ref.journal = c.text(ta, tz)
                ref.fieldRanges[.journal] = c.range(ta, tz)
            }
        } else if var (a, z) = split.title {
            // `Title - June 2013 - doi: …`: the date closing the title is the year.
            if ref.year == nil, z - a >= 3, let y = c.year(z - 1) {
                var m = z - 1
                while m > a, c.isMonth(m - 1) { m -= 1 }
                if c.isDash(m - 1), c.t[m - 1].spaceBefore, m - 1 > a {
                    ref.year = y
                    ref.fieldRanges[.year] = c.range(z - 1, z)
                    if m < z - 1 {
                        ref.month = c.text(m, z - 1)
                        ref.fieldRanges[.month] = c.range(m, z - 1)
                    }
                    z = m - 1
                }
            }
            ref.title = c.text(a, z)
            ref.fieldRanges[.title] = c.range(a, z)
        }
        ref.titleQuoted = split.quoted
        if let (a, z) = split.journal {
            ref.journal = c.text(a, z)
            ref.fieldRanges[.journal] = c.range(a, z)
        }

        // 5. Source fields.
        if let tl = tail {
            if let y = tl.year, let yt = tl.yearToken {
                if ref.year == nil {
                    ref.year = y
                    ref.fieldRanges[.year] = c.range(yt, yt + 1)
                } else if ref.year != y, ref.epubYear == nil {
                    ref.epubYear = y
                }
            }
            if let (a, z) = tl.month {
                ref.month = c.text(a, z)
                ref.fieldRanges[.month] = c.range(a, z)
            }
            if let (a, z) = tl.volume {
                ref.volume = c.text(a, z)
                ref.fieldRanges[.volume] = c.range(a, z)
            }
            if let (a, z) = tl.issue {
                ref.issue = c.text(a, z)
                ref.fieldRanges[.issue] = c.range(a, z)
            }
            if let (a, z) = tl.supplement {
                ref.supplement = c.text(a, z)
                ref.fieldRanges[.supplement] = c.range(a, z)
            }
            if let f = tl.firstPage {
                let first = c.text(f, f + 1)
                var range = PageRange(first: first)
                if let l = tl.lastPage {
                    let lastWritten = c.text(l, l + 1)
                    range.lastAsWritten = lastWritten
                    range.last = Self.expandLastPage(first: first, last: lastWritten)
                    ref.fieldRanges[.pages] = c.range(f, l + 1)
                } else {
                    ref.fieldRanges[.pages] = c.range(f, f + 1)
                }
                ref.pages = range
            }
        }

        // Published online only (`JAMA. Published online June 3, 2020.`): the online year is the year.
        if ref.year == nil, let e = ref.epubYear {
            ref.year = e
            if let r = ref.fieldRanges[.epubYear] { ref.fieldRanges[.year] = r }
        }
        // A numeric date (`Laura M. (24.07.2020), Title, Paper`) set aside before tokenising.
        if ref.year == nil, let y = found.dateYear, let r = found.date {
            ref.year = y
            ref.fieldRanges[.year] = r
        } else if let r = found.date {
            ref.notes.append(ReferenceNote(kind: .other, text: ByteText.string(b, r)))
        }
        // A year written outside the recognised places (`…, Masters Thesis, 1995.`): the last plausible one.
        if ref.year == nil {
            var k = n - 1
            while k >= 0 {
                if let y = c.year(k), !(c.isDash(k - 1) || c.isDash(k + 1)) {
                    ref.year = y
                    ref.fieldRanges[.year] = c.range(k, k + 1)
                    break
                }
                k -= 1
            }
        }

        // 6. Style.
        if yearParen {
            if authors.shape == .vancouver { ref.style = .plos } else if apaPeriod { ref.style = .apa } else { ref.style = .harvard }
        } else if yearSentence {
            ref.style = .chicago
        } else if let tl = tail {
            if tl.yearLastParen { ref.style = .nature } else if tl.yearFirst { ref.style = split.quoted ? .ama : .vancouver }
        }

        // 7. Leftovers, never dropped.
        var pieces: [String] = []
        if let (a, z) = split.rest { pieces.append(c.text(a, z)) }
        if tailEnd < n {
            var k = tailEnd
            while k < n {
                while k < n, c.t[k].kind == .punct, c.t[k].mark != ASCII.openParen, c.t[k].mark != ASCII.openBracket { k += 1 }
                guard k < n else { break }
                let s = k
                while k < n, !(c.isPunct(k, ASCII.period) && (k + 1 >= n || c.t[k + 1].spaceBefore)) { k += 1 }
                var z = k
                while z > s, c.t[z - 1].kind == .punct, c.t[z - 1].mark != ASCII.closeParen { z -= 1 }
                if z > s { pieces.append(c.text(s, z)) }
            }
        }
        if !pieces.isEmpty { ref.unparsed = pieces.joined(separator: " ") }
        return (split.publisher, found.date != nil, kindCue(c))
    }

    /// A word that can outweigh a journal's volume in `EntryKindClassifier` (`…rxiv`, `SSRN`, `Research Square`,
    /// `preprints`, `In`/`En` opening a container, `Epid…`): one look at each word token, so that plain journal
    /// articles skip the classifier's cue scan.
    static func kindCue(_ c: TokenCursor) -> Bool {
        for k in 0..<c.count {
            let tok = c.t[k]
            guard tok.kind == .word else { continue }
            let len = tok.end - tok.start
            let first = c.b[tok.start] | ASCII.caseBit
            if len == 2 {
                // `In:`, `In ` after a sentence or a comma, `En:`
                if c.b[tok.start] == UInt8(ascii: "I") || c.b[tok.start] == UInt8(ascii: "E"), c.b[tok.start + 1] == UInt8(ascii: "n"),
                    c.isPunct(k - 1, ASCII.period) || c.isPunct(k - 1, ASCII.comma) || c.isPunct(k + 1, ASCII.colon)
                {
                    return true
                }
                continue
            }
            if len < 4 { continue }
            let last = c.b[tok.end - 1] | ASCII.caseBit
            if len <= 8 {
                // arXiv, medRxiv, bioRxiv, PsyArXiv, ChemRxiv; SSRN; Epid (Bull); Square (Research)
                if last == UInt8(ascii: "v"), ByteText.matches(c.b, tok.end - 4, "rxiv") { return true }
                if len == 4, last == UInt8(ascii: "n"), ByteText.matches(c.b, tok.start, "ssrn") { return true }
                if len == 4, first == UInt8(ascii: "e"), ByteText.matches(c.b, tok.start, "epid") { return true }
                if len == 6, last == UInt8(ascii: "e"), ByteText.matches(c.b, tok.start, "square"), c.isWord(k - 1, "research") { return true }
            } else if len == 9 {
                if first == UInt8(ascii: "p"), ByteText.matches(c.b, tok.start, "preprints") { return true }
            } else if len == 14 || len == 17 {
                if ByteText.matches(c.b, tok.start, "researchsquare") || ByteText.matches(c.b, tok.start, "epidemiologisches") { return true }
            }
        }
        return false
    }

    /// Only punctuation from token `i` to the end.
    static func onlyPunctuation(_ c: TokenCursor, from i: Int) -> Bool {
        var k = i
        while k < c.count, c.t[k].kind == .punct { k += 1 }
        return k >= c.count
    }

    /// The first `.` (or `?`, `!`) followed by a space within the opening tokens: where a title written first ends.
    static func firstSentenceEnd(_ c: TokenCursor) -> Int? {
        var k = 1
        while k < c.count - 1, k < 60 {
            if c.t[k].kind == .punct, c.t[k].mark == ASCII.period || c.t[k].mark == ASCII.question || c.t[k].mark == ASCII.exclamation, c.t[k + 1].spaceBefore {
                return k
            }
            k += 1
        }
        return nil
    }

    /// The `(` of the first `(2014)`/`(2014a, June)` in the opening tokens, before any quote: in author-date
    /// styles everything before it is the author list.
    static func yearAnchor(_ c: TokenCursor) -> Int? {
        var k = 1
        let n = c.count
        while k < n, k < 120 {
            if c.t[k].isQuote { return nil }
            // A sentence ends before any year: not an author-date reference (`… D. S. Title. J 71, 1 (2014)`).
            if c.isPunct(k, ASCII.period), k + 1 < n, c.t[k + 1].spaceBefore, c.t[k - 1].kind == .word {
                let w = c.t[k - 1]
                let afterName = k >= 2 && (c.isPunct(k - 2, ASCII.comma) || c.isPunct(k - 2, ASCII.period) || (c.t[k - 2].kind == .word && c.t[k - 2].capitalized))
                let initialLike =
                    (w.capitalized && w.length <= 2) || (w.allCaps && w.length <= 3 && afterName) || c.isWord(k - 1, "al")
                    || c.isWord(k - 1, "jr") || c.isWord(k - 1, "sr")
                if !initialLike { return nil }
            }
            // `Gaub, H.E.: Title`: the list ended at the colon.
            if c.isPunct(k, ASCII.colon), c.isPunct(k - 1, ASCII.period) { return nil }
            if c.isPunct(k, ASCII.openParen), c.year(k + 1) != nil {
                var m = k + 2
                while m < n, m - k < 8, !c.isPunct(m, ASCII.closeParen) { m += 1 }
                return m < n && m + 1 < n ? k : nil
            }
            k += 1
        }
        return nil
    }

    /// A collective author (`World Health Organization.`, `WHO Study Group (2010)`): where its name ends and
    /// where the rest begins, when the opening words look like an organisation rather than a title.
    static func groupAuthor(_ c: TokenCursor) -> (nameEnd: Int, end: Int)? {
        let n = c.count
        guard n > 2, !c.t[0].isQuote, c.t[0].kind == .word, c.t[0].capitalized else { return nil }
        var k = 0
        while k < n, k < 24 {
            if c.isPunct(k, ASCII.openParen), c.year(k + 1) != nil { break }
            if k > 0, c.isPunct(k, ASCII.period), k + 1 < n, c.t[k + 1].spaceBefore, !(c.t[k - 1].kind == .word && c.t[k - 1].length == 1) { break }
            if c.t[k].isQuote { return nil }
            k += 1
        }
        guard k < n, k > 0, c.year(k + 1) == nil || c.isPunct(k, ASCII.openParen) else { return nil }
        // Organisation names are written in title case: most words capitalised.
        var words = 0
        var caps = 0
        for i in 0..<k where c.t[i].kind == .word {
            let w = c.lower(i)
            if ["of", "and", "for", "the", "on", "in", "de", "du", "la", "et", "&", "to"].contains(w) { continue }
            words += 1
            if c.t[i].capitalized { caps += 1 }
        }
        guard words > 0, caps * 10 >= words * 9, words <= 12 else { return nil }
        return (k, c.isPunct(k, ASCII.period) ? k + 1 : k)
    }

    /// `2475`–`83` gives `2483`; `S12`–`5` gives `S15`; a full last page is returned as written.
    static func expandLastPage(first: String, last: String) -> String {
        let f = Array(first.utf8)
        let l = Array(last.utf8)
        guard l.count < f.count, l.allSatisfy(ByteText.isDigit) else { return last }
        // Expand only when the tails are digits.
        let fDigits = f.reversed().prefix(while: ByteText.isDigit).count
        guard fDigits >= l.count else { return last }
        let expanded = Array(f[0..<(f.count - l.count)]) + l
        return String(decoding: expanded, as: UTF8.self)
    }
}
