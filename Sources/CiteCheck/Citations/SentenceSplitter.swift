/// Splits a block's text into sentences, by UTF-8 offset. A sentence ends at `.`, `!` or `?` followed by
/// space and a capital, digit or opening mark; abbreviations (`et al.`, `e.g.`, `Fig.`, initials) do not end
/// one. Citation markers right after the full stop (`shown.[3] Next`, `shown.³ Next`, `shown.<sup>3</sup>`)
/// stay with the sentence they follow.
struct SentenceSplitter {
    /// Start offset of each sentence; `starts[0] == 0`.
    let starts: [Int]

    private static let abbreviations: Set<String> = [
        "al", "vs", "cf", "fig", "figs", "dr", "mr", "mrs", "ms", "prof", "no", "vol", "approx", "ca", "st", "jr", "sr",
        "eg", "ie", "inc", "ltd", "co", "dept", "univ", "et", "pp", "p", "ref", "refs", "eq", "nos", "mt", "ed", "eds",
    ]

    init(_ text: ScanText, superscripts: [Range<Int>] = []) {
        var supEnd: [Int: Int] = [:]
        for r in superscripts { supEnd[r.lowerBound] = max(supEnd[r.lowerBound] ?? 0, r.upperBound) }
        var starts = [0]
        let bytes = text.bytes
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x2E || b == 0x21 || b == 0x3F else {
                i += 1
                continue
            }
            if b == 0x2E, SentenceSplitter.isAbbreviation(text, dotAt: i) {
                i += 1
                continue
            }
            var j = i + 1
            var progressed = true
            while progressed, j < bytes.count {
                progressed = false
                if let end = supEnd[j], end > j {
                    j = end
                    progressed = true
                    continue
                }
                guard let (s, n) = text.scalar(at: j) else { break }
                if s == ")" || s == "]" || s == "\"" || s == "'" || s == "\u{201D}" || s == "\u{2019}" || s == "\u{00BB}"
                    || s == "." || s == "!" || s == "?" || ScanText.isSuperscriptDigit(s) || s == "\u{207B}"
                {
                    j += n
                    progressed = true
                } else if s == "[", let close = SentenceSplitter.numericBracketEnd(text, at: j) {
                    j = close
                    progressed = true
                }
            }
            let k = text.skipSpaces(from: j, to: bytes.count)
            if k > j, k < bytes.count, let (s, _) = text.scalar(at: k),
                s.properties.isUppercase || ScanText.isDigit(s) || s == "\"" || s == "\u{201C}" || s == "(" || s == "["
                    || s == "'" || s == "\u{2018}"
            {
                starts.append(k)
            }
            i = max(k, i + 1)
        }
        self.starts = starts
    }

    /// The sentence holding offset `offset`.
    func sentence(at offset: Int) -> Int {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The range of sentence `index` in a text of `count` bytes.
    func range(of index: Int, count: Int) -> Range<Int> {
        let start = starts[index]
        let end = index + 1 < starts.count ? starts[index + 1] : count
        return start..<max(start, end)
    }

    private static func isAbbreviation(_ text: ScanText, dotAt i: Int) -> Bool {
        var start = i
        var letters = 0
        while let (s, st) = text.scalar(before: start), ScanText.isLetter(s), letters < 12 {
            start = st
            letters += 1
        }
        if letters == 0 { return false }
        if letters == 1 { return true }
        return abbreviations.contains(text.string(start..<i).lowercased())
    }

    /// The end of a `[1]`, `[2, 3]`, `[4–6]` marker starting at `i`.
    static func numericBracketEnd(_ text: ScanText, at i: Int) -> Int? {
        var j = i + 1
        var digits = 0
        while j < text.count, j - i < 40, let (s, n) = text.scalar(at: j) {
            if s == "]" { return digits > 0 ? j + 1 : nil }
            if ScanText.isDigit(s) { digits += 1 } else if !(s == "," || s == " " || ScanText.isDash(s)) { return nil }
            j += n
        }
        return nil
    }
}
