/// Author-year citations: `(Feder et al., 2014)`, `(Duman, 2014; Krystal et al., 2019)`,
/// `(see Feder & Charney, 2014a)`, and the narrative `Feder and Charney (2014)`, `Taylor and colleagues (2018)`.
extension BlockScan {
    /// Leading words of a parenthetical part that are not names: `see`, `see also`, `e.g.,`, `cf.`.
    private static let prefixWords: Set<String> = [
        "see", "also", "e", "g", "eg", "i", "ie", "cf", "for", "example", "reviewed", "in", "review", "as", "discussed",
        "by", "and", "but", "compare", "reported", "described", "but", "especially", "notably", "including",
    ]

    /// One name group read from tokens: the family name as written and its token range.
    struct NameGroup {
        var name: String
        var range: Range<Int>
    }

    /// Reads `(…)` as author-year citations, one per work. False (nothing added) unless every part is one.
    mutating func parentheticalAuthorYear(_ tokens: [TextToken], paren: Range<Int>) -> Bool {
        var parts: [[TextToken]] = [[]]
        for t in tokens {
            if t.kind == .punct, t.text == ";" { parts.append([]) } else { parts[parts.count - 1].append(t) }
        }
        var found: [(range: Range<Int>, claims: CitationClaims)] = []
        var previous: (names: [NameGroup], etAl: Bool)?
        for part in parts {
            var k = 0
            while k < part.count,
                part[k].kind == .punct
                    || (part[k].kind == .word && !part[k].isCapitalized
                        && BlockScan.prefixWords.contains(part[k].lower) && !CitationVocabulary.particles.contains(part[k].lower))
            {
                k += 1
            }
            guard let yearIndex = part[k...].firstIndex(where: { $0.kind == .number }), part[yearIndex].year != nil else { return false }
            let authorTokens = Array(part[k..<yearIndex])
            var names: [NameGroup]
            var etAl: Bool
            if authorTokens.isEmpty || authorTokens.allSatisfy({ $0.kind == .punct }) {
                guard let previous else { return false }
                (names, etAl) = previous
            } else {
                guard let read = BlockScan.names(authorTokens, allowAllCaps: true) else { return false }
                (names, etAl) = read
            }
            previous = (names, etAl)
            // The years: `2014`, `2014a`, `2014, 2016`; after them `, p. 5` and the like may follow.
            var m = yearIndex
            var years: [TextToken] = []
            while m < part.count, part[m].year != nil {
                years.append(part[m])
                if m + 2 < part.count, part[m + 1].text == ",", part[m + 2].year != nil {
                    m += 2
                } else {
                    m += 1
                    break
                }
            }
            if m < part.count, part[m].text != "," { return false }
            let first = authorTokens.first { $0.kind == .word }?.range.lowerBound ?? years[0].range.lowerBound
            for (y, year) in years.enumerated() {
                guard let (value, suffix) = year.year else { continue }
                var claims = CitationClaims(year: claim(value, year.range), yearSuffix: suffix, etAl: etAl)
                claims.authors = names.map { claim($0.name, $0.range) }
                let start = y == 0 ? first : year.range.lowerBound
                let end = years.count == 1 ? (part.last?.range.upperBound ?? year.range.upperBound) : year.range.upperBound
                found.append((start..<max(start, end), claims))
            }
        }
        guard !found.isEmpty else { return false }
        for item in found { add(.authorYear(parenthetical: true), item.range, claims: item.claims) }
        covered.append(paren)
        return true
    }

    /// Reads `Feder et al. (2014)`, `Feder and Charney (2014)`, `Taylor and colleagues (2018)`, `Duman (2014)`:
    /// names just before a parenthesis holding only years.
    mutating func narrativeAuthorYear(_ yearTokens: [TextToken], paren: Range<Int>) -> Bool {
        let sentenceStart = sentences.starts[sentences.sentence(at: paren.lowerBound)]
        let lookStart = max(sentenceStart, paren.lowerBound - 200)
        var before = text.tokens(in: lookStart..<paren.lowerBound)
        // Drop a partial first token when the window cut into a word.
        if lookStart > sentenceStart, !before.isEmpty { before.removeFirst() }
        guard let read = BlockScan.namesBackward(before) else { return false }
        let years = yearTokens.filter { $0.year != nil }
        guard !years.isEmpty else { return false }
        for (y, year) in years.enumerated() {
            guard let (value, suffix) = year.year else { continue }
            var claims = CitationClaims(year: claim(value, year.range), yearSuffix: suffix, etAl: read.etAl)
            claims.authors = read.names.map { claim($0.name, $0.range) }
            let start = y == 0 ? read.start : year.range.lowerBound
            let end = y == years.count - 1 ? paren.upperBound : year.range.upperBound
            add(.authorYear(parenthetical: false), start..<end, claims: claims)
        }
        covered.append(read.start..<paren.upperBound)
        return true
    }

    /// Names in author tokens of a parenthetical: `Feder et al.`, `Feder & Charney`, `van der Berg et al.`,
    /// `Feder, Parides, and Charney`, `WHO`. Nil when a token is not part of a name list.
    static func names(_ tokens: [TextToken], allowAllCaps: Bool) -> (names: [NameGroup], etAl: Bool)? {
        var groups: [NameGroup] = []
        var etAl = false
        var current: [TextToken] = []
        func close() -> Bool {
            guard !current.isEmpty else { return true }
            // Drop trailing initials: `Feder A`, `Feder AB`.
            while current.count > 1, let last = current.last, last.isAllCaps || last.text.count == 1, last.text.count <= 3,
                current.contains(where: { $0.isCapitalized && !$0.isAllCaps })
            {
                current.removeLast()
            }
            guard current.contains(where: { $0.isCapitalized }), let first = current.first, let last = current.last else { return false }
            groups.append(NameGroup(name: current.map(\.text).joined(separator: " "), range: first.range.lowerBound..<last.range.upperBound))
            current = []
            return true
        }
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            let lower = t.lower
            if t.kind == .punct {
                if t.text == "," || t.text == "&" {
                    guard close() else { return nil }
                } else if t.text == ".", k > 0, tokens[k - 1].lower == "al" || tokens[k - 1].text.count == 1 {
                } else {
                    return nil
                }
            } else if t.kind == .number {
                return nil
            } else if lower == "et", k + 1 < tokens.count, tokens[k + 1].lower == "al" {
                guard close() else { return nil }
                etAl = true
                k += 1
            } else if lower == "and" {
                guard close() else { return nil }
                if k + 1 < tokens.count, CitationVocabulary.colleagueWords.contains(tokens[k + 1].lower) {
                    etAl = true
                    k += 1
                }
            } else if etAl {
                return nil
            } else if t.isCapitalized {
                if t.isAllCaps && !allowAllCaps && t.text.count > 1 { return nil }
                current.append(t)
            } else if CitationVocabulary.particles.contains(lower) {
                current.append(t)
            } else {
                return nil
            }
            k += 1
        }
        guard close(), !groups.isEmpty else { return nil }
        // `(Figure 2, 2019)`, `(Cochrane Review, 2019)`, `(Updated March, 2019)`: not authors.
        if groups.contains(where: { $0.name.split(separator: " ").contains { CitationVocabulary.notNames.contains($0.lowercased()) } }) { return nil }
        return (groups, etAl)
    }

    /// Names read backwards from the end of `tokens`: the narrative author list before `(2014)`.
    static func namesBackward(_ tokens: [TextToken]) -> (names: [NameGroup], etAl: Bool, start: Int)? {
        var k = tokens.count - 1
        var etAl = false
        // `et al.` / `et al` / `and colleagues`
        if k >= 0, tokens[k].text == ".", k >= 2, tokens[k - 1].lower == "al", tokens[k - 2].lower == "et" {
            etAl = true
            k -= 3
        } else if k >= 1, tokens[k].lower == "al", tokens[k - 1].lower == "et" {
            etAl = true
            k -= 2
        } else if k >= 1, CitationVocabulary.colleagueWords.contains(tokens[k].lower),
            tokens[k - 1].lower == "and" || tokens[k - 1].text == "&"
        {
            etAl = true
            k -= 2
            if k >= 0, ["his", "her", "their"].contains(tokens[k].lower) { return nil }
        }
        var groups: [NameGroup] = []
        while k >= 0 {
            // One name: a capitalised word with the particles before it.
            let t = tokens[k]
            guard t.kind == .word, t.isCapitalized, !t.isAllCaps, !CitationVocabulary.notNames.contains(t.lower) else { break }
            var start = k
            while start > 0, tokens[start - 1].kind == .word, CitationVocabulary.particles.contains(tokens[start - 1].lower) {
                start -= 1
            }
            let name = tokens[start...k].map(\.text).joined(separator: " ")
            groups.insert(NameGroup(name: name, range: tokens[start].range.lowerBound..<t.range.upperBound), at: 0)
            k = start - 1
            // A connector before it means another name: `Feder and Charney`, `Feder, Parides, and Charney`.
            var c = k
            if c >= 0, tokens[c].lower == "and" || tokens[c].text == "&" { c -= 1 }
            if c >= 0, tokens[c].text == "," { c -= 1 }
            guard c < k, c >= 0, tokens[c].kind == .word, tokens[c].isCapitalized, !tokens[c].isAllCaps,
                !CitationVocabulary.notNames.contains(tokens[c].lower), groups.count < 3
            else { break }
            // Only `,` alone joins names when the list goes on (`A, B, and C`); otherwise it is prose.
            if tokens[k].text == ",", groups.count == 1 { break }
            k = c
        }
        guard let first = groups.first else { return nil }
        return (groups, etAl, first.range.lowerBound)
    }
}
