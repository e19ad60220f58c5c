/// Narrative mentions: `a 2016 crossover study`, `in 2014, researchers…`, `published in JAMA Psychiatry`,
/// `in a JAMA Psychiatry study`, `researchers at Yale`, `Feder and colleagues found`.
/// Claims found in one sentence are gathered into one mention unless two claim the same thing.
extension BlockScan {
    private static let determiners: Set<String> = [
        "a", "an", "the", "one", "this", "that", "another", "their", "his", "her", "its", "landmark", "key", "large",
        "small", "recent", "pivotal", "seminal", "major", "separate", "subsequent", "later", "earlier", "first",
    ]
    private static let publishVerbs: Set<String> = ["published", "appeared", "reported", "appearing", "publishing", "printed"]
    private static let possessiveNouns: Set<String> = ["team", "group", "lab", "laboratory", "study", "trial", "research"]

    /// Longest stretch of a sentence scanned at once (keeps memory bounded on text without full stops).
    private static let chunk = 4000

    mutating func scanNarrative() {
        // Disjoint and sorted, so a binary search finds the first range a sentence may touch.
        covered.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for r in covered {
            if let last = merged.last, r.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                merged.append(r)
            }
        }
        covered = merged
        let count = text.count
        for s in 0..<sentences.starts.count {
            let range = sentences.range(of: s, count: count)
            var start = range.lowerBound
            while start < range.upperBound {
                var end = min(range.upperBound, start + BlockScan.chunk)
                if end < range.upperBound {
                    var back = end
                    while back > start + BlockScan.chunk / 4, !text.isSpace(at: back) { back -= 1 }
                    if back > start + BlockScan.chunk / 4 { end = back }
                }
                scanMentions(in: start..<end)
                start = end
            }
        }
    }

    /// Tokens of `range` outside citations already found.
    private func freeTokens(in range: Range<Int>) -> [TextToken] {
        let tokens = text.tokens(in: range)
        guard !covered.isEmpty else { return tokens }
        var low = 0
        var high = covered.count
        while low < high {
            let mid = (low + high) / 2
            if covered[mid].upperBound <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var c = max(0, low - 1)
        var out: [TextToken] = []
        out.reserveCapacity(tokens.count)
        for t in tokens {
            while c < covered.count, covered[c].upperBound <= t.range.lowerBound { c += 1 }
            if c < covered.count, covered[c].overlaps(t.range) { continue }
            out.append(t)
        }
        return out
    }

    /// A marker or author-year citation lies between the two offsets.
    func hasCitation(between a: Int, and b: Int) -> Bool {
        var low = 0
        var high = covered.count
        while low < high {
            let mid = (low + high) / 2
            if covered[mid].upperBound <= a { low = mid + 1 } else { high = mid }
        }
        return low < covered.count && covered[low].lowerBound < b && covered[low].lowerBound >= a
    }

    /// A capitalised phrase from token `m`: `JAMA Psychiatry`, `American Journal of Psychiatry`, `Mount Sinai`.
    private func phrase(_ tokens: [TextToken], from m: Int) -> (text: String, range: Range<Int>, end: Int)? {
        var k = m
        var last = -1
        while k < tokens.count, k - m < 12 {
            let t = tokens[k]
            if t.kind == .word, t.isCapitalized {
                last = k
            } else if (t.kind == .word && CitationVocabulary.nameConnectors.contains(t.lower)) || t.text == "&" {
                guard k + 1 < tokens.count, tokens[k + 1].isCapitalized else { break }
            } else {
                break
            }
            k += 1
        }
        guard last >= m else { return nil }
        let first = tokens[m]
        if CitationVocabulary.months.contains(first.lower) { return nil }
        if last == m, CitationVocabulary.notNames.contains(first.lower) { return nil }
        let range = first.range.lowerBound..<tokens[last].range.upperBound
        return (text.string(range), range, last + 1)
    }

    private mutating func scanMentions(in range: Range<Int>) {
        let tokens = freeTokens(in: range)
        var current: (range: Range<Int>, claims: CitationClaims)?

        func flush(_ scan: inout BlockScan) {
            if let m = current { scan.add(.mention, m.range, claims: m.claims) }
            current = nil
        }
        /// Adds a claim to the sentence's mention, or starts a new mention when the slot is taken.
        func note(_ scan: inout BlockScan, _ r: Range<Int>, taken: (CitationClaims) -> Bool, set: (inout CitationClaims) -> Void) {
            // A citation between two claims separates them: `a 2016 study [2] and a trial in JAMA Psychiatry [3]`.
            if let m = current, !taken(m.claims), !scan.hasCitation(between: m.range.upperBound, and: r.lowerBound) {
                var claims = m.claims
                set(&claims)
                current = (min(m.range.lowerBound, r.lowerBound)..<max(m.range.upperBound, r.upperBound), claims)
            } else {
                flush(&scan)
                var claims = CitationClaims()
                set(&claims)
                current = (r, claims)
            }
        }

        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            let lower = t.lower
            let next = k + 1 < tokens.count ? tokens[k + 1] : nil

            // `a 2016 crossover study`
            if let (year, _) = t.year, k > 0, BlockScan.determiners.contains(tokens[k - 1].lower) {
                var m = k + 1
                while m < tokens.count, m <= k + 5 {
                    let u = tokens[m]
                    if u.kind == .word, CitationVocabulary.studyNouns.contains(u.lower) {
                        let r = tokens[k - 1].range.lowerBound..<u.range.upperBound
                        let c = claim(year, t.range)
                        note(&self, r, taken: { $0.year != nil }, set: { $0.year = c })
                        k = m
                        break
                    }
                    if u.kind != .word, u.text != ",", u.text != "-" { break }
                    m += 1
                }
            }
            // `in 2014, researchers…`, `In 2014 a study…`
            else if lower == "in", let next, let (year, _) = next.year {
                var m = k + 2
                while m < tokens.count, m <= k + 5 {
                    let u = tokens[m]
                    if u.kind == .word, CitationVocabulary.researcherNouns.contains(u.lower) || CitationVocabulary.studyNouns.contains(u.lower) {
                        let r = t.range.lowerBound..<u.range.upperBound
                        let c = claim(year, next.range)
                        note(&self, r, taken: { $0.year != nil }, set: { $0.year = c })
                        k = m
                        break
                    }
                    guard u.text == "," || ["a", "an", "the", "two", "three", "several", "british", "american"].contains(u.lower) else { break }
                    m += 1
                }
            }
            // `published in JAMA Psychiatry`, `published in the American Journal of Psychiatry`, `published in 2016`
            else if BlockScan.publishVerbs.contains(lower) || (lower == "in" && next?.lower == "the" && k + 2 < tokens.count && tokens[k + 2].lower == "journal") {
                var m = k + (lower == "in" ? 1 : 2)
                if lower != "in" {
                    guard next?.lower == "in" else {
                        k += 1
                        continue
                    }
                }
                if m < tokens.count, tokens[m].lower == "the", !tokens[m].isCapitalized { m += 1 }
                if m < tokens.count, tokens[m].lower == "journal", !tokens[m].isCapitalized { m += 1 }
                if m < tokens.count, CitationVocabulary.months.contains(tokens[m].lower), m + 1 < tokens.count, tokens[m + 1].year != nil { m += 1 }
                if m < tokens.count, let (year, _) = tokens[m].year {
                    let r = t.range.lowerBound..<tokens[m].range.upperBound
                    let c = claim(year, tokens[m].range)
                    note(&self, r, taken: { $0.year != nil }, set: { $0.year = c })
                    k = m
                } else if let p = phrase(tokens, from: m) {
                    let r = t.range.lowerBound..<p.range.upperBound
                    let c = claim(p.text, p.range)
                    note(&self, r, taken: { $0.journal != nil }, set: { $0.journal = c })
                    k = p.end - 1
                }
            }
            // `in a JAMA Psychiatry study`
            else if lower == "in", let next, next.lower == "a" || next.lower == "an", let p = phrase(tokens, from: k + 2),
                p.end < tokens.count, CitationVocabulary.studyNouns.contains(tokens[p.end].lower)
            {
                let r = t.range.lowerBound..<tokens[p.end].range.upperBound
                let c = claim(p.text, p.range)
                note(&self, r, taken: { $0.journal != nil }, set: { $0.journal = c })
                k = p.end
            }
            // `researchers at Yale`, `a team from Mount Sinai`
            else if CitationVocabulary.researcherNouns.contains(lower), let next, next.lower == "at" || next.lower == "from" {
                var m = k + 2
                if m < tokens.count, tokens[m].lower == "the", !tokens[m].isCapitalized { m += 1 }
                if let p = phrase(tokens, from: m) {
                    let r = t.range.lowerBound..<p.range.upperBound
                    let c = claim(p.text, p.range)
                    note(&self, r, taken: { $0.institution != nil }, set: { $0.institution = c })
                    k = p.end - 1
                }
            }
            // `Feder et al. found`, `Taylor and colleagues showed`, `Feder's team`
            else if t.kind == .word, t.isCapitalized, !t.isAllCaps, let (name, nameRange, end) = authorMention(tokens, at: k) {
                let c = claim(name, nameRange)
                note(
                    &self, t.range.lowerBound..<end, taken: { !$0.authors.isEmpty },
                    set: {
                        $0.authors = [c]
                        $0.etAl = true
                    })
            }
            k += 1
        }
        flush(&self)
    }

    /// `Feder et al.`, `van der Berg et al.`, `Taylor and colleagues`, `Feder's team` starting at token `k`.
    private func authorMention(_ tokens: [TextToken], at k: Int) -> (String, Range<Int>, Int)? {
        let t = tokens[k]
        var nameText = t.text
        var possessive = false
        for suffix in ["'s", "\u{2019}s"] where nameText.hasSuffix(suffix) {
            nameText = String(nameText.dropLast(2))
            possessive = true
        }
        guard !CitationVocabulary.notNames.contains(nameText.lowercased()), k + 1 < tokens.count else { return nil }
        let next = tokens[k + 1]
        var end: Int?
        if possessive {
            if BlockScan.possessiveNouns.contains(next.lower) { end = next.range.upperBound }
        } else if next.lower == "et", k + 2 < tokens.count, tokens[k + 2].lower == "al" {
            end = (k + 3 < tokens.count && tokens[k + 3].text == "." ? tokens[k + 3] : tokens[k + 2]).range.upperBound
        } else if next.lower == "and" || next.text == "&", k + 2 < tokens.count, CitationVocabulary.colleagueWords.contains(tokens[k + 2].lower) {
            end = tokens[k + 2].range.upperBound
        }
        guard let end else { return nil }
        var start = k
        while start > 0, tokens[start - 1].kind == .word, CitationVocabulary.particles.contains(tokens[start - 1].lower) { start -= 1 }
        let lower = tokens[start].range.lowerBound
        let nameEnd = t.range.upperBound - (possessive ? t.text.utf8.count - nameText.utf8.count : 0)
        return (text.string(lower..<nameEnd), lower..<nameEnd, end)
    }

    /// Study-design words of each sentence that holds a citation, given to those citations.
    mutating func assignStudyTypes() {
        var bySentence: [Int: [String]] = [:]
        for citation in citations where bySentence[citation.sentence] == nil {
            let range = sentences.range(of: citation.sentence, count: text.count)
            let tokens = text.tokens(in: range.lowerBound..<min(range.upperBound, range.lowerBound + 20_000))
            var types: [String] = []
            for (k, t) in tokens.enumerated() where t.kind == .word {
                var word = t.lower
                if k + 1 < tokens.count, ["double", "single", "placebo", "cross", "meta", "open", "case", "follow"].contains(word) {
                    let joined = word + "-" + tokens[k + 1].lower
                    if CitationVocabulary.studyTypeWords[joined] != nil { word = joined }
                }
                if let type = CitationVocabulary.studyTypeWords[word], !types.contains(type) { types.append(type) }
            }
            bySentence[citation.sentence] = types
        }
        for i in citations.indices {
            citations[i].claims.studyTypes = bySentence[citations[i].sentence] ?? []
        }
    }
}
