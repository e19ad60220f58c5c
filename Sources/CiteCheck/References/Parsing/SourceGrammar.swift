/// Reads the numeric source part that closes a journal reference:
/// `2014;71(6):681-688`, `2013 Nov;38(12):2475-83`, `71(6), 681–688`, `71, 681–688 (2014)`, `71: 681–688`,
/// `71 (6): 681–88`, `pp. 681–688`, `2010;11 Suppl 2:S1`, `2014;(6):CD001234`.
struct SourceGrammar {
    struct Tail {
        var start = 0
        /// Token index after the tail (trailing periods included).
        var end = 0
        var year: Int?
        var yearToken: Int?
        /// Year written before the volume (Vancouver `2014;71`).
        var yearFirst = false
        /// Year written last in parentheses (Nature `71, 681–688 (2014)`).
        var yearLastParen = false
        var month: (Int, Int)?
        var volume: (Int, Int)?
        var issue: (Int, Int)?
        var supplement: (Int, Int)?
        var firstPage: Int?
        var lastPage: Int?

        /// How much bibliographic structure the tail holds; a bare number is weak evidence.
        var strength: Int {
            var s = 0
            if year != nil { s += 1 }
            if month != nil { s += 1 }
            if volume != nil { s += 1 }
            if let (a, z) = issue, z - a <= 3 { s += 1 }
            if firstPage != nil { s += 1 }
            if lastPage != nil { s += 1 }
            return s
        }
    }

    let c: TokenCursor

    private func isSupplementWord(_ i: Int) -> Bool {
        c.isWord(i, "suppl") || c.isWord(i, "supplement") || c.isWord(i, "supp") || c.isWord(i, "suppl_")
    }

    /// A volume: digits, or digits with a letter (`12A`), at most six characters.
    private func isVolume(_ i: Int) -> Bool {
        guard i < c.count else { return false }
        let tok = c.t[i]
        guard tok.end - tok.start <= 6 else { return false }
        if tok.kind == .number { return true }
        return tok.kind == .alnum && ByteText.isDigit(c.b[tok.start])
    }

    /// Where a phase of the tail grammar left the reading: go on at a token, or the tail is read.
    private enum Step {
        case next(Int)
        case done(Tail)
    }

    /// Parses a tail starting at token `start`, phase by phase: a leading year and month, a labelled volume, pages
    /// alone, the volume, a supplement, the issue in parentheses, then what follows the issue. `end` says how far it got.
    func parse(at start: Int) -> Tail? {
        var tail = Tail()
        tail.start = start
        var j = start
        if let year = c.year(j) {
            switch leadingYear(year, &tail, at: j) {
            case .done(let read): return read
            case .next(let after): j = after
            }
            j = labelledVolume(at: j)
        } else if let read = pagesAlone(&tail, at: j) {
            return read
        }
        guard let afterVolume = volume(&tail, at: j) else { return nil }
        j = supplement(&tail, at: afterVolume)
        switch parenthesisedIssue(&tail, at: j) {
        case .done(let read): return read
        case .next(let after): j = after
        }
        return afterIssue(&tail, j)
    }

    /// Leading year phase (Vancouver `2014 Nov;71`): the year at `yearToken`, its month, and the separator after them.
    /// Ends the tail when nothing that can be a volume follows.
    private func leadingYear(_ year: Int, _ tail: inout Tail, at yearToken: Int) -> Step {
        let n = c.count
        tail.year = year
        tail.yearToken = yearToken
        tail.yearFirst = true
        let j = month(&tail, from: yearToken + 1)
        if j >= n {
            tail.end = j
            return .done(tail)
        }
        if c.isPunct(j, ASCII.semicolon) {
            // `J Med Virol 2020;n/a.`: a placeholder where the volume goes (an article online ahead of print).
            if let after = volumePlaceholder(at: j + 1), after >= n || allTrailing(after) { return .done(finish(&tail, after)) }
            return .next(j + 1)
        }
        if c.isPunct(j, ASCII.colon), isVolume(j + 1), c.isPunct(j + 2, ASCII.openParen) {
            return .next(j + 1)  // `1993: 13(3); 247-9`: a volume and issue after the year, not a page
        }
        if c.isPunct(j, ASCII.colon), c.isPage(j + 1) { return .done(finish(&tail, pages(&tail, j + 1))) }
        // `Int J Infect Dis 2020:S1201971220301491.`: an Elsevier item id (PII) where the pages go.
        if c.isPunct(j, ASCII.colon), isElsevierItemID(j + 1), j + 2 >= n || allTrailing(j + 2) {
            tail.firstPage = j + 1
            return .done(finish(&tail, j + 2))
        }
        if c.isPunct(j, ASCII.period) || c.isPunct(j, ASCII.comma) {
            if j + 1 >= n || allTrailing(j) { return .done(finish(&tail, j)) }
            if isVolume(j + 1) || c.isPunct(j + 1, ASCII.openParen) { return .next(j + 1) }
        }
        tail.end = j
        return .done(tail)
    }

    /// `S1201971220301491`, `S0140-6736(20)30183-5` without its punctuation: `S` and 16 digits (the last may be X).
    private func isElsevierItemID(_ j: Int) -> Bool {
        guard j < c.count, c.t[j].kind == .alnum, c.t[j].end - c.t[j].start == 17 else { return false }
        let start = c.t[j].start
        guard c.b[start] == UInt8(ascii: "S") else { return false }
        return (start + 1..<start + 17).allSatisfy { ByteText.isDigit(c.b[$0]) || ($0 == start + 16 && c.b[$0] == UInt8(ascii: "X")) }
    }

    /// `n/a` or `NA` written for the volume: the index after it, nil when `j` holds something else.
    private func volumePlaceholder(at j: Int) -> Int? {
        // `isWord` compares case-insensitively: `n/a`, `N/A`, `na`, `NA`.
        if c.isWord(j, "n"), c.isPunct(j + 1, ASCII.slash), c.isWord(j + 2, "a") { return j + 3 }
        if c.isWord(j, "na") { return j + 1 }
        return nil
    }

    /// Month, month range, day after a leading year (`Jun`, `Nov-Dec`, `Jun 15`, `Spring`): sets the month (without
    /// the day), returns the token after them.
    private func month(_ tail: inout Tail, from monthStart: Int) -> Int {
        let n = c.count
        var j = monthStart
        while j < n,
            c.isMonth(j) || (j > monthStart && c.isDash(j) && c.isMonth(j + 1))
                || (j > monthStart && c.t[j].kind == .number && c.t[j].end - c.t[j].start <= 2)
        {
            j += 1
        }
        if j > monthStart {
            var monthEnd = j
            while monthEnd > monthStart, !c.isMonth(monthEnd - 1) { monthEnd -= 1 }  // the day is not part of the month
            if monthEnd > monthStart { tail.month = (monthStart, monthEnd) }
        }
        return j
    }

    /// Labelled volume phase after a leading year (`2018; Jg. 143`, `2018; Vol. 7`, `Bd. 12`): the token of the
    /// volume number after the label, or `j` when there is no label.
    private func labelledVolume(at j: Int) -> Int {
        guard j < c.count, c.t[j].kind == .word,
            c.isWord(j, "jg") || c.isWord(j, "vol") || c.isWord(j, "bd") || c.isWord(j, "jahrgang") || c.isWord(j, "volume")
        else { return j }
        var number = j + 1
        if c.isPunct(number, ASCII.period) { number += 1 }
        return isVolume(number) ? number : j
    }

    /// Pages-alone phase, with no year before them (`Proc ECCV: 418–432.`, `pp. 2454–2462.`, `pages 108-122, 1991.`):
    /// the read tail (pages and a trailing year), or nil when `j` does not start labelled pages or a page range.
    private func pagesAlone(_ tail: inout Tail, at j: Int) -> Tail? {
        guard c.isPage(j) else { return nil }
        let labelled =
            (c.isPunct(j - 1, ASCII.period) && (c.isWord(j - 2, "pp") || c.isWord(j - 2, "p"))) || c.isWord(j - 1, "pp")
            || c.isWord(j - 1, "pages")
        let range = c.isDash(j + 1) && c.isPage(j + 2) && !c.isPunct(j + 3, ASCII.colon) && !c.isPunct(j + 3, ASCII.openParen)
        guard labelled || range else { return nil }
        return finish(&tail, trailingYear(&tail, pages(&tail, j)))
    }

    /// Volume phase: the volume at `j` (`71`, `12A`, a range `11–13`, MLA `65.12` with its issue); the token after
    /// it, `j` when there is none but a year or a supplement was read, nil when the tail cannot start here.
    private func volume(_ tail: inout Tail, at j: Int) -> Int? {
        guard isVolume(j), !(tail.year == nil && c.year(j) != nil && c.isPunct(j + 1, ASCII.semicolon)) else {
            return tail.year == nil && !isSupplementWord(j) ? nil : j
        }
        tail.volume = (j, j + 1)
        var next = j + 1
        // MLA `65.12 (2001): 1378-1382`: volume.issue, the year in parentheses, then the pages.
        if tail.year == nil, c.isPunct(next, ASCII.period), !c.t[next].spaceBefore, isVolume(next + 1), !c.t[next + 1].spaceBefore,
            c.isPunct(next + 2, ASCII.openParen), c.year(next + 3) != nil
        {
            tail.issue = (next + 1, next + 2)
            next += 2
        }
        // A volume range: `11–13: 3–584`.
        if c.isDash(next), isVolume(next + 1), c.isPunct(next + 2, ASCII.colon) {
            tail.volume = (next - 1, next + 2)
            next += 2
        }
        return next
    }

    /// Supplement phase (`Suppl 2`, `Suppl. S1`, `Supplement`): sets the supplement, returns the token after it.
    private func supplement(_ tail: inout Tail, at j: Int) -> Int {
        guard isSupplementWord(j) else { return j }
        var next = j + 1
        if c.isPunct(next, ASCII.period) { next += 1 }
        if next < c.count, c.t[next].kind == .number || c.t[next].kind == .alnum, !c.isDash(next + 1) { next += 1 }
        tail.supplement = (j, next)
        return next
    }

    /// Issue phase: the parenthesised issue at `open` (`(6)`, `(6 Suppl 1)`, `(Suppl 2)`) and pages straight after
    /// it, or a date written there instead (which ends the tail).
    private func parenthesisedIssue(_ tail: inout Tail, at open: Int) -> Step {
        let n = c.count
        guard c.isPunct(open, ASCII.openParen) else { return .next(open) }
        var close = open + 1
        while close < n, close - open < 10, !c.isPunct(close, ASCII.closeParen) { close += 1 }
        guard close < n, close > open + 1, c.isPunct(close, ASCII.closeParen) else { return .next(open) }
        if let read = dateInParentheses(&tail, open: open, close: close) { return .done(read) }
        // Supplement inside the issue: `(6 Suppl 1)`, `(Suppl 2)`.
        var supplementWord = open + 1
        while supplementWord < close, !isSupplementWord(supplementWord) { supplementWord += 1 }
        if supplementWord < close {
            tail.supplement = (supplementWord, close)
            if supplementWord > open + 1 { tail.issue = (open + 1, supplementWord) }
        } else {
            tail.issue = (open + 1, close)
        }
        var j = close + 1
        // `(Suppl 2) ii28–ii34`, `(suppl. 3)42A`: pages straight after the parenthesis.
        if c.isPage(j), c.isDash(j + 1) || j + 1 >= n || allTrailing(j + 1) { j = pages(&tail, j) }
        return .next(j)
    }

    /// A date where the issue would stand, between `open` and `close` after the volume: `280(July 1998)`, MLA
    /// `111 (2016): 152-154`, `71 (2014)`. The read tail, or nil when the parentheses hold no such date.
    private func dateInParentheses(_ tail: inout Tail, open: Int, close: Int) -> Tail? {
        guard tail.year == nil else { return nil }
        // `280(July 1998)`: a month and year, not an issue.
        if c.isMonth(open + 1), let year = c.year(close - 1), close - 1 > open + 1, let volume = tail.volume, !c.isDash(volume.0 - 1) {
            var monthEnd = close - 1
            while monthEnd > open + 1, c.t[monthEnd - 1].kind == .punct || c.t[monthEnd - 1].kind == .number { monthEnd -= 1 }
            tail.month = (open + 1, monthEnd)
            tail.year = year
            tail.yearToken = close - 1
            return afterIssue(&tail, close + 1)
        }
        guard let year = c.year(open + 1), close == open + 2, tail.volume != nil else { return nil }
        // MLA `111 (2016): 152-154`, `65.12 (2001): 1378-1382`: the year, then the pages.
        if c.isPunct(close + 1, ASCII.colon), c.isPage(close + 2) {
            tail.year = year
            tail.yearToken = open + 1
            return finish(&tail, pages(&tail, close + 2))
        }
        // `71 (2014)`: a year, not an issue.
        if close + 1 >= c.count || allTrailing(close + 1) {
            tail.year = year
            tail.yearToken = open + 1
            tail.yearLastParen = true
            return finish(&tail, close + 1)
        }
        return nil
    }

    /// After-issue phase: the pages after the volume and issue, a trailing year, and labelled pages after a date;
    /// the read tail.
    private func afterIssue(_ tail: inout Tail, _ start: Int) -> Tail {
        var j = start
        let n = c.count
        if j >= n { return finish(&tail, j) }
        if tail.issue != nil, c.isPunct(j, ASCII.semicolon), c.isPage(j + 1), c.isDash(j + 2) || j + 2 >= n || allTrailing(j + 2) {
            // `13(3); 247-9`
            j = pages(&tail, j + 1)
        } else if tail.issue == nil, tail.volume != nil, c.isPunct(j, ASCII.semicolon), c.isPage(j + 1), c.isDash(j + 2), c.isPage(j + 3) {
            // `1996; 35; 601–609`: the volume, then the page range after a semicolon.
            j = pages(&tail, j + 1)
        } else if tail.issue == nil, tail.volume != nil, c.isPage(j), c.isDash(j + 1), c.isPage(j + 2) {
            // `Nature 518 355–359`: no separator before the pages.
            j = pages(&tail, j)
        } else if c.isPunct(j, ASCII.colon) {
            j += 1
            if c.isWord(j, "e") || c.isWord(j, "article") {
                j += 1
            } else if c.isWord(j, "p") || c.isWord(j, "pp"), c.isPunct(j + 1, ASCII.period) {
                j += 2
            }
            j = pages(&tail, j)
        } else if c.isPunct(j, ASCII.comma) {
            switch partsAfterComma(&tail, comma: j) {
            case .done(let read): return read
            case .next(let after): j = after
            }
        } else if c.isWord(j, "pp") || c.isWord(j, "p") {
            var first = j + 1
            if c.isPunct(first, ASCII.period) { first += 1 }
            if c.isPage(first) { j = pages(&tail, first) }
        }
        j = trailingYear(&tail, j)
        if tail.firstPage == nil, tail.volume != nil {
            j = labelledPagesAfterDate(&tail, from: j)
        }
        return finish(&tail, j)
    }

    /// The comma-separated parts after the volume and issue: `, 1985, pp. 47–53` (a year), IEEE `, no. 3, pp. 1–10`
    /// (a labelled issue), `, pp.`/`, S.`/`, article no.` labels, then the pages or a closing year.
    private func partsAfterComma(_ tail: inout Tail, comma: Int) -> Step {
        let n = c.count
        var k = comma + 1
        // `Volume 196, 1985, pp. 47–53`
        if let year = c.year(k), tail.year == nil, c.isPunct(k + 1, ASCII.comma) {
            tail.year = year
            tail.yearToken = k
            k += 2
        }
        // IEEE `vol. 5, no. 3, pp. 1–10`: the issue as a labelled part.
        if tail.issue == nil, c.isWord(k, "no") || c.isWord(k, "issue") || c.isWord(k, "nr") || c.isWord(k, "heft") {
            var number = k + 1
            if c.isPunct(number, ASCII.period) { number += 1 }
            if isVolume(number) || c.isPage(number) {
                tail.issue = (number, number + 1)
                guard c.isPunct(number + 1, ASCII.comma) else { return .done(finish(&tail, trailingYear(&tail, number + 1))) }
                k = number + 2
            }
        }
        if c.isWord(k, "pp") || c.isWord(k, "p") || c.isWord(k, "pages") || c.isWord(k, "page")
            || (c.isWord(k, "s") && c.t[k].capitalized && c.isPunct(k + 1, ASCII.period)) || c.isWord(k, "seite") || c.isWord(k, "seiten")
        {
            k += 1
            if c.isPunct(k, ASCII.period) { k += 1 }
        } else if c.isWord(k, "article") || c.isWord(k, "art") {
            k += 1
            if c.isPunct(k, ASCII.period) { k += 1 }
            if c.isWord(k, "no") {
                k += 1
                if c.isPunct(k, ASCII.period) { k += 1 }
            }
        }
        if let year = c.year(k), tail.year == nil, k + 1 >= n || allTrailing(k + 1) {
            tail.year = year
            tail.yearToken = k
            return .done(finish(&tail, k + 1))
        }
        return .next(c.isPage(k) ? pages(&tail, k) : comma)
    }

    /// Labelled pages after the issue and the date, when the volume has no pages yet: IEEE `vol. 1, June 2004, pp.
    /// 891–896`, `Vol. 74, No. 5, September / October 1995, pp. 54-67`, APA `(Vol. 1), (pp. 107-115)`. Sets the
    /// pages (and the issue, month and year read on the way), returns the token after them, or `from` when none.
    private func labelledPagesAfterDate(_ tail: inout Tail, from j: Int) -> Int {
        let n = c.count
        guard c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.closeParen) || (c.isPunct(j, ASCII.period) && c.isPunct(j + 1, ASCII.comma))
        else { return j }
        var k = j
        var issue: (Int, Int)?
        var month: (Int, Int)?
        var yearRange: (Int, Int)?
        while k < n, k - j < 14 {
            if c.isPunct(k, ASCII.comma) || c.isPunct(k, ASCII.openParen) || c.isPunct(k, ASCII.closeParen) || c.isPunct(k, ASCII.slash)
                || c.isDash(k) || (k == j && c.isPunct(k, ASCII.period))
            {
                k += 1
                continue
            }
            if c.isMonth(k) {
                month = month.map { ($0.0, k + 1) } ?? (k, k + 1)
                k += 1
                if c.isPunct(k, ASCII.period) { k += 1 }
                continue
            }
            if c.year(k) != nil {
                yearRange = (k, k + 1)
                k += 1
                continue
            }
            if c.isWord(k, "no") || c.isWord(k, "nr") || c.isWord(k, "issue") {
                var number = k + 1
                if c.isPunct(number, ASCII.period) { number += 1 }
                if isVolume(number) {
                    issue = (number, number + 1)
                    k = number + 1
                    continue
                }
            }
            break
        }
        guard c.isWord(k, "pp") || c.isWord(k, "p") else { return j }
        var first = k + 1
        if c.isPunct(first, ASCII.period) { first += 1 }
        guard c.isPage(first) else { return j }
        var next = pages(&tail, first)
        if c.isPunct(next, ASCII.closeParen) { next += 1 }
        if tail.issue == nil { tail.issue = issue }
        if tail.month == nil { tail.month = month }
        if tail.year == nil, let (yearToken, _) = yearRange, let year = c.year(yearToken) {
            tail.year = year
            tail.yearToken = yearToken
        }
        return next
    }

    /// A year after the pages: Nature `(2014)`, `, 1983`, `, May 1995`.
    private func trailingYear(_ tail: inout Tail, _ start: Int) -> Int {
        var j = start
        let n = c.count
        if c.isPunct(j, ASCII.period), c.isPunct(j + 1, ASCII.openParen), c.year(j + 2) != nil, c.isPunct(j + 3, ASCII.closeParen), tail.year == nil {
            j += 1  // `143–155. (2013).` once a DOI between them is set aside
        }
        if c.isPunct(j, ASCII.openParen), let y = c.year(j + 1), c.isPunct(j + 2, ASCII.closeParen), tail.year == nil {
            tail.year = y
            tail.yearToken = j + 1
            tail.yearLastParen = true
            j += 3
        } else if c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.period), let y = c.year(j + 1), tail.year == nil {
            tail.year = y
            tail.yearToken = j + 1
            j += 2
        } else if c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.period), tail.year == nil, c.isMonth(j + 1) {
            // `13(4), May 1995.`, `350-360, July 1991.`
            var k = j + 1
            while k < n,
                c.isMonth(k) || c.isDash(k) || (c.t[k].kind == .number && c.t[k].end - c.t[k].start <= 2)
                    || (c.isPunct(k, ASCII.period) && c.isMonth(k - 1))
            { k += 1 }
            if c.isPunct(k, ASCII.comma) { k += 1 }
            if let y = c.year(k) {
                tail.month = (j + 1, k)
                while let m = tail.month, m.1 > m.0, c.t[m.1 - 1].kind == .punct { tail.month = (m.0, m.1 - 1) }
                tail.year = y
                tail.yearToken = k
                j = k + 1
            }
        }
        return j
    }

    /// Only periods (and commas) remain from `i`.
    private func allTrailing(_ i: Int) -> Bool {
        var k = i
        while k < c.count {
            guard c.isPunct(k, ASCII.period) || c.isPunct(k, ASCII.comma) || c.isPunct(k, ASCII.semicolon) else { return false }
            k += 1
        }
        return true
    }

    private func finish(_ tail: inout Tail, _ j: Int) -> Tail {
        var k = j
        while k < c.count, c.isPunct(k, ASCII.period) { k += 1 }
        tail.end = k
        return tail
    }

    /// `681-688`, `2475-83`, `e0123456`, `S1-S9`: sets pages, returns the index after them.
    private func pages(_ tail: inout Tail, _ j: Int) -> Int {
        guard c.isPage(j) else { return j }
        tail.firstPage = j
        if c.isDash(j + 1), c.isPage(j + 2) {
            tail.lastPage = j + 2
            return j + 3
        }
        return j + 1
    }

    /// The best tail from `from`: the leftmost one that runs to the end and holds enough structure,
    /// otherwise the one with most structure (later wins ties), a complete tail counting one more.
    func find(from: Int) -> Tail? {
        var best: Tail?
        var bestScore = 0
        var i = from
        while i < c.count {
            let tok = c.t[i]
            // `podcast #176`, `Episode 12`, `Folge 3`: an episode number, never a volume or a page; `Oct. 3, 2016`: a day.
            if c.isPunct(i - 1, ASCII.hash)
                || (i > 0 && c.t[i - 1].kind == .word && (c.isWord(i - 1, "episode") || c.isWord(i - 1, "folge") || c.isWord(i - 1, "episodio")))
                || (c.isPunct(i - 1, ASCII.period) && c.isWord(i - 2, "ep"))
                || (tok.kind == .number && tok.end - tok.start <= 2 && c.isPunct(i + 1, ASCII.comma) && c.year(i + 2) != nil
                    && (c.isMonth(i - 1) || (c.isPunct(i - 1, ASCII.period) && c.isMonth(i - 2))))
            {
                i += 1
                continue
            }
            if tok.kind == .number || (tok.kind == .alnum && ByteText.isDigit(c.b[tok.start])) || isSupplementWord(i) {
                if var tail = parse(at: i), tail.end > i {
                    // `pp. 681–688`, `p. 12`: the label belongs to the pages.
                    if c.isPunct(i - 1, ASCII.period), c.isWord(i - 2, "pp") || c.isWord(i - 2, "p") || (c.isWord(i - 2, "s") && c.t[i - 2].capitalized) {
                        tail.start = i - 2
                    } else if c.isWord(i - 1, "pp") || c.isWord(i - 1, "pages") {
                        tail.start = i - 1
                    } else if c.isWord(i - 1, "volume") || c.isWord(i - 1, "vol") {
                        tail.start = i - 1
                    } else if c.isPunct(i - 1, ASCII.period), c.isWord(i - 2, "vol") {
                        tail.start = i - 2
                    }
                    // `Proceedings of …, 2006, pp. 89–98.`: the year before the labelled pages belongs to the tail.
                    if tail.year == nil, tail.start != i, c.isPunct(tail.start - 1, ASCII.comma), let y = c.year(tail.start - 2),
                        c.isPunct(tail.start - 3, ASCII.comma)
                    {
                        tail.year = y
                        tail.yearToken = tail.start - 2
                        tail.start -= 3
                    }
                    let complete = tail.end >= c.count
                    // `Seminars in … biology. Vol. 70. Academic Press, 2017.`: a labelled volume is a journal's.
                    let labelledVolume = tail.start != i && tail.volume != nil && (c.isWord(tail.start, "vol") || c.isWord(tail.start, "volume"))
                    let score = tail.strength * 2 + (complete ? 3 : 0) + (labelledVolume ? 4 : 0)
                    // The leftmost complete tail wins unless an earlier partial one holds more.
                    if complete, tail.strength >= 3, score >= bestScore { return tail }
                    if complete || tail.strength >= 2 || labelledVolume, score >= bestScore {
                        best = tail
                        bestScore = score
                    }
                }
            }
            i += 1
        }
        return best
    }
}
