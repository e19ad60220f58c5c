/// A finding's identity across edits: the rule, the text of the post the finding points at (white space
/// collapsed), and the field and the two values it names. Not its line or column, so an edit above a known
/// finding does not make it new. Baselines match findings by it and SARIF carries it in `partialFingerprints`.
public enum FindingFingerprint {
    /// 16 hexadecimal digits (FNV-1a, 64 bits) of the finding's identity in `source`.
    public static func of(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        // A finding about another file (the configuration) is known by its message.
        guard diagnostic.file == source.path else { return of(diagnostic, snippet: diagnostic.message) }
        var snippet = source.collapsedText(in: diagnostic.range, limit: 400)
        if snippet.isEmpty {
            // A finding that points at a place rather than a span: the text that follows it on its line.
            let end = SourcePosition(line: diagnostic.range.start.line, column: Int.max)
            snippet = source.collapsedText(in: SourceRange(start: diagnostic.range.start, end: end), limit: 60)
        }
        return of(diagnostic, snippet: snippet)
    }

    static func of(_ diagnostic: Diagnostic, snippet: String) -> String {
        let parts = [diagnostic.rule, snippet, diagnostic.field?.rawValue ?? "", diagnostic.found ?? "", diagnostic.expected ?? ""]
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1F) &* 0x0000_0100_0000_01B3 }
            for byte in part.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension SourceFile {
    /// The UTF-8 offset of a position in `utf8` (this file's text); a column past the line's end stops there.
    func offset(of position: SourcePosition, in utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard position.line >= 1, position.line <= lineStarts.count else { return utf8.count }
        let lineStart = lineStarts[position.line - 1]
        var lineEnd = position.line < lineStarts.count ? lineStarts[position.line] : utf8.count
        while lineEnd > lineStart, utf8[lineEnd - 1] == 0x0A || utf8[lineEnd - 1] == 0x0D { lineEnd -= 1 }
        var offset = lineStart
        var column = 1
        while offset < lineEnd, column < position.column {
            offset += 1
            while offset < lineEnd, utf8[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        return offset
    }

    /// The text of `range`, runs of white space collapsed to one space and trimmed, at most `limit` characters.
    func collapsedText(in range: SourceRange, limit: Int) -> String {
        var text = text
        return text.withUTF8 { utf8 in
            let start = offset(of: range.start, in: utf8)
            let end = max(start, offset(of: range.end, in: utf8))
            var out: [UInt8] = []
            var pendingSpace = false
            var count = 0
            for byte in utf8[start..<end] {
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if byte & 0xC0 != 0x80 {
                    count += 1
                    if count > limit { break }
                }
                if pendingSpace {
                    out.append(0x20)
                    pendingSpace = false
                }
                out.append(byte)
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
