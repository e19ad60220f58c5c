extension EntryLabel {
    /// Labels that only count where they continue a list's numbering, since the same bytes start prose too:
    /// a number and a blank (`1 Xu B, …`, `2\t[https://…]`), the first one `1`, each next one the previous plus one;
    /// and a number glued to its entry (`4.Zhou`), only as the previous plus one and before a capital letter.
    static func parseContinuing(_ bytes: [UInt8], at start: Int, end: Int, previous: Int?) -> EntryLabel? {
        var i = start
        var value = 0
        while i < end, ByteClass.isDigit(bytes[i]), i - start < 4 {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        guard i > start, i - start <= 3, i < end else { return nil }
        let expected = (previous ?? 0) + 1
        guard value == expected else { return nil }
        if ByteClass.isBlank(bytes[i]) {
            var content = i
            while content < end, ByteClass.isBlank(bytes[content]) { content += 1 }
            guard content < end, startsEntry(bytes, at: content, end: end) else { return nil }
            return EntryLabel(
                text: String(decoding: bytes[start..<i], as: UTF8.self), number: value, range: start..<i, contentStart: content)
        }
        if bytes[i] == UInt8(ascii: "."), previous != nil, i + 1 < end, bytes[i + 1] >= 0x41, bytes[i + 1] <= 0x5A {
            return EntryLabel(
                text: String(decoding: bytes[start...i], as: UTF8.self), number: value, range: start..<(i + 1), contentStart: i + 1)
        }
        return nil
    }

    /// An entry's first character: a capital letter (any script), a bracket or quote, or a URL.
    private static func startsEntry(_ bytes: [UInt8], at i: Int, end: Int) -> Bool {
        let b = bytes[i]
        if (b >= 0x41 && b <= 0x5A) || b >= 0xC3 { return true }
        if b == UInt8(ascii: "[") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "(") || b == UInt8(ascii: "<") || b == UInt8(ascii: "_") || b == UInt8(ascii: "*") { return true }
        let rest = bytes[i..<min(end, i + 4)]
        return rest.elementsEqual("http".utf8) || rest.elementsEqual("www.".utf8)
    }
}
