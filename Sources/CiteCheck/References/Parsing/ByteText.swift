/// Small helpers over UTF-8 bytes used by the parser.
enum ByteText {
    @inline(__always) static func lower(_ c: UInt8) -> UInt8 { (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) ? c | ASCII.caseBit : c }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
    @inline(__always) static func isASCIILetter(_ c: UInt8) -> Bool { (c | ASCII.caseBit) >= UInt8(ascii: "a") && (c | ASCII.caseBit) <= UInt8(ascii: "z") }
    @inline(__always) static func isAlnum(_ c: UInt8) -> Bool { isDigit(c) || isASCIILetter(c) || c >= 0x80 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == ASCII.space || c == ASCII.tab || c == ASCII.lineFeed || c == ASCII.carriageReturn }

    /// Case-insensitive match of the ASCII `word` (given lower-case) at `i`.
    @inline(__always)
    static func matches(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: StaticString) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i >= 0, i + n <= b.count else { return false }
        let p = word.utf8Start
        for k in 0..<n where lower(b[i + k]) != p[k] { return false }
        return true
    }

    /// `word` at `i`, not preceded by a letter or digit.
    @inline(__always)
    static func matchesWord(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: StaticString) -> Bool {
        if i > 0, isAlnum(b[i - 1]) { return false }
        return matches(b, i, word)
    }

    /// The string for bytes `r` of `b`.
    @inline(__always)
    static func string(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// Parses ASCII digits in `r` as an integer (nil when empty, not all digits, or too long).
    static func int(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 9 else { return nil }
        var v = 0
        for k in r {
            guard isDigit(b[k]) else { return nil }
            v = v * 10 + Int(b[k] - UInt8(ascii: "0"))
        }
        return v
    }

    /// The first plausible four-digit year (1500–2099) in `r`, with its range.
    static func firstYear(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        var i = r.lowerBound
        while i + 4 <= r.upperBound {
            if isDigit(b[i]), i == r.lowerBound || !isDigit(b[i - 1]),
                i + 4 == r.upperBound || !isDigit(b[i + 4]),
                let y = int(b, i..<(i + 4)), (1500...2099).contains(y)
            {
                return y
            }
            i += 1
        }
        return nil
    }
}
