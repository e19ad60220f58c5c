extension Reference {
    /// An edit that replaces the bytes `range` of the entry's text (its UTF-8 offsets, as in
    /// ``ParsedReference/fieldRanges``) with `replacement`, placed on the file's own bytes through the entry's
    /// source map. Nil when those bytes are not copied verbatim from the file (an entity, emphasis markup, a
    /// joined line break inside the span): an edit there could not keep the writer's markup, so none is made.
    public func edit(replacing range: Range<Int>, with replacement: String, in file: SourceFile) -> TextEdit? {
        let text = Array(entry.text.utf8)
        guard range.lowerBound >= 0, range.upperBound <= text.count, !range.isEmpty else { return nil }
        let start = entry.sourceMap.sourceOffset(forDerived: range.lowerBound)
        // The end is placed after the span's last byte, not at the next derived offset: an anchor there may already
        // stand past markup that closes the span (`](url)` after a link's text).
        let end = entry.sourceMap.sourceOffset(forDerived: range.upperBound - 1) + 1
        return file.verbatimEdit(start..<end, expected: text[range], replacement: replacement)
    }
}

extension SourceFile {
    /// An edit of the text bytes `range` (offsets in `text`), when they are exactly `expected`.
    func verbatimEdit(_ range: Range<Int>, expected: ArraySlice<UInt8>, replacement: String) -> TextEdit? {
        let utf8 = text.utf8
        guard range.lowerBound >= 0, range.upperBound <= utf8.count, range.count == expected.count else { return nil }
        let from = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let to = utf8.index(from, offsetBy: range.count)
        guard utf8[from..<to].elementsEqual(expected) else { return nil }
        // An `&` that begins an entity (`&amp;` read as `&`) matches its decoded self byte for byte; it is markup.
        let bytes = Array(utf8[from...].prefix(range.count + 12))
        for (k, byte) in bytes.prefix(range.count).enumerated() where byte == UInt8(ascii: "&") {
            var j = k + 1
            if j < bytes.count, bytes[j] == UInt8(ascii: "#") { j += 1 }
            let nameStart = j
            while j < bytes.count, (0x30...0x39).contains(bytes[j]) || (0x41...0x5A).contains(bytes[j]) || (0x61...0x7A).contains(bytes[j]) { j += 1 }
            if j > nameStart, j < bytes.count, bytes[j] == UInt8(ascii: ";") { return nil }
        }
        return textEdit(range, replacement: replacement)
    }

    /// An edit of the text bytes `range` (offsets in `text`, a byte order mark not counted).
    public func textEdit(_ range: Range<Int>, replacement: String) -> TextEdit {
        TextEdit(
            bytes: (range.lowerBound + byteOrderMarkLength)..<(range.upperBound + byteOrderMarkLength),
            range: self.range(of: range), replacement: replacement
        )
    }
}
