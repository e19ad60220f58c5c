import CiteCheck

/// Comparing a reference's title with a PubMed record's: title tokens, similarity, words that differ.
enum TitleMatching {
    /// Content tokens of a title: folded, stemmed, stop words removed, in order.
    static func titleTokens(_ title: String) -> [String] {
        MatchWords.tokens(MatchWords.stripTags(title)).compactMap { MatchWords.stopWords.contains($0) ? nil : MatchWords.stem($0) }
    }

    /// A title without surrounding brackets (`[The pineal body].`), quotes and trailing period.
    static func cleanTitle(_ rawTitle: String) -> String {
        let title = MatchWords.stripTags(rawTitle)
        let strip: Set<Unicode.Scalar> = [".", "\"", "'", "“", "”", "‘", "’"]
        func trimmed(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
            var view = scalars
            while let last = view.last, strip.contains(last) || last.properties.isWhitespace { view.removeLast() }
            while let first = view.first, strip.contains(first) || first.properties.isWhitespace { view.removeFirst() }
            return view
        }
        var view = trimmed(Substring(title).unicodeScalars)
        if view.first == "[", view.last == "]" {
            view.removeFirst()
            view.removeLast()
            view = trimmed(view)
        }
        return String(Substring(view))
    }

    /// The part of a title before its subtitle (`Efficacy of X: a randomized trial` → `Efficacy of X`), nil when it has none.
    static func mainTitle(_ title: String) -> String? {
        guard let colon = title.utf8.firstIndex(where: { $0 == 0x3A || $0 == 0x3F }), colon != title.utf8.startIndex else { return nil }
        return String(title[..<colon])
    }

    /// Dice coefficient over two token multisets. A token of one equal to two adjacent tokens of the other
    /// (`singlepigment` / `single pigment`) counts as one shared token on each side.
    static func dice(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (a, b) = (joinCompounds(a, against: b), joinCompounds(b, against: a))
        var counts: [String: Int] = [:]
        for token in a { counts[token, default: 0] += 1 }
        var common = 0
        for token in b {
            if let n = counts[token], n > 0 {
                common += 1
                counts[token] = n - 1
            }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    private static let numerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

    /// A part or series number: digits or a small roman numeral.
    static func isNumeral(_ token: String) -> Bool {
        numerals.contains(token) || (!token.isEmpty && token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
    }

    /// Two different words that are one word written differently: a spelling variant (`randomised` /
    /// `randomized`, `haemoglobin` / `hemoglobin`) or an abbreviation (`assoc` / `association`). Numerals never are.
    static func sameWordVariant(_ a: String, _ b: String) -> Bool {
        if isNumeral(a) || isNumeral(b) { return false }
        if min(a.count, b.count) >= 4, a.hasPrefix(b) || b.hasPrefix(a) { return true }
        return min(a.count, b.count) >= 5 && MatchWords.editDistance(a, b) <= 2
    }

    /// Content words of a reference's title (`written`) that PubMed's title (`record`, or its main title) does not
    /// have in any form; a part number counts (`Part II` written, `Part I` in PubMed). A title that only lacks
    /// words, or differs in spelling, has none; a companion paper's title usually has some.
    static func foreignWordCount(_ written: [String], _ record: [String], main: [String]) -> Int {
        func count(against other: [String]) -> Int {
            let a = joinCompounds(written, against: other)
            let b = joinCompounds(other, against: written)
            var remaining: [String: Int] = [:]
            for token in b { remaining[token, default: 0] += 1 }
            var extra: [String] = []
            for token in a {
                if let n = remaining[token], n > 0 { remaining[token] = n - 1 } else { extra.append(token) }
            }
            let missing = remaining.flatMap { Array(repeating: $0.key, count: $0.value) }
            // A part number the reference writes and PubMed's title lacks is foreign too (`Part II` for `Part I`):
            // numerals are never spelling variants.
            return extra.filter { word in !missing.contains { sameWordVariant(word, $0) } }.count
        }
        let full = count(against: record)
        guard full > 0, main.count >= 3 else { return full }
        return min(full, count(against: main))
    }

    /// `tokens` with each adjacent pair joined when the joined word is a token of `other` and the pair is not.
    static func joinCompounds(_ tokens: [String], against other: [String]) -> [String] {
        guard tokens.count > 1 else { return tokens }
        var result: [String] = []
        result.reserveCapacity(tokens.count)
        var i = 0
        var otherSet: Set<String>?
        while i < tokens.count {
            if i + 1 < tokens.count {
                let set = otherSet ?? Set(other)
                otherSet = set
                if !set.contains(tokens[i]) || !set.contains(tokens[i + 1]) {
                    let joined = tokens[i] + tokens[i + 1]
                    if set.contains(joined) || set.contains(MatchWords.stem(joined)) {
                        result.append(set.contains(joined) ? joined : MatchWords.stem(joined))
                        i += 2
                        continue
                    }
                }
            }
            result.append(tokens[i])
            i += 1
        }
        return result
    }

    /// Similarity of two titles in 0...1: tolerates case, punctuation, quotes, a dropped or added word, and a
    /// subtitle left out on either side. When the concatenated letters agree (`post-traumatic` / `posttraumatic`) it is 1.
    static func titleSimilarity(_ a: String, _ b: String) -> Double {
        let ta = titleTokens(a)
        let tb = titleTokens(b)
        return titleSimilarity(tokens: ta, a, tokens: tb, b)
    }

    static func titleSimilarity(tokens ta: [String], _ a: String, tokens tb: [String], _ b: String) -> Double {
        titleSimilarity(
            tokens: ta, main: mainTitle(a).map(titleTokens) ?? [],
            tokens: tb, main: mainTitle(b).map(titleTokens) ?? []
        )
    }

    /// Title similarity from precomputed tokens of each title and of its main title (empty when it has no subtitle).
    static func titleSimilarity(tokens ta: [String], main ma: [String], tokens tb: [String], main mb: [String]) -> Double {
        if ta.isEmpty || tb.isEmpty { return 0 }
        if ta == tb || ta.joined() == tb.joined() { return 1 }
        var best = dice(ta, tb)
        if best < 1, mb.count >= 3 { best = max(best, dice(ta, mb)) }
        if best < 1, ma.count >= 3 { best = max(best, dice(ma, tb)) }
        return best
    }
}
