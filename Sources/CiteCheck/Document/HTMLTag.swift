/// A start or end tag read from `<…>`: its lowercased name and its attributes, looked up lazily.
struct HTMLTag {
    let name: String
    let isClosing: Bool
    let isSelfClosing: Bool
    private let bytes: [UInt8]
    private let attributes: Range<Int>

    /// Reads the tag whose inside (between `<` and `>`) is `bytes[from..<to]`.
    init(_ bytes: [UInt8], from: Int, to: Int) {
        var i = from
        var closing = false
        if i < to, bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        let nameStart = i
        while i < to, ByteClass.isASCIIAlphanumeric(bytes[i]) || bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: ":") { i += 1 }
        self.name = nameStart < i && ByteClass.isASCIILetter(bytes[nameStart])
            ? String(decoding: bytes[nameStart..<i].map(ByteClass.lowercased), as: UTF8.self) : ""
        self.isClosing = closing
        self.isSelfClosing = to > from && bytes[to - 1] == UInt8(ascii: "/")
        self.bytes = bytes
        self.attributes = i..<to
    }

    /// The byte range of an attribute's value (`start` in `<ol start="3">`), without quotes.
    func attribute(_ wanted: String) -> Range<Int>? {
        let key = Array(wanted.utf8)
        var i = attributes.lowerBound
        let end = attributes.upperBound
        while i < end {
            while i < end, ByteClass.isSpace(bytes[i]) || bytes[i] == UInt8(ascii: "/") { i += 1 }
            let nameStart = i
            while i < end, !ByteClass.isSpace(bytes[i]), bytes[i] != UInt8(ascii: "="), bytes[i] != UInt8(ascii: "/") { i += 1 }
            let nameRange = nameStart..<i
            guard !nameRange.isEmpty else {
                i += 1
                continue
            }
            while i < end, ByteClass.isSpace(bytes[i]) { i += 1 }
            var value: Range<Int> = i..<i
            if i < end, bytes[i] == UInt8(ascii: "=") {
                i += 1
                while i < end, ByteClass.isSpace(bytes[i]) { i += 1 }
                if i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                    let quote = bytes[i]
                    let start = i + 1
                    i += 1
                    while i < end, bytes[i] != quote { i += 1 }
                    value = start..<i
                    i += 1
                } else {
                    let start = i
                    while i < end, !ByteClass.isSpace(bytes[i]) { i += 1 }
                    value = start..<i
                }
            }
            if nameRange.count == key.count, zip(bytes[nameRange], key).allSatisfy({ ByteClass.lowercased($0) == $1 }) {
                return value
            }
        }
        return nil
    }

    /// An attribute's value read as a decimal integer.
    func integerAttribute(_ wanted: String) -> Int? {
        guard let range = attribute(wanted) else { return nil }
        let text = String(decoding: bytes[range], as: UTF8.self).trimmingSpaces
        guard text.count <= 6 else { return nil }
        return Int(text)
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
