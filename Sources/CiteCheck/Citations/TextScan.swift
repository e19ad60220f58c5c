/// Byte-level helpers for the citation scanners: UTF-8 decoding at an offset, whitespace and letter tests,
/// and a tokenizer. Everything works on UTF-8 offsets so ranges map straight through a `SourceMap`.
/// No regular expressions: every scan is a bounded loop, so scanning is linear in the text's length.
struct ScanText {
    let bytes: [UInt8]

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    var count: Int { bytes.count }

    /// The scalar starting at `i` and its length in bytes; nil at the end or on a continuation byte.
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        guard i >= 0, i < bytes.count else { return nil }
        let b0 = bytes[i]
        if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
        let length: Int
        var value: UInt32
        switch b0 {
        case 0xC0..<0xE0:
            length = 2
            value = UInt32(b0 & 0x1F)
        case 0xE0..<0xF0:
            length = 3
            value = UInt32(b0 & 0x0F)
        case 0xF0..<0xF8:
            length = 4
            value = UInt32(b0 & 0x07)
        default: return nil
        }
        guard i + length <= bytes.count else { return nil }
        for k in 1..<length {
            let b = bytes[i + k]
            guard b & 0xC0 == 0x80 else { return nil }
            value = (value << 6) | UInt32(b & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// The scalar ending just before `i`, and where it starts.
    func scalar(before i: Int) -> (scalar: Unicode.Scalar, start: Int)? {
        var start = i - 1
        var steps = 0
        while start > 0, bytes[start] & 0xC0 == 0x80, steps < 3 {
            start -= 1
            steps += 1
        }
        guard start >= 0, let (scalar, length) = scalar(at: start), start + length == i else { return nil }
        return (scalar, start)
    }

    func string(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    func isSpace(at i: Int) -> Bool {
        guard let (s, _) = scalar(at: i) else { return false }
        return ScanText.isSpace(s)
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\n" || s == "\t" || s == "\r" || s == "\u{00A0}" || s == "\u{2009}" || s == "\u{202F}"
            || s == "\u{2002}" || s == "\u{2003}" || s == "\u{200B}"
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") }
        return s.properties.isAlphabetic && !isSuperscriptDigit(s)
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }

    static func isDash(_ s: Unicode.Scalar) -> Bool {
        s == "-" || s == "\u{2013}" || s == "\u{2014}" || s == "\u{2010}" || s == "\u{2011}" || s == "\u{2212}"
    }

    /// `¹²³⁴⁵⁶⁷⁸⁹⁰` → 0…9.
    static func superscriptDigit(_ s: Unicode.Scalar) -> Int? {
        switch s.value {
        case 0x2070: 0
        case 0x00B9: 1
        case 0x00B2: 2
        case 0x00B3: 3
        case 0x2074...0x2079: Int(s.value - 0x2070)
        default: nil
        }
    }

    static func isSuperscriptDigit(_ s: Unicode.Scalar) -> Bool { superscriptDigit(s) != nil }

    /// Skips spaces forward from `i` (bounded by `end`).
    func skipSpaces(from i: Int, to end: Int) -> Int {
        var j = i
        while j < end, let (s, n) = scalar(at: j), ScanText.isSpace(s) { j += n }
        return j
    }

    /// Skips spaces backward from `i` (bounded below by `start`); returns the offset just after the last non-space.
    func skipSpacesBack(from i: Int, to start: Int) -> Int {
        var j = i
        while j > start, let (s, st) = scalar(before: j), ScanText.isSpace(s) { j = st }
        return j
    }
}

/// A word, number or punctuation mark in a piece of text.
struct TextToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable { case word, number, punct }
    var kind: Kind
    var range: Range<Int>
    var text: String
    /// `text` lowercased (computed once: the scanners ask for it often).
    let lower: String

    init(kind: Kind, range: Range<Int>, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
        lower = kind == .word ? text.lowercased() : text
    }
    var isCapitalized: Bool {
        guard kind == .word, let first = text.unicodeScalars.first else { return false }
        return first.properties.isUppercase
    }
    var isAllCaps: Bool {
        kind == .word && text.unicodeScalars.count > 1 && !text.unicodeScalars.contains { $0.properties.isLowercase }
    }
    /// A four-digit year from 1800 to 2099, with an optional letter suffix (`2014a`).
    var year: (year: Int, suffix: String?)? {
        guard kind == .number else { return nil }
        let digits = text.unicodeScalars.prefix { ScanText.isDigit($0) }
        guard digits.count == 4, let value = Int(String(String.UnicodeScalarView(digits))), (1800...2099).contains(value) else { return nil }
        let rest = String(text.unicodeScalars.dropFirst(4))
        return (value, rest.isEmpty ? nil : rest)
    }
}

extension ScanText {
    /// Tokens of `range`: words (letters, with inner `'`, `’`, `-`), numbers (digits, with one trailing
    /// lowercase letter: `2014a`), and single punctuation marks. Whitespace is dropped.
    func tokens(in range: Range<Int>) -> [TextToken] {
        var tokens: [TextToken] = []
        var i = max(0, range.lowerBound)
        let end = min(range.upperBound, bytes.count)
        while i < end {
            guard let (s, n) = scalar(at: i) else {
                i += 1
                continue
            }
            if ScanText.isSpace(s) {
                i += n
                continue
            }
            let start = i
            if ScanText.isLetter(s) {
                i += n
                while i < end, let (t, m) = scalar(at: i) {
                    if ScanText.isLetter(t) {
                        i += m
                        continue
                    }
                    if t == "'" || t == "\u{2019}" || t == "-" || t == "\u{2010}" || t == "\u{2011}",
                        let (u, _) = scalar(at: i + m), i + m < end, ScanText.isLetter(u)
                    {
                        i += m
                        continue
                    }
                    break
                }
                tokens.append(TextToken(kind: .word, range: start..<i, text: string(start..<i)))
            } else if ScanText.isDigit(s) {
                i += 1
                while i < end, ScanText.isDigit(Unicode.Scalar(bytes[i])) { i += 1 }
                // A year suffix: one lowercase letter not followed by another letter.
                if i < end, bytes[i] >= 0x61, bytes[i] <= 0x7A,
                    i + 1 >= end || !(scalar(at: i + 1).map { ScanText.isLetter($0.scalar) } ?? false)
                {
                    i += 1
                }
                tokens.append(TextToken(kind: .number, range: start..<i, text: string(start..<i)))
            } else {
                i += n
                tokens.append(TextToken(kind: .punct, range: start..<i, text: string(start..<i)))
            }
        }
        return tokens
    }
}
