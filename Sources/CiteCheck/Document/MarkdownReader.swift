/// Reads Markdown (CommonMark with the usual extensions, leniently): ATX and setext headings, paragraphs,
/// ordered and bullet list items (each item one block, lazy and indented continuation lines included),
/// footnote definitions, fenced and indented code (`.code`), blockquotes (read as paragraphs) and HTML
/// comments (not prose; suppression directives read from them).
///
/// An indented block whose line starts with an entry label (`    1. Feder A, …`) is read as a list item, not as
/// indented code: posts indent reference lists that way and mean them as text.
enum MarkdownReader {
    private enum Open {
        case none
        case paragraph
        case item(marker: String, ordinal: Int?, indent: Int, contentIndent: Int)
        case footnote(name: String)
        case fence(char: UInt8, length: Int)
        case indentedCode
    }

    static func read(_ source: SourceFile) -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
        var reader = State(source: source)
        reader.run()
        return reader.sink.document
    }

    private struct State {
        var sink: BlockSink
        let bytes: [UInt8]
        var inline: MarkdownInline
        var open: Open = .none
        var segments: [Range<Int>] = []
        var blockStart = 0
        var pendingBlank = false
        /// The number of the last numbered label, so that `1000.` after `999.` is a label too.
        var lastNumber: Int?
        var commentEnd = ForwardFinder("-->")

        init(source: SourceFile) {
            sink = BlockSink(source: source)
            bytes = sink.bytes
            inline = MarkdownInline(bytes: sink.bytes)
        }

        mutating func run() {
            var skipUntil = 0
            for line in SourceLine.split(bytes) {
                if line.start < skipUntil { continue }
                let (first, columns) = line.indentation(bytes)
                let end = line.trimmedEnd(bytes)

                if case .fence(let char, let length) = open {
                    var n = 0
                    while first + n < end, bytes[first + n] == char { n += 1 }
                    if n >= length, first + n == end {
                        flush()
                    } else {
                        segments.append(line.start..<line.end)
                    }
                    continue
                }
                if first >= end {
                    switch open {
                    case .paragraph, .indentedCode, .none: flush()
                    case .item, .footnote: pendingBlank = true
                    case .fence: break
                    }
                    continue
                }
                let label = EntryLabel.parse(bytes, at: first, end: end, previous: lastNumber)
                if let number = label?.number { lastNumber = number }
                if pendingBlank {
                    pendingBlank = false
                    if continuesAfterBlank(columns: columns), label == nil {
                        segments.append(first..<end)
                        continue
                    }
                    flush()
                }
                if columns >= 4, label == nil {
                    switch open {
                    case .paragraph, .item, .footnote:
                        segments.append(first..<end)
                        continue
                    case .indentedCode:
                        segments.append(indentedCodeStart(line)..<line.end)
                        continue
                    default:
                        flush()
                        open = .indentedCode
                        blockStart = first
                        segments = [indentedCodeStart(line)..<line.end]
                        continue
                    }
                }
                if let fence = fenceOpening(first, end) {
                    flush()
                    open = .fence(char: fence.char, length: fence.length)
                    blockStart = first
                    continue
                }
                if starts(first, end, "<!--") {
                    flush()
                    let close = commentEnd.find(in: bytes, from: first + 4)
                    sink.addDirective(bytes[(first + 4)..<(close ?? bytes.count)], at: first)
                    skipUntil = (close ?? bytes.count) + 3
                    if skipUntil <= line.next { skipUntil = 0 }
                    continue
                }
                if let heading = atxHeading(first, end) {
                    flush()
                    blockStart = first
                    segments = heading.content.isEmpty ? [] : [heading.content]
                    open = .paragraph
                    flush(as: .heading(level: heading.level))
                    continue
                }
                if case .paragraph = open, let level = setextLevel(first, end) {
                    flush(as: .heading(level: level))
                    continue
                }
                if isThematicBreak(first, end) {
                    flush()
                    continue
                }
                if let footnote = footnoteDefinition(first, end) {
                    flush()
                    open = .footnote(name: footnote.name)
                    blockStart = first
                    segments = [footnote.content..<end]
                    continue
                }
                if case .paragraph = open {} else if isLinkReferenceDefinition(first, end) {
                    flush()
                    continue
                }
                if bytes[first] == UInt8(ascii: ">") {
                    var content = first + 1
                    while content < end, bytes[content] == UInt8(ascii: ">") || ByteClass.isBlank(bytes[content]) { content += 1 }
                    if case .paragraph = open {} else {
                        flush()
                        open = .paragraph
                        blockStart = first
                    }
                    if content < end { segments.append(content..<end) }
                    continue
                }
                if let label {
                    flush()
                    open = .item(marker: label.text, ordinal: label.number, indent: columns,
                                 contentIndent: columns + (label.contentStart - first))
                    blockStart = first
                    segments = [label.contentStart..<end]
                    continue
                }
                switch open {
                case .paragraph, .item, .footnote:
                    segments.append(first..<end)
                default:
                    flush()
                    open = .paragraph
                    blockStart = first
                    segments = [first..<end]
                }
            }
            flush()
        }

        private func continuesAfterBlank(columns: Int) -> Bool {
            switch open {
            case .item(_, _, _, let contentIndent): columns >= min(contentIndent, 4) && columns > 0
            case .footnote: columns >= 2
            default: false
            }
        }

        /// Ends the open block and adds it (as `kind` when given).
        private mutating func flush(as override: TextBlock.Kind? = nil) {
            defer {
                open = .none
                segments = []
                pendingBlank = false
            }
            let kind: TextBlock.Kind
            var indent = 0
            var verbatim = false
            switch open {
            case .none: return
            case .paragraph: kind = override ?? .paragraph
            case .item(let marker, let ordinal, let itemIndent, _):
                kind = .listItem(marker: marker, ordinal: ordinal)
                indent = itemIndent
            case .footnote(let name): kind = .footnoteDefinition(name: name)
            case .fence, .indentedCode:
                kind = .code
                verbatim = true
            }
            var builder = TextBuilder()
            builder.extendSpan(to: blockStart..<(blockStart + 1))
            var previousEnd: Int?
            for segment in segments {
                if let previousEnd { builder.appendLineBreak(at: previousEnd) }
                if verbatim {
                    builder.appendVerbatim(bytes, segment)
                } else {
                    inline.append(segment, to: &builder, sink: &sink)
                }
                previousEnd = segment.upperBound
            }
            inline.endBlock(&builder)
            sink.finish(&builder, kind: kind, indent: indent)
        }

        private func indentedCodeStart(_ line: SourceLine) -> Int {
            var i = line.start
            var columns = 0
            while i < line.end, columns < 4, ByteClass.isBlank(bytes[i]) {
                columns = bytes[i] == 0x09 ? (columns / 4 + 1) * 4 : columns + 1
                i += 1
            }
            return i
        }

        private func starts(_ from: Int, _ end: Int, _ prefix: String) -> Bool {
            let p = Array(prefix.utf8)
            return end - from >= p.count && Array(bytes[from..<(from + p.count)]) == p
        }

        private func fenceOpening(_ first: Int, _ end: Int) -> (char: UInt8, length: Int)? {
            let c = bytes[first]
            guard c == UInt8(ascii: "`") || c == UInt8(ascii: "~") else { return nil }
            var n = 0
            while first + n < end, bytes[first + n] == c { n += 1 }
            guard n >= 3 else { return nil }
            if c == UInt8(ascii: "`"), bytes[(first + n)..<end].contains(UInt8(ascii: "`")) { return nil }
            return (c, n)
        }

        private func atxHeading(_ first: Int, _ end: Int) -> (level: Int, content: Range<Int>)? {
            var n = 0
            while first + n < end, bytes[first + n] == UInt8(ascii: "#") { n += 1 }
            guard n >= 1, n <= 6, first + n == end || ByteClass.isBlank(bytes[first + n]) else { return nil }
            var start = first + n
            while start < end, ByteClass.isBlank(bytes[start]) { start += 1 }
            var stop = end
            var k = stop
            while k > start, bytes[k - 1] == UInt8(ascii: "#") { k -= 1 }
            if k < stop, k == start || ByteClass.isBlank(bytes[k - 1]) {
                stop = k
                while stop > start, ByteClass.isBlank(bytes[stop - 1]) { stop -= 1 }
            }
            return (n, start..<stop)
        }

        private func setextLevel(_ first: Int, _ end: Int) -> Int? {
            let c = bytes[first]
            guard c == UInt8(ascii: "=") || c == UInt8(ascii: "-") else { return nil }
            guard bytes[first..<end].allSatisfy({ $0 == c }) else { return nil }
            return c == UInt8(ascii: "=") ? 1 : 2
        }

        private func isThematicBreak(_ first: Int, _ end: Int) -> Bool {
            let c = bytes[first]
            guard c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else { return false }
            var count = 0
            for b in bytes[first..<end] {
                if b == c { count += 1 } else if !ByteClass.isBlank(b) { return false }
            }
            return count >= 3
        }

        private func footnoteDefinition(_ first: Int, _ end: Int) -> (name: String, content: Int)? {
            guard end - first >= 5, bytes[first] == UInt8(ascii: "["), bytes[first + 1] == UInt8(ascii: "^") else { return nil }
            var i = first + 2
            while i < end, bytes[i] != UInt8(ascii: "]"), !ByteClass.isSpace(bytes[i]) { i += 1 }
            guard i > first + 2, i + 1 < end, bytes[i] == UInt8(ascii: "]"), bytes[i + 1] == UInt8(ascii: ":") else { return nil }
            var content = i + 2
            while content < end, ByteClass.isBlank(bytes[content]) { content += 1 }
            return (String(decoding: bytes[(first + 2)..<i], as: UTF8.self), content)
        }

        private func isLinkReferenceDefinition(_ first: Int, _ end: Int) -> Bool {
            guard bytes[first] == UInt8(ascii: "["), bytes[first..<end].count > 3 else { return false }
            guard let close = bytes[first..<end].firstIndex(of: UInt8(ascii: "]")), close + 1 < end,
                  bytes[close + 1] == UInt8(ascii: ":") else { return false }
            var i = close + 2
            while i < end, ByteClass.isBlank(bytes[i]) { i += 1 }
            let urlStart = i
            while i < end, !ByteClass.isBlank(bytes[i]) { i += 1 }
            let url = bytes[urlStart..<i]
            guard !url.isEmpty, url.contains(UInt8(ascii: "/")) || url.contains(UInt8(ascii: ".")) else { return false }
            while i < end, ByteClass.isBlank(bytes[i]) { i += 1 }
            return i == end || bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "(")
        }
    }
}
