extension EntryLabel {
    /// Labels that only count where they continue a list's numbering, since the same bytes start prose too:
    /// a number and a blank (`1 Xu B, …`, `2\t[https://…]`), the first one `1`, each next one the previous plus one;
    /// and a number glued to its entry (`4.Zhou`), only as the previous plus one and before a capital letter.
    static func parseContinuing(_ bytes: [UInt8], at start: Int, end: Int, previous: Int?) -> EntryLabel? {
        if let lettered = parseLetter(bytes, at: start, end: end, previous: previous) { return lettered }
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

    /// A letter label (`a.`, `b)`) counting a, b, c… as 1, 2, 3…: `a` first, each next one the previous plus one.
    private static func parseLetter(_ bytes: [UInt8], at start: Int, end: Int, previous: Int?) -> EntryLabel? {
        guard start + 2 < end, bytes[start] >= UInt8(ascii: "a"), bytes[start] <= UInt8(ascii: "z"),
            bytes[start + 1] == UInt8(ascii: ".") || bytes[start + 1] == UInt8(ascii: ")"), ByteClass.isBlank(bytes[start + 2])
        else { return nil }
        let value = Int(bytes[start] - UInt8(ascii: "a")) + 1
        guard value == (previous ?? 0) + 1 else { return nil }
        var content = start + 2
        while content < end, ByteClass.isBlank(bytes[content]) { content += 1 }
        guard content < end, startsEntry(bytes, at: content, end: end) else { return nil }
        return EntryLabel(
            text: String(decoding: bytes[start..<(start + 2)], as: UTF8.self), number: value, range: start..<(start + 2), contentStart: content)
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
