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

    /// Fills the fields of `ref`, phase by phase in reading order. `publisher`: the text after the title read as a
    /// book's `Place: Publisher`; `dayDate`: a day-precise numeric publication date was set aside (`(24.07.2020)`).
    private static func fields(_ b: UnsafeBufferPointer<UInt8>, into ref: inout ParsedReference, tokens: inout [Token])
        -> (publisher: Bool, dayDate: Bool, kindCue: Bool)
    {
        let identifiers = IdentifierScanner.scan(b)
        readIdentifiers(identifiers, b, into: &ref)
        let dayDate = identifiers.date != nil

        Tokenizer.tokenize(b, skip: identifiers.claimed, into: &tokens)
        let c = TokenCursor(b: b, t: tokens)
        guard c.count > 0 else { return (false, dayDate, kindCue(c)) }

        let yearParen = yearAnchor(c)
        if readTitleThenTrailingAuthors(c, yearParen: yearParen, into: &ref) { return (false, dayDate, kindCue(c)) }
        let authors = readAuthors(c, yearParen: yearParen, into: &ref)
        let leadingYear = readYearAfterAuthors(c, from: authors.end, into: &ref)
        let source = findSource(c, from: leadingYear.next, yearAlreadyRead: leadingYear.inParentheses || leadingYear.asSentence)
        let split = readTitleAndJournal(c, from: leadingYear.next, source: source, titleBeforeNames: authors.titleBeforeNames, into: &ref)
        if let source { readSourceFields(source, c, into: &ref) }
        readYearElsewhere(c, identifiers, into: &ref)
        if let style = style(authors: authors.names, leadingYear: leadingYear, source: source, quotedTitle: split.quoted) { ref.style = style }
        if let leftovers = leftovers(c, rest: split.rest, after: source?.end ?? c.count) { ref.unparsed = leftovers }
        return (split.publisher, dayDate, kindCue(c))
    }

    /// Identifiers phase: copies the DOI, PMID, PMCID, URL, notes and e-pub year the byte scanner claimed into `ref`.
    private static func readIdentifiers(_ found: IdentifierScanner.Found, _ b: UnsafeBufferPointer<UInt8>, into ref: inout ParsedReference) {
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
        if let year = found.epubYear {
            ref.epubYear = year
            if let note = found.notes.first(where: { $0.kind == .epub }) { ref.fieldRanges[.epubYear] = note.whole }
        }
    }

    /// Title-first phase: `Title (2015) Asante E, Smidak M, et al.`, the title, the year, then the names to the end.
    /// Consumes the whole reference and returns true when it reads that way; otherwise leaves `ref` untouched.
    private static func readTitleThenTrailingAuthors(_ c: TokenCursor, yearParen: Int?, into ref: inout ParsedReference) -> Bool {
        let n = c.count
        guard let open = yearParen, open > 1, let year = c.year(open + 1), c.isPunct(open + 2, ASCII.closeParen), open + 4 < n,
            c.t[open + 3].kind == .word, c.t[open + 3].capitalized, c.isInitials(open + 4)
        else { return false }
        let namesStart = open + 3
        let names = AuthorGrammar(c: c).parse(from: namesStart)
        guard names.shape == .vancouver, names.authors.count >= 2 || names.etAl, names.end >= n || onlyPunctuation(c, from: names.end)
        else { return false }
        ref.title = c.text(0, open)
        ref.fieldRanges[.title] = c.range(0, open)
        ref.year = year
        ref.fieldRanges[.year] = c.range(open + 1, open + 2)
        ref.authors = names.authors
        ref.etAl = names.etAl
        ref.fieldRanges[.authors] = c.range(namesStart, max(names.end, namesStart + 1))
        return true
    }

    /// What the author phase read: the names, a title sentence written before them, and the token after them.
    private struct AuthorRun {
        var names: AuthorGrammar.Result
        /// Tokens of a title written before the names (`Adjusting for harms. Smith R, Jones WS. …`).
        var titleBeforeNames: (Int, Int)?
        /// The token after the names (0 when no names were read).
        var end: Int
    }

    /// Author phase: the author run at the start (or after a title sentence), or a collective author; writes the
    /// names and their range into `ref`.
    private static func readAuthors(_ c: TokenCursor, yearParen: Int?, into ref: inout ParsedReference) -> AuthorRun {
        var names = AuthorGrammar(c: c).parse(anchor: yearParen)
        // `Adjusting for harms. Smith R, Jones WS. Journal 1993: …`: a title sentence, then the names.
        var titleBeforeNames: (Int, Int)?
        if names.authors.isEmpty, let sentenceEnd = firstSentenceEnd(c), sentenceEnd > 1 {
            let afterTitle = AuthorGrammar(c: c).parse(from: sentenceEnd + 1)
            if afterTitle.shape == .vancouver, afterTitle.authors.count >= 2 || afterTitle.etAl, afterTitle.end < c.count,
                c.isPunct(afterTitle.end - 1, ASCII.period)
            {
                names = afterTitle
                titleBeforeNames = (0, sentenceEnd)
            }
        }
        if names.authors.isEmpty, let group = groupAuthor(c) {
            names.authors = [Author(family: c.text(0, group.nameEnd), isGroup: true)]
            names.end = group.end
        }
        // `J Gen Virol. 1975;28:207.`: one "author" straight before a Vancouver year is a journal.
        if names.authors.count == 1, !names.etAl, names.shape == .vancouver, c.year(names.end) != nil,
            c.isPunct(names.end + 1, ASCII.semicolon) || c.isMonth(names.end + 1)
        {
            names = AuthorGrammar.Result()
        }
        guard !names.authors.isEmpty, names.end > 0 else { return AuthorRun(names: names, titleBeforeNames: titleBeforeNames, end: 0) }
        ref.authors = names.authors
        ref.etAl = names.etAl
        var last = names.end
        while last > 0, c.isPunct(last - 1, ASCII.period) || c.isPunct(last - 1, ASCII.comma) { last -= 1 }
        let first = titleBeforeNames.map { $0.1 + 1 } ?? 0
        ref.fieldRanges[.authors] = c.range(first, max(last, first + 1))
        return AuthorRun(names: names, titleBeforeNames: titleBeforeNames, end: names.end)
    }

    /// How the year straight after the authors was written, and where the reading goes on.
    private struct LeadingYear {
        /// The token after the year (and its punctuation), or after the authors when there was none.
        var next: Int
        /// `(2014)`, `(2014a, June)`: author-date styles.
        var inParentheses = false
        /// `. 2014.`: Chicago author-date.
        var asSentence = false
        /// A period straight after the parenthesis (`(2014).`): APA rather than Harvard.
        var periodAfter = false
    }

    /// Year phase: the year after the authors, `(2014)`, `(2014a, June)` (with its month) or `. 2014.`; writes it
    /// into `ref`.
    private static func readYearAfterAuthors(_ c: TokenCursor, from authorsEnd: Int, into ref: inout ParsedReference) -> LeadingYear {
        let n = c.count
        var found = LeadingYear(next: authorsEnd)
        var p = authorsEnd
        if c.isPunct(p, ASCII.comma), c.isPunct(p + 1, ASCII.openParen), c.year(p + 2) != nil { p += 1 }  // `Diday, (1981).`
        if p > 0, c.isPunct(p, ASCII.comma), c.year(p + 1) != nil, c.isPunct(p + 2, ASCII.period) { p += 1 }  // `de Foucault B., 2009.`
        if c.isPunct(p, ASCII.openParen), let year = c.year(p + 1) {
            var close = p + 2
            while close < n, close - p < 8, !c.isPunct(close, ASCII.closeParen) { close += 1 }
            guard close < n, c.isPunct(close, ASCII.closeParen) else {
                found.next = p
                return found
            }
            ref.year = year
            ref.fieldRanges[.year] = c.range(p + 1, p + 2)
            if close > p + 2 {
                var month = p + 2
                while month < close, !c.isMonth(month) { month += 1 }
                if month < close {
                    ref.month = c.text(month, close)
                    ref.fieldRanges[.month] = c.range(month, close)
                }
            }
            found.inParentheses = true
            p = close + 1
            if c.isPunct(p, ASCII.period) { found.periodAfter = true }
            while p < n, c.isPunct(p, ASCII.period) || c.isPunct(p, ASCII.comma) || c.isPunct(p, ASCII.colon) { p += 1 }
        } else if p > 0, let year = c.year(p), c.isPunct(p + 1, ASCII.period) || c.isPunct(p + 1, ASCII.comma), p + 2 < n {
            ref.year = year
            ref.fieldRanges[.year] = c.range(p, p + 1)
            found.asSentence = true
            p += 2
        }
        found.next = p
        return found
    }

    /// Source phase: the numeric source (`2014;71(6):681-688` and its relatives) after the title, looked for after a
    /// quoted title when there is one. Nil when none, or when only a bare year follows a year already read.
    private static func findSource(_ c: TokenCursor, from start: Int, yearAlreadyRead: Bool) -> SourceGrammar.Tail? {
        let n = c.count
        let splitter = TitleJournalSplitter(c: c)
        var quote = start
        while quote < n, c.t[quote].kind == .punct, !c.t[quote].isQuote { quote += 1 }
        let quoteEnd = splitter.closingQuote(quote, limit: n).flatMap { splitter.closesTitle($0, n) ? $0 : nil }
        let source = SourceGrammar(c: c).find(from: quoteEnd.map { $0 + 1 } ?? start)
        // With the year already read after the authors, a bare year later on belongs to the title
        // (`(2020). Mental health atlas 2020.`).
        if yearAlreadyRead, let source, source.volume == nil, source.firstPage == nil, source.issue == nil, source.month == nil {
            return nil
        }
        return source
    }

    /// Title and journal phase: splits the tokens from `start` to the source into title and journal (a title read
    /// before the names takes precedence) and writes them into `ref`.
    private static func readTitleAndJournal(
        _ c: TokenCursor, from start: Int, source: SourceGrammar.Tail?, titleBeforeNames: (Int, Int)?, into ref: inout ParsedReference
    ) -> TitleJournalSplitter.Split {
        let sourceStart = source.map { max($0.start, start) } ?? c.count
        let yearOnly = source.map { $0.volume == nil && $0.firstPage == nil && $0.issue == nil } ?? true
        let split = TitleJournalSplitter(c: c).split(start, sourceStart, hasTail: source != nil, bookLike: yearOnly)
        if let (a, z) = titleBeforeNames {
            ref.title = c.text(a, z)
            ref.fieldRanges[.title] = c.range(a, z)
            if let (ta, tz) = split.title, split.journal == nil {
                // The one segment after the names is the journal.
                ref.journal = c.text(ta, tz)
                ref.fieldRanges[.journal] = c.range(ta, tz)
            }
        } else if let (a, z) = split.title {
            let titleEnd = readDateClosingTitle(c, title: (a, z), into: &ref)
            ref.title = c.text(a, titleEnd)
            ref.fieldRanges[.title] = c.range(a, titleEnd)
        }
        ref.titleQuoted = split.quoted
        if let (a, z) = split.journal {
            ref.journal = c.text(a, z)
            ref.fieldRanges[.journal] = c.range(a, z)
        }
        return split
    }

    /// `Title - June 2013 - doi: …`: a dash-separated date closing the title is the year (and month) when none was
    /// read yet; writes it into `ref` and returns where the title ends (`title.1` when there is no such date).
    private static func readDateClosingTitle(_ c: TokenCursor, title: (Int, Int), into ref: inout ParsedReference) -> Int {
        let (a, z) = title
        guard ref.year == nil, z - a >= 3, let year = c.year(z - 1) else { return z }
        var month = z - 1
        while month > a, c.isMonth(month - 1) { month -= 1 }
        guard c.isDash(month - 1), c.t[month - 1].spaceBefore, month - 1 > a else { return z }
        ref.year = year
        ref.fieldRanges[.year] = c.range(z - 1, z)
        if month < z - 1 {
            ref.month = c.text(month, z - 1)
            ref.fieldRanges[.month] = c.range(month, z - 1)
        }
        return month - 1
    }

    /// Source fields phase: writes the source's year (or e-pub year), month, volume, issue, supplement and pages
    /// into `ref`.
    private static func readSourceFields(_ source: SourceGrammar.Tail, _ c: TokenCursor, into ref: inout ParsedReference) {
        if let year = source.year, let yearToken = source.yearToken {
            if ref.year == nil {
                ref.year = year
                ref.fieldRanges[.year] = c.range(yearToken, yearToken + 1)
            } else if ref.year != year, ref.epubYear == nil {
                ref.epubYear = year
            }
        }
        if let (a, z) = source.month {
            ref.month = c.text(a, z)
            ref.fieldRanges[.month] = c.range(a, z)
        }
        if let (a, z) = source.volume {
            ref.volume = c.text(a, z)
            ref.fieldRanges[.volume] = c.range(a, z)
        }
        if let (a, z) = source.issue {
            ref.issue = c.text(a, z)
            ref.fieldRanges[.issue] = c.range(a, z)
        }
        if let (a, z) = source.supplement {
            ref.supplement = c.text(a, z)
            ref.fieldRanges[.supplement] = c.range(a, z)
        }
        if let firstToken = source.firstPage {
            let first = c.text(firstToken, firstToken + 1)
            var pages = PageRange(first: first)
            if let lastToken = source.lastPage {
                let lastWritten = c.text(lastToken, lastToken + 1)
                pages.lastAsWritten = lastWritten
                pages.last = Self.expandLastPage(first: first, last: lastWritten)
                ref.fieldRanges[.pages] = c.range(firstToken, lastToken + 1)
            } else {
                ref.fieldRanges[.pages] = c.range(firstToken, firstToken + 1)
            }
            ref.pages = pages
        }
    }

    /// Fallback year phase, when no year was read in its usual places: the online year, a numeric date set aside by
    /// the scanner (otherwise kept as a note), or the last plausible year anywhere.
    private static func readYearElsewhere(_ c: TokenCursor, _ found: IdentifierScanner.Found, into ref: inout ParsedReference) {
        // Published online only (`JAMA. Published online June 3, 2020.`): the online year is the year.
        if ref.year == nil, let epubYear = ref.epubYear {
            ref.year = epubYear
            if let r = ref.fieldRanges[.epubYear] { ref.fieldRanges[.year] = r }
        }
        // A numeric date (`Laura M. (24.07.2020), Title, Paper`) set aside before tokenising.
        if ref.year == nil, let year = found.dateYear, let r = found.date {
            ref.year = year
            ref.fieldRanges[.year] = r
        } else if let r = found.date {
            ref.notes.append(ReferenceNote(kind: .other, text: ByteText.string(c.b, r)))
        }
        // A year written outside the recognised places (`…, Masters Thesis, 1995.`): the last plausible one.
        guard ref.year == nil else { return }
        var k = c.count - 1
        while k >= 0 {
            if let year = c.year(k), !(c.isDash(k - 1) || c.isDash(k + 1)) {
                ref.year = year
                ref.fieldRanges[.year] = c.range(k, k + 1)
                return
            }
            k -= 1
        }
    }

    /// Style phase: the citation style the author, year and source layout shows, or nil when it shows none.
    private static func style(authors: AuthorGrammar.Result, leadingYear: LeadingYear, source: SourceGrammar.Tail?, quotedTitle: Bool)
        -> CitationStyle?
    {
        if leadingYear.inParentheses {
            if authors.shape == .vancouver { return .plos }
            return leadingYear.periodAfter ? .apa : .harvard
        }
        if leadingYear.asSentence { return .chicago }
        guard let source else { return nil }
        if source.yearLastParen { return .nature }
        if source.yearFirst { return quotedTitle ? .ama : .vancouver }
        return nil
    }

    /// Leftovers phase: the text no field holds (the splitter's rest, then each sentence after the source), joined
    /// with spaces, so that nothing is dropped; nil when there is none.
    private static func leftovers(_ c: TokenCursor, rest: (Int, Int)?, after sourceEnd: Int) -> String? {
        let n = c.count
        var pieces: [String] = []
        if let (a, z) = rest { pieces.append(c.text(a, z)) }
        var k = sourceEnd
        while k < n {
            while k < n, c.t[k].kind == .punct, c.t[k].mark != ASCII.openParen, c.t[k].mark != ASCII.openBracket { k += 1 }
            guard k < n else { break }
            let sentenceStart = k
            while k < n, !(c.isPunct(k, ASCII.period) && (k + 1 >= n || c.t[k + 1].spaceBefore)) { k += 1 }
            var sentenceEnd = k
            while sentenceEnd > sentenceStart, c.t[sentenceEnd - 1].kind == .punct, c.t[sentenceEnd - 1].mark != ASCII.closeParen {
                sentenceEnd -= 1
            }
            if sentenceEnd > sentenceStart { pieces.append(c.text(sentenceStart, sentenceEnd)) }
        }
        return pieces.isEmpty ? nil : pieces.joined(separator: " ")
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
