/// Splits the text between the authors (and year) and the numeric source into title and journal.
struct TitleJournalSplitter {
    struct Split {
        var title: (Int, Int)?
        var journal: (Int, Int)?
        var quoted = false
        /// Text after the container (editors, publisher) that fits no field.
        var rest: (Int, Int)?
        /// The container read as a book's `Place: Publisher` and was set aside.
        var publisher = false
    }

    let c: TokenCursor

    private func isClosing(_ open: UInt8, _ m: UInt8) -> Bool {
        switch open {
        case Token.Mark.openDouble, Token.Mark.straightDouble:
            return m == Token.Mark.closeDouble || m == Token.Mark.straightDouble
        case Token.Mark.openSingle, Token.Mark.straightSingle:
            return m == Token.Mark.closeSingle || m == Token.Mark.straightSingle
        default:
            return false
        }
    }

    /// The closing quote matching the opening quote at `p`, before `limit`.
    func closingQuote(_ p: Int, limit: Int) -> Int? {
        guard p < c.count, c.t[p].isQuote else { return nil }
        let open = c.t[p].mark
        guard open != Token.Mark.closeDouble, open != Token.Mark.closeSingle else { return nil }
        var k = p + 1
        while k < limit {
            let tok = c.t[k]
            if tok.kind == .punct, isClosing(open, tok.mark) {
                // A straight single quote closes only when not followed by a letter (apostrophes are joined already),
                // and is no prime after a number (`5'-phosphoribosyl`, `the 3' untranslated region`).
                if open == Token.Mark.straightSingle, tok.mark == Token.Mark.straightSingle, isPrime(k) {
                    k += 1
                    continue
                }
                return k
            }
            k += 1
        }
        return nil
    }

    /// The straight quote at `k` is a prime: written right after a digit, and followed right away by a hyphen or by
    /// a lower-case word (`5'-phosphate`, `3' end`), where a closing quote would be followed by `,` `.` or a name.
    private func isPrime(_ k: Int) -> Bool {
        guard k >= 1, k + 1 < c.count else { return false }
        let before = c.t[k - 1]
        guard before.end == c.t[k].start, before.end > before.start, ByteText.isDigit(c.b[before.end - 1]) else { return false }
        let after = c.t[k + 1]
        if c.isDash(k + 1), after.start == c.t[k].end { return true }
        return after.kind == .word && !after.capitalized
    }

    /// The period after token `w` abbreviates a word (`J.`, `Natl.`, `Neurosci.`) rather than ending a sentence:
    /// a known journal-word abbreviation, or a short capitalised word followed by another abbreviated word
    /// (`Proc. Natl.`, `J. S. Heniker`).
    private func isAbbreviation(_ w: Int) -> Bool {
        guard w >= 0, w < c.count else { return false }
        let tok = c.t[w]
        guard tok.kind == .word else { return false }
        if tok.end - tok.start <= 16, Lexicon.journalAbbreviations.contains(c.lower(w)) { return true }
        if tok.capitalized, !tok.allCaps || tok.length == 1, tok.length <= 5 {
            // Preceded by an abbreviated word: `J. Therm. Biol 34`.
            if w >= 2, c.isPunct(w - 1, ASCII.period), c.t[w - 2].kind == .word, c.t[w - 2].capitalized,
                c.t[w - 2].length == 1 || Lexicon.journalAbbreviations.contains(c.lower(w - 2))
            {
                return true
            }
            // Followed by another abbreviated word: `Am. J.`, `J. S.`
            let next = w + 2
            if next + 1 < c.count, c.t[next].kind == .word, c.t[next].capitalized, c.isPunct(next + 1, ASCII.period),
                c.t[next].length <= 5 || Lexicon.journalAbbreviations.contains(c.lower(next))
            {
                return true
            }
        }
        return false
    }

    /// The closing quote at `close` ends the title (followed by `.`/`,`/end, or with `.`/`,`/`?` inside it),
    /// rather than closing a quoted phrase that opens a longer title (`“Holding me back”: living with …`).
    func closesTitle(_ close: Int, _ q: Int) -> Bool {
        if close + 1 >= q { return true }
        let after = c.t[close + 1]
        if after.kind == .punct, after.mark == ASCII.period || after.mark == ASCII.comma || after.mark == ASCII.semicolon { return true }
        let before = c.t[close - 1]
        if before.kind == .punct, before.mark == ASCII.period || before.mark == ASCII.comma || before.mark == ASCII.question || before.mark == ASCII.exclamation { return true }
        return after.spaceBefore && after.kind != .punct && after.capitalized
    }

    private func trimmed(_ i: Int, _ j: Int) -> (Int, Int)? {
        var a = i
        var z = j
        while a < z, c.t[a].kind == .punct, c.t[a].mark != ASCII.openParen, c.t[a].mark != ASCII.openBracket, !c.t[a].isQuote { a += 1 }
        while z > a, c.t[z - 1].kind == .punct, c.t[z - 1].mark != ASCII.closeParen, c.t[z - 1].mark != ASCII.question, c.t[z - 1].mark != ASCII.exclamation,
            c.t[z - 1].mark != ASCII.closeBracket
        {
            // Keep a closing quote whose opening quote is inside: `Title "q"`.
            if c.t[z - 1].isQuote, (a..<(z - 1)).contains(where: { c.t[$0].isQuote }) { break }
            z -= 1
        }
        return z > a ? (a, z) : nil
    }

    /// A chapter's `In: Editors, editors. Book Title. Publisher` (or `In: Book Title. Editors, editors. …`):
    /// the book title as the container, the rest kept aside.
    private func container(_ inWord: Int, _ end: Int, into result: inout Split) {
        var containerStart = inWord + 1
        if c.isPunct(containerStart, ASCII.colon) { containerStart += 1 }
        let names = AuthorGrammar(c: c).parse(from: containerStart)
        var namesEnd = names.end
        if !names.authors.isEmpty, namesEnd < end,
            c.isPunct(namesEnd, ASCII.comma) || c.isPunct(namesEnd, ASCII.openParen) || isEditorsWord(namesEnd) || c.isPunct(namesEnd - 1, ASCII.comma)
        {
            while namesEnd < end, c.t[namesEnd].kind == .punct { namesEnd += 1 }
            if isEditorsWord(namesEnd) {
                namesEnd += 1
                while namesEnd < end, c.t[namesEnd].kind == .punct, c.t[namesEnd].mark != ASCII.openParen { namesEnd += 1 }
                containerStart = namesEnd
            }
        }
        // The container runs to the next sentence boundary or comma.
        var containerEnd = containerStart
        while containerEnd < end {
            if c.t[containerEnd].kind == .punct, c.t[containerEnd].mark == ASCII.period || c.t[containerEnd].mark == ASCII.comma,
                containerEnd + 1 >= end || c.t[containerEnd + 1].spaceBefore,
                c.t[containerEnd].mark == ASCII.comma || !isAbbreviation(containerEnd - 1)
            {
                break
            }
            containerEnd += 1
        }
        result.journal = trimmed(containerStart, containerEnd)
        if containerStart > inWord + 2 || containerEnd < end {
            var restStart = containerEnd
            while restStart < end, c.t[restStart].kind == .punct { restStart += 1 }
            if containerStart > inWord + 2 { result.rest = trimmed(inWord + 1, containerStart).map { ($0.0, $0.1) } }
            if restStart < end, let restRange = trimmed(restStart, end) { result.rest = result.rest.map { ($0.0, restRange.1) } ?? restRange }
        }
    }

    /// Tokens `j..<q` (punctuation trimmed) name a journal of the catalog.
    private func isKnownJournal(_ j: Int, _ q: Int) -> Bool {
        guard let (ja, jz) = trimmed(j, q), jz - ja <= 40 else { return false }
        return JournalCatalog.isKnown(c.text(ja, jz))
    }

    private func isEditorsWord(_ i: Int) -> Bool {
        c.isWord(i, "editors") || c.isWord(i, "editor") || c.isWord(i, "eds") || c.isWord(i, "ed") || c.isWord(i, "hrsg")
            || c.isWord(i, "hg") || c.isWord(i, "hrsgb") || c.isWord(i, "editores") || c.isWord(i, "coord") || c.isWord(i, "dir")
    }

    /// Tokens `a..<z` name a publisher (`Oxford University Press`, `Springer-Verlag`, `Penguin Books`).
    private func isPublisher(_ a: Int, _ z: Int) -> Bool {
        guard z - a <= 8 else { return false }
        for k in a..<z where c.t[k].kind == .word && c.t[k].capitalized {
            if c.isWord(k, "press") || c.isWord(k, "verlag") || c.isWord(k, "publishers") || c.isWord(k, "publishing")
                || c.isWord(k, "books") || c.isWord(k, "editorial") || c.isWord(k, "editions") || c.isWord(k, "scribner")
                || c.isWord(k, "penguin") || c.isWord(k, "routledge") || c.isWord(k, "wiley") || c.isWord(k, "elsevier")
            {
                return true
            }
        }
        return false
    }

    /// Splits tokens `start..<end`. `hasTail`: a numeric source follows; `bookLike`: that source is a bare year.
    func split(_ start: Int, _ end: Int, hasTail: Bool = true, bookLike: Bool = false) -> Split {
        var result = Split()
        var titleStart = start
        while titleStart < end, c.t[titleStart].kind == .punct, !c.t[titleStart].isQuote, c.t[titleStart].mark != ASCII.openParen { titleStart += 1 }
        guard titleStart < end else { return result }
        if let close = closingQuote(titleStart, limit: end), close > titleStart + 1, closesTitle(close, end) {
            result.quoted = true
            result.title = trimmed(titleStart + 1, close)
            var journalStart = close + 1
            if c.isWord(journalStart, "in"), c.isPunct(journalStart + 1, ASCII.colon) { journalStart += 2 }
            result.journal = trimmed(journalStart, end)
            return result
        }
        // Sentence boundaries: `.`, `?`, `!` followed by a space.
        var titleBoundary: Int?
        var boundaries: [Int] = []
        var k = titleStart + 1
        while k < end - 1 {
            let tok = c.t[k]
            if tok.kind == .punct, tok.mark == ASCII.period || tok.mark == ASCII.question || tok.mark == ASCII.exclamation, c.t[k + 1].spaceBefore {
                boundaries.append(k)
                if tok.mark != ASCII.period || !isAbbreviation(k - 1) {
                    if c.isWord(k + 1, "in"), c.t[k + 1].capitalized, c.isPunct(k + 2, ASCII.colon) || (k + 2 < end && c.t[k + 2].capitalized) {
                        result.title = trimmed(titleStart, tok.mark == ASCII.period ? k : k + 1)
                        container(k + 1, end, into: &result)
                        return result
                    }
                    titleBoundary = k
                }
            }
            k += 1
        }
        // The longest tail that is a journal the catalog knows ends the title, wherever the lexicon would split:
        // `… aortic arch. Eur J Cardiol` (`arch.` looks like `Arch.`), `… cancer. J. Neurol. Neurosurg.
        // Psychiatry` (not `Psychiatry` alone), `… pancreas. AJR. American Journal of Roentgenology`.
        if hasTail, !bookLike, let known = boundaries.first(where: { $0 > titleStart && isKnownJournal($0 + 1, end) }) {
            titleBoundary = known
        }
        guard let boundary = titleBoundary else {
            // One segment: a journal before the volume (`Acta Phys. Sin. 33, 1261`), else a title.
            if hasTail { result.journal = trimmed(titleStart, end) } else { result.title = trimmed(titleStart, end) }
            return result
        }
        let mark = c.t[boundary].mark
        result.title = trimmed(titleStart, mark == ASCII.period ? boundary : boundary + 1)
        var journalStart = boundary + 1
        if c.isWord(journalStart, "in"), c.isPunct(journalStart + 1, ASCII.colon) { journalStart += 2 }
        result.journal = trimmed(journalStart, end)
        if bookLike { book(&result, a: titleStart, j: journalStart, q: end) }
        return result
    }

    /// A book (`Title. 5th ed. Arlington, VA: Publisher; 2013.`): `Place: Publisher` is no journal, and the
    /// edition is no part of the title; both are kept aside.
    private func book(_ s: inout Split, a: Int, j: Int, q: Int) {
        // `Place: Publisher`: a capitalised word after the colon (not `Journal;0:null`); or a publisher's name alone.
        guard let (ja, jz) = s.journal,
            (ja..<jz).contains(where: { c.isPunct($0, ASCII.colon) && $0 + 1 < jz && c.t[$0 + 1].capitalized }) || isPublisher(ja, jz)
        else { return }
        var restStart = ja
        // `… Disorders. 5th ed.` / `2nd edn.` / `Third edition.`
        if let (ta, tz) = s.title {
            var k = ta + 1
            while k < tz {
                if c.isPunct(k, ASCII.period), c.isWord(k + 2, "ed") || c.isWord(k + 2, "edn") || c.isWord(k + 2, "edition") {
                    s.title = trimmed(ta, k)
                    restStart = k + 1
                    break
                }
                k += 1
            }
        }
        s.journal = nil
        s.publisher = true
        s.rest = trimmed(restStart, jz)
    }
}
