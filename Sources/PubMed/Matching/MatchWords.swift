import CiteCheck

/// Words of texts being matched: folding, tokens, stems, tags, edit distance.
enum MatchWords {
    /// A word of a text: its folded form (lowercase ASCII where possible) and the word as written.
    struct Word: Hashable, Sendable {
        var folded: String
        var original: String
    }

    /// `text` without leading and trailing whitespace.
    static func trim(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The words of `text`, split at anything that is not a letter or digit (hyphens split words).
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let original = String(current)
            for part in Normalization.comparisonFold(original).split(whereSeparator: { !$0.unicodeScalars.allSatisfy(isWordScalar) }) {
                result.append(Word(folded: String(part), original: original))
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else {
                flush()
                if scalar == "&" { result.append(Word(folded: "and", original: "&")) }
            }
        }
        flush()
        return result
    }

    /// The folded words of `text` (as `words(_:).map(\.folded)`), with a fast path for ASCII text.
    static func tokens(_ text: String) -> [String] {
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        guard isASCII else { return words(text).map(\.folded) }
        var result: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                buffer.append(byte)
            case 0x41...0x5A:
                buffer.append(byte + 0x20)
            default:
                if !buffer.isEmpty {
                    result.append(String(decoding: buffer, as: UTF8.self))
                    buffer.removeAll(keepingCapacity: true)
                }
                if byte == 0x26 { result.append("and") }
            }
        }
        if !buffer.isEmpty { result.append(String(decoding: buffer, as: UTF8.self)) }
        return result
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "its", "their", "vs", "versus", "via", "into", "than", "that", "this", "do", "does",
    ]

    /// A light stem so `disorder`/`disorders` agree.
    static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 3, utf8.last == UInt8(ascii: "s") else { return word }
        let before = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return word }
        return String(word.dropLast())
    }

    /// `text` without markup tags (`<i>E. coli</i>` → `E. coli`), as some PubMed titles carry them.
    static func stripTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var out = ""
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" && inTag {
                inTag = false
            } else if !inTag {
                out.unicodeScalars.append(scalar)
            }
        }
        return inTag ? text : out
    }

    /// Levenshtein distance between two short strings (names).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
