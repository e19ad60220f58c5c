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

    /// Parses a tail starting at token `s`; `end` says how far it got.
    func parse(at s: Int) -> Tail? {
        var tl = Tail()
        tl.start = s
        var j = s
        let n = c.count
        if let y = c.year(j) {
            tl.year = y
            tl.yearToken = j
            tl.yearFirst = true
            j += 1
            // Month, month range, day: `Jun`, `Nov-Dec`, `Jun 15`, `Spring`.
            let ms = j
            while j < n, c.isMonth(j) || (j > ms && c.isDash(j) && c.isMonth(j + 1)) || (j > ms && c.t[j].kind == .number && c.t[j].end - c.t[j].start <= 2) {
                j += 1
            }
            if j > ms {
                var me = j
                while me > ms, !c.isMonth(me - 1) { me -= 1 }  // the day is not part of the month
                if me > ms { tl.month = (ms, me) }
            }
            if j >= n {
                tl.end = j
                return tl
            }
            if c.isPunct(j, ASCII.semicolon) {
                j += 1
            } else if c.isPunct(j, ASCII.colon), isVolume(j + 1), c.isPunct(j + 2, ASCII.openParen) {
                j += 1  // `1993: 13(3); 247-9`: a volume and issue after the year, not a page
            } else if c.isPunct(j, ASCII.colon), c.isPage(j + 1) {
                j += 1
                j = pages(&tl, j)
                return finish(&tl, j)
            } else if c.isPunct(j, ASCII.period) || c.isPunct(j, ASCII.comma) {
                if j + 1 >= n || allTrailing(j) { return finish(&tl, j) }
                if isVolume(j + 1) || c.isPunct(j + 1, ASCII.openParen) {
                    j += 1
                } else {
                    tl.end = j
                    return tl
                }
            } else {
                tl.end = j
                return tl
            }
        }
        // `2018; Jg. 143`, `2018; Vol. 7`, `Bd. 12`: a labelled volume.
        if tl.year != nil, j < n, c.t[j].kind == .word,
            c.isWord(j, "jg") || c.isWord(j, "vol") || c.isWord(j, "bd") || c.isWord(j, "jahrgang") || c.isWord(j, "volume")
        {
            var k = j + 1
            if c.isPunct(k, ASCII.period) { k += 1 }
            if isVolume(k) { j = k }
        }
        // Volume, supplement, issue.
        let labelled =
            (c.isPunct(j - 1, ASCII.period) && (c.isWord(j - 2, "pp") || c.isWord(j - 2, "p"))) || c.isWord(j - 1, "pp")
            || c.isWord(j - 1, "pages")
        if tl.year == nil, c.isPage(j), labelled || (c.isDash(j + 1) && c.isPage(j + 2) && !c.isPunct(j + 3, ASCII.colon) && !c.isPunct(j + 3, ASCII.openParen)) {
            // Pages alone: `Proc ECCV: 418–432.`, `pp. 2454–2462.`, `pages 108-122, 1991.`
            j = pages(&tl, j)
            j = trailingYear(&tl, j)
            return finish(&tl, j)
        }
        if isVolume(j), !(tl.year == nil && c.year(j) != nil && c.isPunct(j + 1, ASCII.semicolon)) {
            tl.volume = (j, j + 1)
            j += 1
            // MLA `65.12 (2001): 1378-1382`: volume.issue, the year in parentheses, then the pages.
            if tl.year == nil, c.isPunct(j, ASCII.period), !c.t[j].spaceBefore, isVolume(j + 1), !c.t[j + 1].spaceBefore,
                c.isPunct(j + 2, ASCII.openParen), c.year(j + 3) != nil
            {
                tl.issue = (j + 1, j + 2)
                j += 2
            }
            // A volume range: `11–13: 3–584`.
            if c.isDash(j), isVolume(j + 1), c.isPunct(j + 2, ASCII.colon) {
                tl.volume = (j - 1, j + 2)
                j += 2
            }
        } else if tl.year == nil, !isSupplementWord(j) {
            return nil
        }
        if isSupplementWord(j) {
            let ss = j
            j += 1
            if c.isPunct(j, ASCII.period) { j += 1 }
            if j < n, c.t[j].kind == .number || c.t[j].kind == .alnum, !c.isDash(j + 1) { j += 1 }
            tl.supplement = (ss, j)
        }
        if c.isPunct(j, ASCII.openParen) {
            var k = j + 1
            while k < n, k - j < 10, !c.isPunct(k, ASCII.closeParen) { k += 1 }
            if k < n, k > j + 1, c.isPunct(k, ASCII.closeParen) {
                // `280(July 1998)`: a month and year, not an issue.
                if tl.year == nil, c.isMonth(j + 1), let y = c.year(k - 1), k - 1 > j + 1, let v = tl.volume, !c.isDash(v.0 - 1) {
                    var me = k - 1
                    while me > j + 1, c.t[me - 1].kind == .punct || c.t[me - 1].kind == .number { me -= 1 }
                    tl.month = (j + 1, me)
                    tl.year = y
                    tl.yearToken = k - 1
                    j = k + 1
                    return afterIssue(&tl, j)
                }
                // MLA `111 (2016): 152-154`, `65.12 (2001): 1378-1382`: the year, then the pages.
                if let y = c.year(j + 1), k == j + 2, tl.year == nil, tl.volume != nil, c.isPunct(k + 1, ASCII.colon), c.isPage(k + 2) {
                    tl.year = y
                    tl.yearToken = j + 1
                    return finish(&tl, pages(&tl, k + 2))
                }
                if let y = c.year(j + 1), k == j + 2, tl.year == nil, tl.volume != nil, k + 1 >= n || allTrailing(k + 1) {
                    // `71 (2014)`: a year, not an issue.
                    tl.year = y
                    tl.yearToken = j + 1
                    tl.yearLastParen = true
                    return finish(&tl, k + 1)
                }
                // Supplement inside the issue: `(6 Suppl 1)`, `(Suppl 2)`.
                var sup = j + 1
                while sup < k, !isSupplementWord(sup) { sup += 1 }
                if sup < k {
                    tl.supplement = (sup, k)
                    if sup > j + 1 { tl.issue = (j + 1, sup) }
                } else {
                    tl.issue = (j + 1, k)
                }
                j = k + 1
                // `(Suppl 2) ii28–ii34`, `(suppl. 3)42A`: pages straight after the parenthesis.
                if c.isPage(j), c.isDash(j + 1) || j + 1 >= n || allTrailing(j + 1) { j = pages(&tl, j) }
            }
        }
        return afterIssue(&tl, j)
    }

    /// The pages (and a trailing year) after the volume and issue.
    private func afterIssue(_ tl: inout Tail, _ start: Int) -> Tail {
        var j = start
        let n = c.count
        if j >= n { return finish(&tl, j) }
        if tl.issue != nil, c.isPunct(j, ASCII.semicolon), c.isPage(j + 1), c.isDash(j + 2) || j + 2 >= n || allTrailing(j + 2) {
            // `13(3); 247-9`
            j = pages(&tl, j + 1)
        } else if tl.issue == nil, tl.volume != nil, c.isPunct(j, ASCII.semicolon), c.isPage(j + 1), c.isDash(j + 2), c.isPage(j + 3) {
            // `1996; 35; 601–609`: the volume, then the page range after a semicolon.
            j = pages(&tl, j + 1)
        } else if tl.issue == nil, tl.volume != nil, c.isPage(j), c.isDash(j + 1), c.isPage(j + 2) {
            // `Nature 518 355–359`: no separator before the pages.
            j = pages(&tl, j)
        } else if c.isPunct(j, ASCII.colon) {
            j += 1
            if c.isWord(j, "e") || c.isWord(j, "article") { j += 1 } else if c.isWord(j, "p") || c.isWord(j, "pp"), c.isPunct(j + 1, ASCII.period) { j += 2 }
            j = pages(&tl, j)
        } else if c.isPunct(j, ASCII.comma) {
            var k = j + 1
            // `Volume 196, 1985, pp. 47–53`
            if let y = c.year(k), tl.year == nil, c.isPunct(k + 1, ASCII.comma) {
                tl.year = y
                tl.yearToken = k
                k += 2
            }
            // IEEE `vol. 5, no. 3, pp. 1–10`: the issue as a labelled part.
            if tl.issue == nil, c.isWord(k, "no") || c.isWord(k, "issue") || c.isWord(k, "nr") || c.isWord(k, "heft") {
                var m = k + 1
                if c.isPunct(m, ASCII.period) { m += 1 }
                if isVolume(m) || c.isPage(m) {
                    tl.issue = (m, m + 1)
                    if c.isPunct(m + 1, ASCII.comma) {
                        k = m + 2
                    } else {
                        j = m + 1
                        j = trailingYear(&tl, j)
                        return finish(&tl, j)
                    }
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
            if let y = c.year(k), tl.year == nil, k + 1 >= n || allTrailing(k + 1) {
                tl.year = y
                tl.yearToken = k
                return finish(&tl, k + 1)
            }
            if c.isPage(k) { j = pages(&tl, k) }
        } else if c.isWord(j, "pp") || c.isWord(j, "p") {
            var k = j + 1
            if c.isPunct(k, ASCII.period) { k += 1 }
            if c.isPage(k) { j = pages(&tl, k) }
        }
        j = trailingYear(&tl, j)
        // IEEE `vol. 1, June 2004, pp. 891–896`, `Vol. 74, No. 5, September / October 1995, pp. 54-67`,
        // APA `(Vol. 1), (pp. 107-115)`: labelled pages after the issue and the date.
        if tl.firstPage == nil, tl.volume != nil, c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.closeParen) || (c.isPunct(j, ASCII.period) && c.isPunct(j + 1, ASCII.comma)) {
            var k = j
            var issue: (Int, Int)?
            var month: (Int, Int)?
            var year: (Int, Int)?
            while k < n, k - j < 14 {
                if c.isPunct(k, ASCII.comma) || c.isPunct(k, ASCII.openParen) || c.isPunct(k, ASCII.closeParen) || c.isPunct(k, ASCII.slash) || c.isDash(k)
                    || (k == j && c.isPunct(k, ASCII.period))
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
                    year = (k, k + 1)
                    k += 1
                    continue
                }
                if c.isWord(k, "no") || c.isWord(k, "nr") || c.isWord(k, "issue") {
                    var m = k + 1
                    if c.isPunct(m, ASCII.period) { m += 1 }
                    if isVolume(m) {
                        issue = (m, m + 1)
                        k = m + 1
                        continue
                    }
                }
                break
            }
            if c.isWord(k, "pp") || c.isWord(k, "p") {
                var m = k + 1
                if c.isPunct(m, ASCII.period) { m += 1 }
                if c.isPage(m) {
                    j = pages(&tl, m)
                    if c.isPunct(j, ASCII.closeParen) { j += 1 }
                    if tl.issue == nil { tl.issue = issue }
                    if tl.month == nil { tl.month = month }
                    if tl.year == nil, let (ya, _) = year, let y = c.year(ya) {
                        tl.year = y
                        tl.yearToken = ya
                    }
                }
            }
        }
        return finish(&tl, j)
    }

    /// A year after the pages: Nature `(2014)`, `, 1983`, `, May 1995`.
    private func trailingYear(_ tl: inout Tail, _ start: Int) -> Int {
        var j = start
        let n = c.count
        if c.isPunct(j, ASCII.period), c.isPunct(j + 1, ASCII.openParen), c.year(j + 2) != nil, c.isPunct(j + 3, ASCII.closeParen), tl.year == nil {
            j += 1  // `143–155. (2013).` once a DOI between them is set aside
        }
        if c.isPunct(j, ASCII.openParen), let y = c.year(j + 1), c.isPunct(j + 2, ASCII.closeParen), tl.year == nil {
            tl.year = y
            tl.yearToken = j + 1
            tl.yearLastParen = true
            j += 3
        } else if c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.period), let y = c.year(j + 1), tl.year == nil {
            tl.year = y
            tl.yearToken = j + 1
            j += 2
        } else if c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.period), tl.year == nil, c.isMonth(j + 1) {
            // `13(4), May 1995.`, `350-360, July 1991.`
            var k = j + 1
            while k < n,
                c.isMonth(k) || c.isDash(k) || (c.t[k].kind == .number && c.t[k].end - c.t[k].start <= 2)
                    || (c.isPunct(k, ASCII.period) && c.isMonth(k - 1))
            { k += 1 }
            if c.isPunct(k, ASCII.comma) { k += 1 }
            if let y = c.year(k) {
                tl.month = (j + 1, k)
                while let m = tl.month, m.1 > m.0, c.t[m.1 - 1].kind == .punct { tl.month = (m.0, m.1 - 1) }
                tl.year = y
                tl.yearToken = k
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

    private func finish(_ tl: inout Tail, _ j: Int) -> Tail {
        var k = j
        while k < c.count, c.isPunct(k, ASCII.period) { k += 1 }
        tl.end = k
        return tl
    }

    /// `681-688`, `2475-83`, `e0123456`, `S1-S9`: sets pages, returns the index after them.
    private func pages(_ tl: inout Tail, _ j: Int) -> Int {
        guard c.isPage(j) else { return j }
        tl.firstPage = j
        if c.isDash(j + 1), c.isPage(j + 2) {
            tl.lastPage = j + 2
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
                if var tl = parse(at: i), tl.end > i {
                    // `pp. 681–688`, `p. 12`: the label belongs to the pages.
                    if c.isPunct(i - 1, ASCII.period), c.isWord(i - 2, "pp") || c.isWord(i - 2, "p") || (c.isWord(i - 2, "s") && c.t[i - 2].capitalized) {
                        tl.start = i - 2
                    } else if c.isWord(i - 1, "pp") || c.isWord(i - 1, "pages") {
                        tl.start = i - 1
                    } else if c.isWord(i - 1, "volume") || c.isWord(i - 1, "vol") {
                        tl.start = i - 1
                    } else if c.isPunct(i - 1, ASCII.period), c.isWord(i - 2, "vol") {
                        tl.start = i - 2
                    }
                    // `Proceedings of …, 2006, pp. 89–98.`: the year before the labelled pages belongs to the tail.
                    if tl.year == nil, tl.start != i, c.isPunct(tl.start - 1, ASCII.comma), let y = c.year(tl.start - 2),
                        c.isPunct(tl.start - 3, ASCII.comma)
                    {
                        tl.year = y
                        tl.yearToken = tl.start - 2
                        tl.start -= 3
                    }
                    let complete = tl.end >= c.count
                    // `Seminars in … biology. Vol. 70. Academic Press, 2017.`: a labelled volume is a journal's.
                    let labelledVolume = tl.start != i && tl.volume != nil && (c.isWord(tl.start, "vol") || c.isWord(tl.start, "volume"))
                    let score = tl.strength * 2 + (complete ? 3 : 0) + (labelledVolume ? 4 : 0)
                    // The leftmost complete tail wins unless an earlier partial one holds more.
                    if complete, tl.strength >= 3, score >= bestScore { return tl }
                    if complete || tl.strength >= 2 || labelledVolume, score >= bestScore {
                        best = tl
                        bestScore = score
                    }
                }
            }
            i += 1
        }
        return best
    }
}
