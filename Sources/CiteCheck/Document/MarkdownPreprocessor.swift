/// Blanks out what a static-site generator consumes before Markdown is rendered: YAML (`---`) or TOML (`+++`)
/// front matter at the very start, Liquid tags (`{% … %}`, `{%- … -%}`) and Hugo shortcodes (`{{< … >}}`,
/// `{{% … %}}`). Blanked bytes become spaces and line breaks stay, so every offset and line is unchanged.
///
/// A tag's body goes with it (`{% citation author="…" %}` included): it is template input, not post text.
///
/// A NUL byte becomes SUB (0x1A): cmark would replace it with U+FFFD, three bytes where the file has one, and the
/// text could no longer be lined up with the file. (Files with NUL bytes are refused on input; this keeps the
/// reader sound for callers of the library that pass such text anyway.)
enum MarkdownPreprocessor {
    static func blank(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        if let firstNUL = out.firstIndex(of: 0) {
            for i in firstNUL..<out.count where out[i] == 0 { out[i] = 0x1A }
        }
        let start =
            frontMatterEnd(bytes).map { end in
                blank(&out, 0..<end)
                return end
            } ?? 0
        let n = bytes.count
        var liquidEnd = ForwardFinder("%}")
        var shortcodeAngleEnd = ForwardFinder(">}}")
        var shortcodePercentEnd = ForwardFinder("%}}")
        var opener = start
        while opener + 1 < n {
            guard let brace = bytes[opener..<n].firstIndex(of: UInt8(ascii: "{")) else { break }
            guard brace + 1 < n else { break }
            let next = bytes[brace + 1]
            var close: Int?
            var closeLength = 0
            if next == UInt8(ascii: "%") {
                close = liquidEnd.find(in: bytes, from: brace + 2)
                closeLength = 2
            } else if next == UInt8(ascii: "{"), brace + 2 < n, bytes[brace + 2] == UInt8(ascii: "<") {
                close = shortcodeAngleEnd.find(in: bytes, from: brace + 3)
                closeLength = 3
            } else if next == UInt8(ascii: "{"), brace + 2 < n, bytes[brace + 2] == UInt8(ascii: "%") {
                close = shortcodePercentEnd.find(in: bytes, from: brace + 3)
                closeLength = 3
            }
            if let close {
                blank(&out, brace..<(close + closeLength))
                opener = close + closeLength
            } else {
                opener = brace + 1
            }
        }
        return out
    }

    /// Replaces every byte but line breaks in `range` with a space.
    private static func blank(_ bytes: inout [UInt8], _ range: Range<Int>) {
        for i in range where bytes[i] != 0x0A && bytes[i] != 0x0D { bytes[i] = 0x20 }
    }

    /// The end (past the closing line's break) of front matter opening the file, if any.
    private static func frontMatterEnd(_ bytes: [UInt8]) -> Int? {
        // Only a file starting with `---` or `+++` is split into lines.
        guard bytes.count >= 3, bytes[0] == bytes[1], bytes[1] == bytes[2],
            bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+")
        else { return nil }
        let lines = SourceLine.split(bytes)
        guard let first = lines.first else { return nil }
        let opening = Array(bytes[first.start..<first.trimmedEnd(bytes)])
        let dashes = Array("---".utf8)
        let pluses = Array("+++".utf8)
        guard opening == dashes || opening == pluses else { return nil }
        for line in lines.dropFirst() {
            let content = Array(bytes[line.start..<line.trimmedEnd(bytes)])
            if content == opening || (opening == dashes && content == Array("...".utf8)) { return line.next }
        }
        return nil
    }
}
