/// Finds identifiers (DOI, PMID, PMCID, URL) and notes (`(online 2017)`, `Epub …`, `[…]`) in a reference
/// before tokenising, so the field grammar only sees the bibliographic core.
struct IdentifierScanner {
    struct Found {
        var doi: Range<Int>?
        var pmid: Range<Int>?
        var pmcid: Range<Int>?
        var url: Range<Int>?
        /// Each note's kind, the range of its text (without brackets) and its full claimed range.
        var notes: [(kind: ReferenceNote.Kind, text: Range<Int>, whole: Range<Int>)] = []
        var epubYear: Int?
        /// Claimed spans, sorted and non-overlapping: the tokenizer skips them.
        var claimed: [Range<Int>] = []
        /// Ranges of label text consumed with identifiers (`doi:`, `Available from:`), for field ranges.
        var doiWhole: Range<Int>?
        var pmidWhole: Range<Int>?
        var pmcidWhole: Range<Int>?
        var urlWhole: Range<Int>?
        /// The year of a numeric date outside any access note (`(24.07.2020)`, `2017-07-28`), and the date's range.
        var dateYear: Int?
        var date: Range<Int>?
        /// A DOI broken by a space (as written), and the DOI it likely meant.
        var malformedDOI: Range<Int>?
        var doiSuggestion: String?
        /// Garbled characters: U+FFFD and its mojibake `ï¿½`.
        var garbled: [Range<Int>] = []
    }

    let b: UnsafeBufferPointer<UInt8>
    var found = Found()
    /// One flag a byte (allocated at the first claim): claimed by a scanner. Keeps `isClaimed` constant-time
    /// however many spans a long reference holds (a list of claimed ranges made a 1 MB line quadratic).
    private var claimedBytes: [Bool]
    /// The first `)` at or after `closeParenFrom`, remembered so that repeated unclosed `(online` notes do not
    /// rescan the rest of the line each time.
    private var closeParenFrom = Int.max
    private var closeParenAt = 0

    init(_ b: UnsafeBufferPointer<UInt8>) {
        self.b = b
        self.claimedBytes = []
    }

    private func isClaimed(_ i: Int) -> Bool {
        i >= 0 && i < claimedBytes.count && claimedBytes[i]
    }

    /// Marks `r` claimed. Spans are collected in any order and sorted and merged once, at the end of `scan`.
    private mutating func claim(_ r: Range<Int>) {
        guard !r.isEmpty else { return }
        found.claimed.append(r)
        if claimedBytes.isEmpty { claimedBytes = Array(repeating: false, count: b.count) }
        for k in r.clamped(to: 0..<claimedBytes.count) { claimedBytes[k] = true }
    }

    /// The first `)` at or after `k` (or the end). Amortised linear for queries that do not move backwards.
    private mutating func firstCloseParen(from k: Int) -> Int {
        if closeParenFrom <= k, closeParenAt >= k { return closeParenAt }
        var j = k
        while j < b.count, b[j] != ASCII.closeParen { j += 1 }
        closeParenFrom = k
        closeParenAt = j
        return j
    }

    /// Runs every scanner; returns what was found.
    static func scan(_ b: UnsafeBufferPointer<UInt8>) -> Found {
        var s = IdentifierScanner(b)
        // One cheap pass decides which scanners can find anything at all.
        var hasDOI = false
        var hasBracket = false
        var hasURL = false
        var hasPubMed = false
        var hasNote = false
        var hasDate = false
        var garbled = false
        let n = b.count
        var i = 0
        while i + 2 < n {
            let c = b[i]
            switch c {
            case UInt8(ascii: "1"): if b[i + 1] == UInt8(ascii: "0"), b[i + 2] == ASCII.period { hasDOI = true }
            case ASCII.openBracket: hasBracket = true
            case ASCII.slash: if b[i + 1] == ASCII.slash { hasURL = true }
            case UInt8(ascii: "W"), UInt8(ascii: "w"): if b[i + 1] | ASCII.caseBit == UInt8(ascii: "w") { hasURL = true }
            case ASCII.openParen:
                let c1 = b[i + 1] | ASCII.caseBit
                if c1 == UInt8(ascii: "o") || c1 == UInt8(ascii: "e") || c1 == UInt8(ascii: "p") || c1 == UInt8(ascii: "f") || c1 == ASCII.space { hasNote = true }
            case UInt8(ascii: "P"), UInt8(ascii: "p"):
                let c1 = b[i + 1] | ASCII.caseBit
                if c1 == UInt8(ascii: "m") { hasPubMed = true }
                if c1 == UInt8(ascii: "u") {
                    hasPubMed = true
                    if b[i + 2] | ASCII.caseBit == UInt8(ascii: "b") { hasNote = true }
                }
            case UInt8(ascii: "E"), UInt8(ascii: "e"):
                let c1 = b[i + 1] | ASCII.caseBit
                if c1 == UInt8(ascii: "p") || c1 == ASCII.hyphen || (c1 == UInt8(ascii: "r") && b[i + 2] | ASCII.caseBit == UInt8(ascii: "r")) { hasNote = true }
            case UInt8(ascii: "R"), UInt8(ascii: "r"): if b[i + 1] | ASCII.caseBit == UInt8(ascii: "e"), b[i + 2] | ASCII.caseBit == UInt8(ascii: "t") { hasNote = true }
            case UInt8(ascii: "A"), UInt8(ascii: "a"): if b[i + 1] | ASCII.caseBit == UInt8(ascii: "c"), b[i + 2] | ASCII.caseBit == UInt8(ascii: "c") { hasNote = true }
            case UInt8(ascii: "I"), UInt8(ascii: "i"):
                if b[i + 1] | ASCII.caseBit == UInt8(ascii: "n"), b[i + 2] == ASCII.space, i + 3 < n, b[i + 3] | ASCII.caseBit == UInt8(ascii: "p") { hasNote = true }
            case UInt8(ascii: "C"), UInt8(ascii: "c"): if b[i + 1] | ASCII.caseBit == UInt8(ascii: "o"), b[i + 2] | ASCII.caseBit == UInt8(ascii: "m") { hasNote = true }
            case UInt8(ascii: "F"), UInt8(ascii: "f"): if b[i + 1] | ASCII.caseBit == UInt8(ascii: "i"), b[i + 2] | ASCII.caseBit == UInt8(ascii: "r") { hasNote = true }
            case 0xEF: if b[i + 1] == 0xBF, b[i + 2] == 0xBD { garbled = true }
            case 0xC3: if Tokenizer.isMojibakeReplacement(b, i) { garbled = true }
            case ASCII.period:  // `14.08.2020`, `3.3.20` (not `10.1001/…`)
                if i > 0, ByteText.isDigit(b[i - 1]), !(i >= 3 && ByteText.isDigit(b[i - 3])), ByteText.isDigit(b[i + 1]),
                    b[i + 2] == ASCII.period || (ByteText.isDigit(b[i + 2]) && i + 3 < n && b[i + 3] == ASCII.period)
                {
                    hasDate = true
                }
            case ASCII.hyphen:  // `2017-07-28`, `June-19-2017`
                if i >= 3, ByteText.isDigit(b[i + 1]), ByteText.isDigit(b[i - 1]) || ByteText.isASCIILetter(b[i - 1]),
                    i + 4 < n, b[i + 3] == ASCII.hyphen || b[i + 2] == ASCII.hyphen
                {
                    hasDate = true
                }
            default: break
            }
            i += 1
        }
        if garbled { s.scanGarbled() }
        if hasDOI { s.scanDOI() }
        if hasURL { s.scanURL() }
        if hasPubMed { s.scanPubMedIDs() }
        if hasBracket { s.scanBrackets() }
        if hasDate { s.scanDates() }
        if hasNote { s.scanNotes() }
        // Sort, then merge overlaps.
        var merged: [Range<Int>] = []
        s.found.claimed.sort { $0.lowerBound < $1.lowerBound }
        for r in s.found.claimed {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        s.found.claimed = merged
        return s.found
    }

    /// Garbled characters (U+FFFD, `ï¿½`), in order.
    private mutating func scanGarbled() {
        var i = 0
        while i + 2 < b.count {
            if b[i] == 0xEF, b[i + 1] == 0xBF, b[i + 2] == 0xBD {
                found.garbled.append(i..<(i + 3))
                i += 3
                continue
            }
            if b[i] == 0xC3, Tokenizer.isMojibakeReplacement(b, i) {
                found.garbled.append(i..<(i + 6))
                i += 6
                continue
            }
            i += 1
        }
    }

    /// End of a whitespace-delimited run starting at `i`, trimmed of trailing punctuation and unbalanced brackets.
    private func identifierEnd(from i: Int) -> Int {
        var j = i
        while j < b.count, !ByteText.isSpace(b[j]), b[j] != ASCII.doubleQuote, b[j] != ASCII.lessThan, b[j] != ASCII.greaterThan {
            if b[j] == 0xC2, j + 1 < b.count, b[j + 1] == 0xA0 { break }
            if b[j] == 0xE2, j + 2 < b.count, b[j + 1] == 0x80, (0x9C...0x9D).contains(b[j + 2]) { break }
            j += 1
        }
        // Bracket counts of the run, kept up to date while trimming (recounting per trimmed byte was quadratic).
        var parens = 0
        var brackets = 0
        for k in i..<j {
            switch b[k] {
            case ASCII.openParen: parens += 1
            case ASCII.closeParen: parens -= 1
            case ASCII.openBracket: brackets += 1
            case ASCII.closeBracket: brackets -= 1
            default: break
            }
        }
        while j > i {
            let c = b[j - 1]
            if c == ASCII.period || c == ASCII.comma || c == ASCII.semicolon || c == ASCII.colon || c == ASCII.apostrophe {
                j -= 1
                continue
            }
            if c == ASCII.closeParen, parens < 0 {
                parens += 1
                j -= 1
                continue
            }
            if c == ASCII.closeBracket, brackets < 0 {
                brackets += 1
                j -= 1
                continue
            }
            break
        }
        return j
    }

    /// Start of a label (`doi:`, `https://doi.org/`, …) written just before `i`, or `i`.
    private func labelStart(before i: Int, labels: [StaticString]) -> Int {
        var j = i
        while j > 0, ByteText.isSpace(b[j - 1]) { j -= 1 }
        for label in labels {
            let n = label.utf8CodeUnitCount
            if j - n >= 0, ByteText.matches(b, j - n, label), j - n == 0 || !ByteText.isASCIILetter(b[j - n - 1]) {
                var k = j - n
                // `https://doi.org/` may itself follow `doi:` or `Available from:`.
                if label.utf8CodeUnitCount > 8 { k = labelStart(before: k, labels: ["doi:", "available from:", "available at:"]) }
                return k
            }
        }
        return i
    }

    private mutating func scanDOI() {
        var i = 0
        let n = b.count
        while i + 7 < n {
            if b[i] == UInt8(ascii: "1"), b[i + 1] == UInt8(ascii: "0"), b[i + 2] == ASCII.period, i == 0 || !ByteText.isAlnum(b[i - 1]) {
                var j = i + 3
                while j < n, ByteText.isDigit(b[j]) { j += 1 }
                // Registrant codes have four or more digits, possibly with sub-divisions (10.1000.10/…).
                while j < n, b[j] == ASCII.period, j + 1 < n, ByteText.isDigit(b[j + 1]) {
                    j += 1
                    while j < n, ByteText.isDigit(b[j]) { j += 1 }
                }
                if j - (i + 3) >= 4, j < n, b[j] == ASCII.slash, j + 1 < n, !ByteText.isSpace(b[j + 1]), !isClaimed(i) {
                    var end = doiEnd(from: i, slash: j)
                    // `10.1158/1940 6207.CAPR-14-0362`: a space inside the DOI (an ISSN's hyphen lost).
                    if found.doi == nil, let broken = brokenDOI(i, slash: j, end: end) {
                        found.malformedDOI = i..<broken.end
                        found.doiSuggestion = broken.suggestion
                        let start = labelStart(
                            before: i,
                            labels: [
                                "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                                "doi.org/", "dx.doi.org/", "doi:", "doi", "doi.",
                            ])
                        found.doiWhole = start..<broken.end
                        claim(start..<broken.end)
                        i = broken.end
                        continue
                    }
                    if end <= j + 1 { end = identifierEnd(from: i) }
                    if end > j + 1 {
                        let start = labelStart(
                            before: i,
                            labels: [
                                "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/",
                                "doi.org/", "dx.doi.org/", "doi:", "doi", "doi.",
                            ])
                        if found.doi == nil {
                            found.doi = i..<end
                            found.doiWhole = start..<end
                        }
                        claim(parenthesised(start..<end))
                        // PubMed-derived lists print the PMID bare after the DOI: `doi: 10.1/x 12345678`.
                        var k = end
                        while k < n, ByteText.isSpace(b[k]) { k += 1 }
                        let ds = k
                        while k < n, ByteText.isDigit(b[k]) { k += 1 }
                        var e = k
                        while e < n, b[e] == ASCII.period || ByteText.isSpace(b[e]) { e += 1 }
                        if ds > end, k - ds >= 6, k - ds <= 8, e == n, found.pmid == nil {
                            found.pmid = ds..<k
                            found.pmidWhole = ds..<k
                            claim(ds..<k)
                        }
                        i = end
                        continue
                    }
                }
                // No DOI starts inside the digits and dots just read either (they end at the same byte, with a
                // shorter registrant), so skip them: `10.10.10.…` stays linear.
                i = max(i + 1, j)
                continue
            }
            i += 1
        }
    }

    /// `r` widened to the parentheses around it (`Title (https://doi.org/10.1/x)`, as readers print a link's target),
    /// so that no bracket of it is left in the title.
    private func parenthesised(_ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound
        while a > 0, b[a - 1] == ASCII.space { a -= 1 }
        guard a > 0, b[a - 1] == ASCII.openParen, r.upperBound < b.count, b[r.upperBound] == ASCII.closeParen else { return r }
        return (a - 1)..<(r.upperBound + 1)
    }

    /// Words that follow a DOI glued on by a lost space: `10.7717/peerj.1605.PubMed PMID: …`.
    private func gluedWord(at k: Int) -> Bool {
        ByteText.matches(b, k, "pubmed") || ByteText.matches(b, k, "pmid") || ByteText.matches(b, k, "pmcid")
            || ByteText.matches(b, k, "epub") || ByteText.matches(b, k, "http") || ByteText.matches(b, k, "available")
            || ByteText.matches(b, k, "accessed") || ByteText.matches(b, k, "retrieved") || ByteText.matches(b, k, "published")
            || ByteText.matches(b, k, "erratum") || ByteText.matches(b, k, "ecollection")
    }

    /// End of the DOI starting at `i` (its prefix's `/` at `slash`): the whitespace-delimited run, cut before a word
    /// glued on after a period, and, inside a URL, before the query or fragment and a trailing `/full`, `/abstract`,
    /// `/pdf`, `.pdf` (`…/doi/full/10.1002/x.1/abstract`).
    private func doiEnd(from i: Int, slash: Int) -> Int {
        var end = identifierEnd(from: i)
        var k = slash + 1
        while k < end {
            if b[k] == ASCII.period, k + 1 < end, ByteText.isASCIILetter(b[k + 1]), gluedWord(at: k + 1) {
                end = k
                break
            }
            k += 1
        }
        let inURL = i > 0 && (b[i - 1] == ASCII.slash || b[i - 1] == ASCII.equals)
        guard inURL, !(i >= 8 && ByteText.matches(b, i - 8, "doi.org/")) else { return end }
        k = slash + 1
        while k < end {
            if b[k] == ASCII.question || b[k] == ASCII.hash || b[k] == ASCII.ampersand {
                end = k
                break
            }
            k += 1
        }
        for tail: StaticString in ["/full", "/abstract", "/pdf", "/epdf", "/fulltext", "/html", ".pdf", "/meta", "/"] {
            let m = tail.utf8CodeUnitCount
            if end - m > slash + 1, ByteText.matches(b, end - m, tail) { end -= m }
        }
        return end
    }

    /// `10.1158/1940 6207.CAPR-14-0362`: a DOI whose suffix is a short number followed, after one space, by a run
    /// that starts with a digit. Returns the end of the whole and the likely intended DOI (an ISSN's hyphen restored
    /// when both halves have four digits, else the space removed).
    private func brokenDOI(_ i: Int, slash: Int, end: Int) -> (end: Int, suggestion: String)? {
        let n = b.count
        let suffix = (slash + 1)..<end
        guard !suffix.isEmpty, suffix.count <= 5, suffix.allSatisfy({ ByteText.isDigit(b[$0]) }), end + 1 < n, b[end] == ASCII.space,
            ByteText.isDigit(b[end + 1])
        else { return nil }
        let rest = identifierEnd(from: end + 1)
        guard rest - (end + 1) >= 4 else { return nil }
        var k = end + 1
        while k < rest, ByteText.isDigit(b[k]) { k += 1 }
        // The second half must go on past its digits (`6207.CAPR-14-0362`), or this is a DOI and a page or PMID.
        guard k < rest, b[k] == ASCII.period || b[k] == ASCII.hyphen || ByteText.isASCIILetter(b[k]) else { return nil }
        let joiner = suffix.count == 4 && k - (end + 1) == 4 ? "-" : ""
        let suggestion = ByteText.string(b, i..<end) + joiner + ByteText.string(b, (end + 1)..<rest)
        return (rest, suggestion)
    }

    /// PubMed and PMC identifiers written only inside a link: `/pubmed/12345`, `pubmed.ncbi.nlm.nih.gov/12345`,
    /// `list_uids=12345`, `europepmc.org/article/MED/12345`, `/pmc/articles/PMC1234567`.
    private mutating func identifiersInURL(_ r: Range<Int>) {
        var k = r.lowerBound
        while k < r.upperBound {
            let c = b[k] | ASCII.caseBit
            if c == UInt8(ascii: "p") || c == UInt8(ascii: "l") || c == UInt8(ascii: "m") {
                var ds = -1
                if ByteText.matches(b, k, "pubmed/") {
                    ds = k + 7
                } else if ByteText.matches(b, k, "pubmed.ncbi.nlm.nih.gov/") {
                    ds = k + 24
                } else if ByteText.matches(b, k, "list_uids=") {
                    ds = k + 10
                } else if ByteText.matches(b, k, "med/"), k > 0, b[k - 1] == ASCII.slash {
                    ds = k + 4
                }
                if ds > 0, found.pmid == nil {
                    var e = ds
                    while e < r.upperBound, ByteText.isDigit(b[e]) { e += 1 }
                    if e - ds >= 1, e - ds <= 9, e == r.upperBound || !ByteText.isAlnum(b[e]) {
                        found.pmid = ds..<e
                        found.pmidWhole = ds..<e
                    }
                }
                if ByteText.matches(b, k, "pmc"), k > 0, b[k - 1] == ASCII.slash, found.pmcid == nil {
                    var e = k + 3
                    while e < r.upperBound, ByteText.isDigit(b[e]) { e += 1 }
                    if e - (k + 3) >= 4, e == r.upperBound || !ByteText.isAlnum(b[e]) {
                        found.pmcid = k..<e
                        found.pmcidWhole = k..<e
                    }
                }
            }
            k += 1
        }
    }

    private mutating func scanURL() {
        var i = 0
        let n = b.count
        while i + 4 < n {
            let c0 = b[i] | ASCII.caseBit
            let c1 = b[i + 1] | ASCII.caseBit
            if (c0 == UInt8(ascii: "h") && c1 == UInt8(ascii: "t")) || (c0 == UInt8(ascii: "w") && c1 == UInt8(ascii: "w")), i == 0 || !ByteText.isAlnum(b[i - 1]),
                ByteText.matches(b, i, "http://") || ByteText.matches(b, i, "https://") || ByteText.matches(b, i, "www."),
                !isClaimed(i)
            {
                let end = identifierEnd(from: i)
                let start = labelStart(
                    before: i,
                    labels: [
                        "available from:", "available at:", "available from", "available at", "url:", "retrieved from", "from:",
                        "disponible en:", "disponible en", "abrufbar unter:", "online unter:", "verf\u{FC}gbar unter:", "online:", "from",
                    ])
                if found.url == nil {
                    found.url = i..<end
                    found.urlWhole = start..<end
                }
                identifiersInURL(i..<end)
                claim(parenthesised(start..<end))
                i = end
                continue
            }
            i += 1
        }
    }

    private mutating func scanPubMedIDs() {
        var i = 0
        let n = b.count
        while i + 4 < n {
            let c1 = b[i + 1] | ASCII.caseBit
            if b[i] | ASCII.caseBit == UInt8(ascii: "p"), c1 == UInt8(ascii: "m") || c1 == UInt8(ascii: "u"), i == 0 || !ByteText.isAlnum(b[i - 1]), !isClaimed(i) {
                if ByteText.matches(b, i, "pmcid") || ByteText.matches(b, i, "pmc") {
                    let j = i + (ByteText.matches(b, i, "pmcid") ? 5 : 3)
                    var k = j
                    while k < n, b[k] == ASCII.colon || ByteText.isSpace(b[k]) { k += 1 }
                    if ByteText.matches(b, k, "pmc") { k += 3 }
                    let ds = k
                    while k < n, ByteText.isDigit(b[k]) { k += 1 }
                    if k - ds >= 4, k == n || !ByteText.isAlnum(b[k]), j == i + 5 || ds == i + 3 {
                        if found.pmcid == nil {
                            found.pmcid = (ds - 3)..<k
                            found.pmcidWhole = i..<k
                        }
                        claim(i..<k)
                        i = k
                        continue
                    }
                }
                if ByteText.matches(b, i, "pmid") || ByteText.matches(b, i, "pubmed:") || ByteText.matches(b, i, "pubmed pmid") {
                    var k = i + (ByteText.matches(b, i, "pmid") ? 4 : ByteText.matches(b, i, "pubmed:") ? 7 : 11)
                    while k < n, b[k] == ASCII.colon || ByteText.isSpace(b[k]) { k += 1 }
                    let ds = k
                    while k < n, ByteText.isDigit(b[k]) { k += 1 }
                    if k > ds, k - ds <= 9 {
                        if found.pmid == nil {
                            found.pmid = ds..<k
                            found.pmidWhole = i..<k
                        }
                        claim(i..<k)
                        i = k
                        continue
                    }
                }
            }
            i += 1
        }
    }

    private static func classify(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> ReferenceNote.Kind {
        var i = r.lowerBound
        while i < r.upperBound {
            if ByteText.matchesWord(b, i, "ahead of print") { return .epubAheadOfPrint }
            i += 1
        }
        i = r.lowerBound
        while i < r.upperBound {
            if ByteText.matchesWord(b, i, "correction") || ByteText.matchesWord(b, i, "erratum") { return .correction }
            if ByteText.matchesWord(b, i, "retract") { return .retraction }
            if ByteText.matchesWord(b, i, "ahead of print") { return .epubAheadOfPrint }
            if ByteText.matchesWord(b, i, "epub") || ByteText.matchesWord(b, i, "online") { return .epub }
            i += 1
        }
        return .other
    }

    private mutating func addNote(_ kind: ReferenceNote.Kind, text: Range<Int>, whole: Range<Int>) {
        found.notes.append((kind, text, whole))
        claim(whole)
        if kind == .epub, found.epubYear == nil { found.epubYear = ByteText.firstYear(b, text) }
    }

    /// `[published correction appears in …]`, `[Epub ahead of print]`, `[Internet]`, `[cited 2020 Jan 1]`.
    private mutating func scanBrackets() {
        let n = b.count
        // The `]` that closes each `[` (nesting counted), found in one pass: scanning forward from every unclosed
        // `[` was quadratic.
        var closing: [Int: Int] = [:]
        var open: [Int] = []
        for k in 0..<n {
            if b[k] == ASCII.openBracket { open.append(k) } else if b[k] == ASCII.closeBracket, let start = open.popLast() { closing[start] = k }
        }
        var i = 0
        while i < n {
            if b[i] == ASCII.openBracket, !isClaimed(i) {
                let j = closing[i] ?? n
                if j < n {
                    let text = (i + 1)..<j
                    addNote(Self.classify(b, text), text: text, whole: i..<(j + 1))
                    i = j + 1
                    continue
                }
            }
            i += 1
        }
    }

    /// End of a run-on note: the first `.` followed by a space and a non-digit (or the end), inclusive.
    private func sentenceEnd(from i: Int) -> Int {
        var j = i
        let n = b.count
        while j < n {
            if b[j] == ASCII.period {
                var k = j + 1
                while k < n, ByteText.isSpace(b[k]) { k += 1 }
                if k == n || (k > j + 1 && !ByteText.isDigit(b[k])) { return j + 1 }
            }
            if b[j] == ASCII.semicolon { return j }
            j += 1
        }
        return n
    }

    /// The end of a numeric date starting at `i` (`14.08.2020`, `3.3.20`, `2017-07-28`, `June-19-2017`) and its year
    /// (nil for a two-digit one), or nil when none starts there.
    private func date(at i: Int) -> (end: Int, year: Int?)? {
        let n = b.count
        func digits(_ k: Int, _ most: Int) -> Int {
            var j = k
            while j < n, j - k < most, ByteText.isDigit(b[j]) { j += 1 }
            return j - k
        }
        func free(_ k: Int) -> Bool { k >= n || !(ByteText.isAlnum(b[k]) || (b[k] == ASCII.period && k + 1 < n && ByteText.isDigit(b[k + 1]))) }
        if ByteText.isDigit(b[i]) {
            let d1 = digits(i, 5)
            if d1 >= 1, d1 <= 2, i + d1 < n, b[i + d1] == ASCII.period {
                let m = i + d1 + 1
                let d2 = digits(m, 3)
                if d2 >= 1, d2 <= 2, m + d2 < n, b[m + d2] == ASCII.period {
                    let y = m + d2 + 1
                    let d3 = digits(y, 5)
                    if d3 == 4 || d3 == 2, free(y + d3) {
                        return (timeEnd(after: y + d3), d3 == 4 ? ByteText.int(b, y..<(y + 4)) : nil)
                    }
                }
            }
            if d1 == 4, i + 4 < n, b[i + 4] == ASCII.hyphen, digits(i + 5, 3) == 2, i + 7 < n, b[i + 7] == ASCII.hyphen, digits(i + 8, 3) == 2, free(i + 10) {
                return (i + 10, ByteText.int(b, i..<(i + 4)))
            }
            return nil
        }
        // `June-19-2017`
        var k = i
        while k < n, ByteText.isASCIILetter(b[k]), k - i < 10 { k += 1 }
        guard k > i + 2, k < n, b[k] == ASCII.hyphen else { return nil }
        let word = String(decoding: UnsafeBufferPointer(rebasing: b[i..<k]), as: UTF8.self)
        guard Lexicon.isMonth(Substring(word)) else { return nil }
        let d = digits(k + 1, 3)
        guard d >= 1, d <= 2, k + 1 + d < n, b[k + 1 + d] == ASCII.hyphen, digits(k + 2 + d, 5) == 4, free(k + 6 + d) else { return nil }
        return (k + 6 + d, ByteText.int(b, (k + 2 + d)..<(k + 6 + d)))
    }

    /// After a date, a time of day (`, 13:46`, ` 21:42 Uhr`): where it ends, or `k`.
    private func timeEnd(after k: Int) -> Int {
        let n = b.count
        var j = k
        if j < n, b[j] == ASCII.comma { j += 1 }
        while j < n, b[j] == ASCII.space { j += 1 }
        let h = j
        while j < n, j - h < 3, ByteText.isDigit(b[j]) { j += 1 }
        guard j > h, j - h <= 2, j + 2 < n, b[j] == ASCII.colon, ByteText.isDigit(b[j + 1]), ByteText.isDigit(b[j + 2]) else { return k }
        j += 3
        if j + 3 < n, b[j] == ASCII.space, ByteText.matches(b, j + 1, "uhr") { j += 4 } else if ByteText.matches(b, j, "uhr") { j += 3 }
        return j
    }

    /// An access word (`accessed`, `retrieved`, `aufgerufen`, `abgerufen`, `zugegriffen`, `consultado`, `Stand`)
    /// starting within the few words before `i`: its start.
    private func accessWord(before i: Int) -> Int? {
        var k = i - 1
        let low = max(0, i - 32)
        while k >= low {
            if ByteText.isASCIILetter(b[k]), k == 0 || !ByteText.isAlnum(b[k - 1]) {
                if ByteText.matches(b, k, "accessed") || ByteText.matches(b, k, "retrieved") || ByteText.matches(b, k, "aufgerufen")
                    || ByteText.matches(b, k, "abgerufen") || ByteText.matches(b, k, "zugegriffen") || ByteText.matches(b, k, "consultado")
                    || ByteText.matches(b, k, "stand") || ByteText.matches(b, k, "zuletzt") || ByteText.matches(b, k, "last accessed")
                    || ByteText.matches(b, k, "visited") || ByteText.matches(b, k, "viewed") || ByteText.matches(b, k, "access")
                {
                    return k
                }
            }
            // Access notes do not run across another field.
            if b[k] == ASCII.closeParen || b[k] == ASCII.closeBracket || (b[k] == ASCII.period && k + 1 < b.count && ByteText.isSpace(b[k + 1])) { return nil }
            k -= 1
        }
        return nil
    }

    /// Numeric dates (`14.08.2020`, `2017-07-28`, `June-19-2017`): read by the source grammar they would give a volume
    /// and pages. After an access word they close an access note (`(aufgerufen am 14.08.2020)`, `Retrieved 2017-07-28`);
    /// otherwise the first one's year is kept as a publication date.
    private mutating func scanDates() {
        let n = b.count
        var i = 0
        while i < n {
            guard ByteText.isAlnum(b[i]), i == 0 || !ByteText.isAlnum(b[i - 1]), !isClaimed(i), let (end, year) = date(at: i) else {
                i += 1
                continue
            }
            if let a = accessWord(before: i), !isClaimed(a) {
                var start = a
                var stop = end
                // `(aufgerufen am 14.08.2020)`, `(Stand: 03.03.2021, aufgerufen am 29.03.2021)`
                var open = a - 1
                while open >= 0, ByteText.isSpace(b[open]) { open -= 1 }
                if open >= 0, b[open] == ASCII.openParen {
                    var close = end
                    while close < n, close - end < 40, b[close] != ASCII.closeParen, b[close] != ASCII.openParen { close += 1 }
                    if close < n, b[close] == ASCII.closeParen {
                        start = open
                        stop = close + 1
                    }
                }
                addNote(.other, text: a..<(stop > end ? stop - 1 : end), whole: start..<stop)
                i = stop
                continue
            }
            var start = i
            var stop = end
            if i > 0, b[i - 1] == ASCII.openParen, end < n, b[end] == ASCII.closeParen {
                start = i - 1
                stop = end + 1
            }
            if found.date == nil, let year, (1500...2099).contains(year) {
                found.dateYear = year
                found.date = i..<end
            } else {
                addNote(.other, text: i..<end, whole: start..<stop)
            }
            claim(start..<stop)
            i = stop
        }
    }

    /// `(online 2017)`, `Epub 2019 Sep 17.`, `Epub ahead of print.`, `Published online March 3, 2017.`, `Erratum in: …`.
    private mutating func scanNotes() {
        var i = 0
        let n = b.count
        while i < n {
            let c = b[i] | ASCII.caseBit
            // Cheap look at the next two letters before any full comparison.
            let c1 = i + 1 < n ? b[i + 1] | ASCII.caseBit : 0
            let c2 = i + 2 < n ? b[i + 2] | ASCII.caseBit : 0
            let candidate: Bool
            switch c {
            case ASCII.openParen: candidate = true
            case UInt8(ascii: "e"):  // epub, e-pub, erratum
                candidate = (c1 == UInt8(ascii: "p") && c2 == UInt8(ascii: "u")) || c1 == ASCII.hyphen || (c1 == UInt8(ascii: "r") && c2 == UInt8(ascii: "r"))
            case UInt8(ascii: "p"): candidate = c1 == UInt8(ascii: "u") && c2 == UInt8(ascii: "b")  // published
            case UInt8(ascii: "r"): candidate = c1 == UInt8(ascii: "e") && c2 == UInt8(ascii: "t")  // retract
            case UInt8(ascii: "a"): candidate = c1 == UInt8(ascii: "c") && c2 == UInt8(ascii: "c")  // accessed
            case UInt8(ascii: "i"): candidate = c1 == UInt8(ascii: "n") && c2 == ASCII.space  // in press
            case UInt8(ascii: "c"): candidate = c1 == UInt8(ascii: "o") && c2 == UInt8(ascii: "m")  // comment in
            case UInt8(ascii: "f"): candidate = c1 == UInt8(ascii: "i") && c2 == UInt8(ascii: "r")  // first published online
            default: candidate = false
            }
            guard candidate, !isClaimed(i) else {
                i += 1
                continue
            }
            if b[i] == ASCII.openParen {
                // Parenthesised note: `(online 2017)`, `(Epub 2017 Jan 3)`, `(published online …)`.
                var k = i + 1
                while k < n, ByteText.isSpace(b[k]) { k += 1 }
                if ByteText.matches(b, k, "online") || ByteText.matches(b, k, "epub") || ByteText.matches(b, k, "published online")
                    || ByteText.matches(b, k, "e-pub") || ByteText.matches(b, k, "first published")
                {
                    let j = firstCloseParen(from: k)
                    if j < n {
                        let kind: ReferenceNote.Kind = ByteText.matches(b, k, "epub ahead") ? .epubAheadOfPrint : .epub
                        addNote(kind, text: k..<j, whole: i..<(j + 1))
                        i = j + 1
                        continue
                    }
                }
                i += 1
                continue
            }
            guard i == 0 || !ByteText.isAlnum(b[i - 1]) else {
                i += 1
                continue
            }
            var kind: ReferenceNote.Kind?
            if ByteText.matches(b, i, "epub ahead of print") {
                kind = .epubAheadOfPrint
            } else if ByteText.matches(b, i, "epub ") || ByteText.matches(b, i, "published online") || ByteText.matches(b, i, "e-pub ")
                || ByteText.matches(b, i, "first published online")
            {
                kind = .epub
            } else if ByteText.matches(b, i, "erratum in") || ByteText.matches(b, i, "comment in:") {
                kind = .correction
            } else if ByteText.matches(b, i, "retraction in") || ByteText.matches(b, i, "retracted") {
                kind = .retraction
            } else if ByteText.matches(b, i, "accessed ") || ByteText.matches(b, i, "accessed:") {
                kind = .other
            } else if ByteText.matches(b, i, "in press"), i + 8 == n || !ByteText.isAlnum(b[i + 8]) {
                kind = .other
            }
            if let kind {
                let end: Int
                if kind == .correction || kind == .retraction {
                    end = n
                } else {
                    end = sentenceEnd(from: i)
                }
                var textEnd = end
                while textEnd > i, b[textEnd - 1] == ASCII.period || ByteText.isSpace(b[textEnd - 1]) { textEnd -= 1 }
                addNote(kind, text: i..<textEnd, whole: i..<end)
                i = end
                continue
            }
            i += 1
        }
    }
}
