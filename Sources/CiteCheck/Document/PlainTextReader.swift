/// Reads plain text: paragraphs separated by blank lines; a line starting with an entry label (`1.`, `[1]`,
/// `-`, `•` …) starts a list item of its own, continued by following non-label lines indented at least as deep.
enum PlainTextReader {
    static func read(_ source: SourceFile) -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
        var sink = BlockSink(source: source)
        let bytes = sink.bytes
        var builder = TextBuilder()
        var kind: TextBlock.Kind?
        var blockIndent = 0
        var previousEnd = 0
        /// The number of the last numbered label, so that `1000.` after `999.` is a label too.
        var lastNumber: Int?

        func flush() {
            if let k = kind { sink.finish(&builder, kind: k, indent: blockIndent) }
            builder = TextBuilder()
            kind = nil
        }

        for line in SourceLine.split(bytes) {
            let (first, columns) = line.indentation(bytes)
            let end = line.trimmedEnd(bytes)
            if first >= end {
                flush()
                continue
            }
            if DirectiveParser.mayBeDirective(bytes, from: first, to: end),
                var directive = DirectiveParser.parse(bytes[first..<end], line: sink.tracker.line(ofOffset: first))
            {
                directive.start = sink.tracker.position(ofOffset: first)
                flush()
                sink.directives.append(directive)
                continue
            }
            if let label = EntryLabel.parse(bytes, at: first, end: end, previous: lastNumber) {
                if let number = label.number { lastNumber = number }
                flush()
                kind = .listItem(marker: label.text, ordinal: label.number)
                blockIndent = columns
                builder.extendSpan(to: label.range)
                builder.appendVerbatim(bytes, label.contentStart..<end)
            } else if case .listItem = kind, columns >= blockIndent {
                builder.appendLineBreak(at: previousEnd)
                builder.appendVerbatim(bytes, first..<end)
            } else if kind == .paragraph {
                builder.appendLineBreak(at: previousEnd)
                builder.appendVerbatim(bytes, first..<end)
            } else {
                flush()
                kind = .paragraph
                blockIndent = columns
                builder.appendVerbatim(bytes, first..<end)
            }
            previousEnd = end
        }
        flush()
        return sink.document
    }
}
