/// Collects finished blocks and directives for a reader, turning source spans into positions.
struct BlockSink {
    let source: SourceFile
    let bytes: [UInt8]
    var tracker: PositionTracker
    var blocks: [TextBlock] = []
    var directives: [SuppressionDirective] = []

    init(source: SourceFile) {
        self.source = source
        self.bytes = Array(source.text.utf8)
        self.tracker = PositionTracker(bytes: bytes, lineStarts: source.lineStarts)
    }

    /// Adds the block the builder holds, unless it has no visible text.
    mutating func finish(
        _ builder: inout TextBuilder, kind: TextBlock.Kind, indent: Int = 0, isQuoted: Bool = false, renderedNumber: Int? = nil,
        links: [TextLink] = []
    ) {
        defer { builder = TextBuilder() }
        builder.trimTrailingWhitespace()
        guard !builder.isEmpty, let start = builder.sourceStart else { return }
        let text = builder.string
        // A block of no-break spaces only (`<p>&nbsp;</p>` spacers) is not a block.
        if !builder.bytes.contains(where: { $0 < 0x80 && !ByteClass.isSpace($0) }),
            text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace })
        {
            return
        }
        let end = max(start, builder.sourceEnd ?? start)
        let range = tracker.range(of: start..<end)
        let length = text.utf8.count
        // Links keep their place in the text; trimming may have shortened it.
        let kept = links.compactMap { link -> TextLink? in
            guard link.textRange.lowerBound <= length else { return nil }
            var clipped = link
            clipped.textRange = link.textRange.clamped(to: 0..<length)
            return clipped
        }
        blocks.append(
            TextBlock(
                kind: kind, text: text, sourceMap: builder.finishedMap, range: range,
                superscripts: builder.superscripts, indent: indent, isQuoted: isQuoted, renderedNumber: renderedNumber, links: kept))
    }

    mutating func addDirective(_ content: ArraySlice<UInt8>, at offset: Int) {
        if var directive = DirectiveParser.parse(content, line: tracker.line(ofOffset: offset)) {
            directive.start = tracker.position(ofOffset: offset)
            directives.append(directive)
        }
    }

    var document: (blocks: [TextBlock], directives: [SuppressionDirective]) { (blocks, directives) }
}

/// The lines of `bytes` given its line index (`SourceFile.lineStarts`), each made when asked for: what
/// `SourceLine.split` gives, without a pass over the bytes.
struct IndexedLines: RandomAccessCollection {
    let bytes: [UInt8]
    let starts: [Int]
    let endIndex: Int

    init(bytes: [UInt8], starts: [Int]) {
        self.bytes = bytes
        self.starts = starts
        // A last line start at the very end (after a final line break) begins no line.
        if bytes.isEmpty {
            endIndex = 0
        } else {
            endIndex = starts.last == bytes.count ? starts.count - 1 : starts.count
        }
    }

    var startIndex: Int { 0 }

    subscript(k: Int) -> SourceLine {
        let start = starts[k]
        let next = k + 1 < starts.count ? starts[k + 1] : bytes.count
        var end = next
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        if end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return SourceLine(start: start, end: end, next: next)
    }
}

/// One line of the source: `start..<end` without its line break; `next` is where the following line starts.
struct SourceLine {
    var start: Int
    var end: Int
    var next: Int

    /// The lines of `bytes`, ending at LF, CR LF or a lone CR.
    static func split(_ bytes: [UInt8]) -> [SourceLine] {
        var lines: [SourceLine] = []
        var start = 0
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                var next = i + 1
                if b == 0x0D, next < n, bytes[next] == 0x0A { next += 1 }
                lines.append(SourceLine(start: start, end: i, next: next))
                start = next
                i = next
            } else {
                i += 1
            }
        }
        if start < n { lines.append(SourceLine(start: start, end: n, next: n)) }
        return lines
    }

    /// The first non-blank byte and the indentation in columns (a tab advances to the next multiple of 4).
    func indentation(_ bytes: [UInt8]) -> (first: Int, columns: Int) {
        var i = start
        var columns = 0
        while i < end, ByteClass.isBlank(bytes[i]) {
            columns = bytes[i] == 0x09 ? (columns / 4 + 1) * 4 : columns + 1
            i += 1
        }
        return (i, columns)
    }

    /// The end of the line without trailing blanks.
    func trimmedEnd(_ bytes: [UInt8]) -> Int {
        var e = end
        while e > start, ByteClass.isBlank(bytes[e - 1]) { e -= 1 }
        return e
    }
}
