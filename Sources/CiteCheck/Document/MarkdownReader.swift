import MarkupTrees

/// Reads Markdown as GitHub renders it: cmark-gfm (CommonMark, footnotes, tables, strikethrough, autolinks) parses
/// the post, and this maps its tree to blocks whose every derived byte maps back to its byte in the file.
///
/// - Headings (ATX, setext), paragraphs and table rows are blocks; a list item is one block (its paragraphs joined
///   by line breaks) with its marker as written, its number as written and the number the list renders;
///   a footnote definition is one block too. Blocks inside a block quote are `isQuoted`.
/// - Code blocks and HTML blocks are `.code`; HTML comments (block or inline) are read for suppression directives.
/// - Links keep their text (a DOI, PubMed or PMC target is shown after it as ` (url)`) and are listed in `links`;
///   images are dropped; `^1^`, `<sup>1</sup>` and footnote references `[^1]` are recorded as superscripts.
/// - Link reference definitions, which cmark consumes, are found on the source lines no block covers and become
///   `.linkReferenceDefinition` blocks holding their title.
/// - Front matter, Liquid tags and Hugo shortcodes are blanked before parsing (`MarkdownPreprocessor`).
///
/// cmark gives block positions; inline positions come from aligning each literal against the block's source
/// bytes with a forward cursor (markup skipped, entities and escapes mapped as replacements). The tree is walked
/// in document order without recursion.
enum MarkdownReader {
    static func read(_ source: SourceFile) -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
        var reader = Reader(source: source)
        reader.run()
        return reader.result()
    }

    /// The block being collected across several cmark blocks: a list item or a footnote definition.
    private struct Collector {
        var kind: TextBlock.Kind
        var builder = TextBuilder()
        var links: [TextLink] = []
        var indent: Int
        var isQuoted: Bool
        var renderedNumber: Int?
        /// Source offset the block starts at (its marker), for ordering.
        var start: Int
        /// Source end of the last paragraph appended, where the next one's line break stands.
        var lastEnd: Int?
        /// A nested list or code block interrupted the item: its remaining paragraphs are blocks of their own.
        var closed = false
        /// Index into `nodes` one past the collector's subtree.
        var end: Int
    }

    private struct ListContext {
        var ordered: Bool
        var start: Int
        var items = 0
        var end: Int
    }

    private struct Reader {
        var sink: BlockSink
        /// The source with front matter and template tags blanked: what cmark saw (offsets are the file's).
        let text: [UInt8]
        let lineStarts: [Int]
        /// The lines of `text` (the file's lines).
        let lines: IndexedLines
        let tree: MarkdownTree
        let nodes: [MarkdownNode]
        /// Lines cmark saw before the file's first line (the footnote anchor line, see `footnotePrefix`).
        let prefixLines: Int
        var collectors: [Collector] = []
        var lists: [ListContext] = []
        var quoteEnds: [Int] = []
        /// The source offset each block of `sink.blocks` starts at: blocks are sorted by it at the end (cmark moves
        /// footnote definitions to the end of the document, and link reference definitions come last).
        var starts: [Int] = []
        /// Lines (0-based) some block covers; link reference definitions are looked for on the others.
        var covered: [Bool]

        init(source: SourceFile) {
            sink = BlockSink(source: source)
            text = MarkdownPreprocessor.blank(sink.bytes)
            lineStarts = source.lineStarts
            lines = IndexedLines(bytes: text, starts: source.lineStarts)
            let prefix = Reader.footnotePrefix(text, lines: lines)
            prefixLines = prefix.isEmpty ? 0 : 2
            tree = CommonMark.parse(prefix: prefix, text)
            nodes = tree.nodes
            covered = Array(repeating: false, count: source.lineStarts.count)
        }

        /// cmark-gfm drops footnote definitions nothing refers to, but an unused reference is exactly what a
        /// linter must see: a first line referring to every `[^name]:` written is put before the post.
        static func footnotePrefix(_ text: [UInt8], lines: IndexedLines) -> [UInt8] {
            var prefix: [UInt8] = []
            var seen = Set<ArraySlice<UInt8>>()
            for line in lines {
                var i = line.start
                var columns = 0
                while i < line.end, text[i] == 0x20 || text[i] == UInt8(ascii: ">") || text[i] == 0x09, columns < 64 {
                    i += 1
                    columns += 1
                }
                guard line.end - i >= 5, text[i] == UInt8(ascii: "["), text[i + 1] == UInt8(ascii: "^") else { continue }
                var j = i + 2
                while j < line.end, j - i < 1002, text[j] != UInt8(ascii: "]"), !ByteClass.isSpace(text[j]),
                    text[j] != UInt8(ascii: "[")
                { j += 1 }
                guard j > i + 2, j + 1 < line.end, text[j] == UInt8(ascii: "]"), text[j + 1] == UInt8(ascii: ":") else { continue }
                let name = text[(i + 2)..<j]
                guard seen.insert(name).inserted else { continue }
                prefix += Array("[^".utf8) + name + [UInt8(ascii: "]"), 0x20]
            }
            if !prefix.isEmpty { prefix += [0x0A, 0x0A] }
            return prefix
        }

        func result() -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
            if zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) { return sink.document }
            let order = starts.indices.sorted { (starts[$0], $0) < (starts[$1], $1) }
            return (order.map { sink.blocks[$0] }, sink.directives)
        }

        // MARK: Positions

        /// The file offset of a cmark line and byte column; nil for a position cmark did not give, or one in the prefix.
        func offset(line: Int, column: Int) -> Int? {
            let index = line - 1 - prefixLines
            guard line > 0, index >= 0, index < lineStarts.count else { return nil }
            let lineStart = lineStarts[index]
            let lineEnd = index + 1 < lineStarts.count ? lineStarts[index + 1] : text.count
            return min(lineEnd, lineStart + max(0, column - 1))
        }

        /// The offset where the line after `line` (cmark's numbering) starts, or the end of the file.
        func lineEnd(_ line: Int) -> Int {
            let index = line - prefixLines
            guard index > 0 else { return 0 }
            return index < lineStarts.count ? lineStarts[index] : text.count
        }

        func fileLine(_ line: Int) -> Int { line - 1 - prefixLines }

        mutating func cover(_ index: Int) {
            let startLine = nodes[index].startLine
            let first = max(0, fileLine(startLine))
            let last = min(covered.count - 1, fileLine(max(nodes[index].endLine, startLine)))
            guard first <= last else { return }
            for k in first...last { covered[k] = true }
        }

        /// Columns of indentation before `offset` on its line (a tab advances to the next multiple of 4).
        func indentColumns(before offset: Int) -> Int {
            var lineStart = offset
            while lineStart > 0, text[lineStart - 1] != 0x0A, text[lineStart - 1] != 0x0D { lineStart -= 1 }
            var columns = 0
            var i = lineStart
            while i < offset, ByteClass.isBlank(text[i]) {
                columns = text[i] == 0x09 ? (columns / 4 + 1) * 4 : columns + 1
                i += 1
            }
            return columns
        }

        // MARK: Walk

        mutating func run() {
            var i = 1
            let n = nodes.count
            while i < n {
                closeEnded(before: i)
                switch nodes[i].kind {
                case .blockQuote:
                    interruptCollector()
                    quoteEnds.append(nodes[i].subtreeEnd)
                    i += 1
                case .list:
                    interruptCollector()
                    lists.append(ListContext(ordered: nodes[i].listType == .ordered, start: nodes[i].listStart, end: nodes[i].subtreeEnd))
                    i += 1
                case .item:
                    startItem(i)
                    i += 1
                case .footnoteDefinition:
                    interruptCollector()
                    startFootnote(i)
                    i += 1
                case .paragraph, .heading:
                    cover(i)
                    leafText(i)
                    i = nodes[i].subtreeEnd
                case .codeBlock, .htmlBlock:
                    cover(i)
                    interruptCollector()
                    codeBlock(i)
                    i = nodes[i].subtreeEnd
                case .tableHeader, .tableRow:
                    cover(i)
                    interruptCollector()
                    tableRow(i)
                    i = nodes[i].subtreeEnd
                default:
                    i += 1
                }
            }
            closeEnded(before: Int.max)
            linkReferenceDefinitions()
        }

        var isQuoted: Bool { !quoteEnds.isEmpty }

        /// Ends the containers whose subtree ends at or before node `index`.
        mutating func closeEnded(before index: Int) {
            while let end = quoteEnds.last, end <= index { quoteEnds.removeLast() }
            while let list = lists.last, list.end <= index { lists.removeLast() }
            while let collector = collectors.last, collector.end <= index {
                collectors.removeLast()
                if !collector.closed { emit(collector) }
            }
        }

        /// A nested list, quote or code block inside an item ends the item's text here.
        mutating func interruptCollector() {
            guard var top = collectors.popLast() else { return }
            if !top.closed {
                emit(top)
                top.closed = true
                top.builder = TextBuilder()
                top.links = []
            }
            collectors.append(top)
        }

        mutating func emit(_ collector: Collector) {
            var builder = collector.builder
            builder.extendSpan(to: collector.start..<(collector.start + 1))
            add(
                &builder, kind: collector.kind, links: collector.links, indent: collector.indent, isQuoted: collector.isQuoted,
                renderedNumber: collector.renderedNumber, start: collector.start)
        }

        mutating func add(
            _ builder: inout TextBuilder, kind: TextBlock.Kind, links: [TextLink] = [], indent: Int = 0, isQuoted: Bool,
            renderedNumber: Int? = nil, start: Int
        ) {
            let before = sink.blocks.count
            sink.finish(&builder, kind: kind, indent: indent, isQuoted: isQuoted, renderedNumber: renderedNumber, links: links)
            if sink.blocks.count > before { starts.append(start) }
        }

        mutating func startItem(_ index: Int) {
            let node = nodes[index]
            interruptCollector()
            var list = lists.last ?? ListContext(ordered: false, start: 1, end: node.subtreeEnd)
            let position = list.items
            list.items += 1
            if !lists.isEmpty { lists[lists.count - 1] = list }
            let start = offset(line: node.startLine, column: node.startColumn) ?? 0
            // The marker as written: digits and `.`/`)`, or the bullet.
            var end = start
            while end < text.count, end - start < 10, ByteClass.isDigit(text[end]) { end += 1 }
            if end < text.count, end == start || text[end] == UInt8(ascii: ".") || text[end] == UInt8(ascii: ")") { end += 1 }
            let marker = String(decoding: text[start..<min(end, text.count)], as: UTF8.self)
            let digits = marker.utf8.prefix { ByteClass.isDigit($0) }
            let ordinal = digits.isEmpty ? nil : Int(String(decoding: digits, as: UTF8.self))
            collectors.append(
                Collector(
                    kind: .listItem(marker: marker, ordinal: ordinal), indent: indentColumns(before: start), isQuoted: isQuoted,
                    renderedNumber: list.ordered ? list.start + position : nil, start: start, end: node.subtreeEnd))
        }

        mutating func startFootnote(_ index: Int) {
            let node = nodes[index]
            // The definition's `[^name]:` stands on its first line, before the content cmark points at.
            guard let contentStart = offset(line: node.startLine, column: node.startColumn) else { return }
            let lineStart = lineStarts[max(0, min(lineStarts.count - 1, fileLine(node.startLine)))]
            var open = contentStart
            while open > lineStart, !(text[open - 1] == UInt8(ascii: "[") && text[open] == UInt8(ascii: "^")) { open -= 1 }
            var name = ""
            if open > lineStart {
                open -= 1
                var close = open + 2
                while close < contentStart, text[close] != UInt8(ascii: "]") { close += 1 }
                name = String(decoding: text[min(open + 2, close)..<close], as: UTF8.self)
            } else {
                open = contentStart
            }
            let first = max(0, fileLine(node.startLine))
            if first < covered.count { covered[first] = true }
            collectors.append(
                Collector(
                    kind: .footnoteDefinition(name: name), indent: 0, isQuoted: isQuoted, start: open, end: node.subtreeEnd))
        }

        // MARK: Leaf blocks

        /// A paragraph or heading: appended to the open item or footnote, or a block of its own.
        mutating func leafText(_ index: Int) {
            guard var start = offset(line: nodes[index].startLine, column: nodes[index].startColumn) else { return }
            start = skipLeadingDefinitions(index, from: start, endLine: nodes[index].endLine)
            let isHeading = nodes[index].kind == .heading
            let atxStart = start
            if isHeading {
                // An ATX heading starts at its `#`s (a setext heading's text cannot: `# x` is ATX).
                var k = start
                while k < text.count, k - start < 7, text[k] == UInt8(ascii: "#") { k += 1 }
                if k > start, k - start <= 6, k == text.count || ByteClass.isSpace(text[k]) {
                    while k < text.count, ByteClass.isBlank(text[k]) { k += 1 }
                    start = k
                }
            }
            var inline = InlineAligner(text: text, cursor: start, limit: lineEnd(nodes[index].endLine))
            // Inside a list item or footnote definition: one more paragraph of it.
            if let last = collectors.last, !last.closed {
                // Popped while it grows, so that its text is not copied.
                var top = collectors.removeLast()
                if let lastEnd = top.lastEnd { top.builder.appendLineBreak(at: lastEnd) }
                inline.walk(tree, index, into: &top.builder, links: &top.links, sink: &sink)
                top.lastEnd = inline.cursor
                collectors.append(top)
                return
            }
            var builder = TextBuilder()
            var links: [TextLink] = []
            builder.extendSpan(to: start..<(start + 1))
            inline.walk(tree, index, into: &builder, links: &links, sink: &sink)
            let kind: TextBlock.Kind = isHeading ? .heading(level: Int(nodes[index].headingLevel)) : .paragraph
            // An ATX heading's range starts at its `#`.
            let blockStart = atxStart
            builder.extendSpan(to: atxStart..<(atxStart + 1))
            add(&builder, kind: kind, links: links, isQuoted: isQuoted, start: blockStart)
        }

        mutating func tableRow(_ index: Int) {
            var builder = TextBuilder()
            var links: [TextLink] = []
            var rowStart: Int?
            for cellIndex in tree.children(of: index) {
                let cell = nodes[cellIndex]
                guard let start = offset(line: cell.startLine, column: cell.startColumn) else { continue }
                if rowStart == nil { rowStart = start }
                if !builder.isEmpty { builder.appendReplacement([0x20], for: start..<start) }
                var inline = InlineAligner(text: text, cursor: start, limit: lineEnd(cell.endLine))
                inline.walk(tree, cellIndex, into: &builder, links: &links, sink: &sink)
            }
            add(&builder, kind: .paragraph, links: links, isQuoted: isQuoted, start: rowStart ?? 0)
        }

        /// A code or HTML block: its literal, each line mapped to the end of its source line. HTML comments in
        /// an HTML block are read for directives; a block of comments only is no block.
        mutating func codeBlock(_ index: Int) {
            let node = nodes[index]
            guard let start = offset(line: node.startLine, column: node.startColumn) else { return }
            // cmark sometimes ends an HTML block before it starts (`7:1-6:0`): its literal says how many lines it has.
            let literalLines = tree.literal(of: index).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            let end = max(lineEnd(node.endLine), lineEnd(node.startLine + max(0, literalLines - 1)), start)
            if node.kind == .htmlBlock, onlyComments(start..<end) { return }
            let fenced = tree.fenceInfo(of: index) != nil
            if node.kind == .codeBlock, !fenced, labelledLines(start..<end) { return }
            var literal = tree.literal(of: index)
            while let last = literal.last, last == 0x0A || last == 0x0D { literal.removeLast() }
            var builder = TextBuilder()
            var line = fileLine(node.startLine) + (fenced ? 1 : 0)
            var first = true
            for piece in literal.split(separator: 0x0A, omittingEmptySubsequences: false) {
                guard line >= 0, line < lineStarts.count else { break }
                let lineStart = lineStarts[line]
                var lineStop = line + 1 < lineStarts.count ? lineStarts[line + 1] : text.count
                while lineStop > lineStart, text[lineStop - 1] == 0x0A || text[lineStop - 1] == 0x0D { lineStop -= 1 }
                if !first { builder.appendLineBreak(at: lineStart - 1) }
                first = false
                let count = piece.count
                if count <= lineStop - lineStart, text[(lineStop - count)..<lineStop].elementsEqual(piece) {
                    builder.appendVerbatim(text, (lineStop - count)..<lineStop)
                } else {
                    builder.appendReplacement(Array(piece), for: lineStart..<max(lineStart, lineStop))
                }
                line += 1
            }
            add(&builder, kind: .code, isQuoted: isQuoted, start: start)
        }

        /// Indented code whose first line starts with an entry label (`    1. Feder A, …`): posts indent reference
        /// lists that way and mean them as text, so each labelled line starts a list item (continued by the
        /// lines after it), as plain text reads them. False (nothing added) for any other indented code.
        mutating func labelledLines(_ range: Range<Int>) -> Bool {
            let lines = SourceLine.split(Array(text[range]))
            var lastNumber: Int?
            var builder = TextBuilder()
            var kind: TextBlock.Kind?
            var indent = 0
            var start = 0
            var previousEnd = 0
            var sawLabel = false
            for relative in lines {
                let line = SourceLine(
                    start: relative.start + range.lowerBound, end: relative.end + range.lowerBound,
                    next: relative.next + range.lowerBound)
                let (first, columns) = line.indentation(text)
                let end = line.trimmedEnd(text)
                if first >= end {
                    if let kind { add(&builder, kind: kind, indent: indent, isQuoted: isQuoted, start: start) }
                    builder = TextBuilder()
                    kind = nil
                    continue
                }
                if let label = EntryLabel.parse(text, at: first, end: end, previous: lastNumber) {
                    if let number = label.number { lastNumber = number }
                    sawLabel = true
                    if let kind { add(&builder, kind: kind, indent: indent, isQuoted: isQuoted, start: start) }
                    builder = TextBuilder()
                    kind = .listItem(marker: label.text, ordinal: label.number)
                    indent = columns
                    start = first
                    builder.extendSpan(to: label.range)
                    builder.appendVerbatim(text, label.contentStart..<end)
                } else if !sawLabel {
                    return false
                } else if kind == nil {
                    kind = .paragraph
                    indent = columns
                    start = first
                    builder.appendVerbatim(text, first..<end)
                } else {
                    builder.appendLineBreak(at: previousEnd)
                    builder.appendVerbatim(text, first..<end)
                }
                previousEnd = end
            }
            if let kind { add(&builder, kind: kind, indent: indent, isQuoted: isQuoted, start: start) }
            return true
        }

        /// Reads the HTML comments in `range` for directives; true when nothing else but blanks is there.
        mutating func onlyComments(_ range: Range<Int>) -> Bool {
            var i = range.lowerBound
            var onlyComments = true
            var commentEnd = ForwardFinder("-->")
            while i < range.upperBound {
                if text[i] == UInt8(ascii: "<"), i + 3 < range.upperBound, text[i + 1] == UInt8(ascii: "!"),
                    text[i + 2] == UInt8(ascii: "-"), text[i + 3] == UInt8(ascii: "-")
                {
                    let close = commentEnd.find(in: text, from: i + 4, limit: range.upperBound)
                    sink.addDirective(text[(i + 4)..<(close ?? range.upperBound)], at: i)
                    i = close.map { $0 + 3 } ?? range.upperBound
                    continue
                }
                if !ByteClass.isSpace(text[i]), text[i] != UInt8(ascii: ">") { onlyComments = false }
                i += 1
            }
            return onlyComments
        }

        // MARK: Link reference definitions

        /// `[label]: url "title"` on lines no block covers (cmark consumed them): a block holding the title.
        mutating func linkReferenceDefinitions() {
            var k = 0
            while k < lines.count {
                if k < covered.count, !covered[k],
                    let last = definition(at: k, lines: lines, allowNext: k + 1 < covered.count && !covered[k + 1])
                {
                    k = last + 1
                } else {
                    k += 1
                }
            }
        }

        /// Reads a link reference definition starting on line `k` (0-based) and adds its block; returns the last
        /// line it took (its title may stand on the next line, when `allowNext` says that line may be read), or
        /// nil when line `k` is not a definition.
        mutating func definition<Lines: RandomAccessCollection<SourceLine>>(at k: Int, lines: Lines, allowNext: Bool) -> Int?
        where Lines.Index == Int {
            let line = lines[k]
            var i = line.start
            while i < line.end, i - line.start < 3, text[i] == 0x20 { i += 1 }
            guard i < line.end, text[i] == UInt8(ascii: "["), i + 1 < line.end, text[i + 1] != UInt8(ascii: "^") else { return nil }
            var close = i + 1
            while close < line.end, text[close] != UInt8(ascii: "]") {
                if text[close] == UInt8(ascii: "\\") { close += 1 }
                close += 1
            }
            guard close + 1 < line.end, close > i + 1, text[close + 1] == UInt8(ascii: ":") else { return nil }
            let label = String(decoding: text[(i + 1)..<close], as: UTF8.self)
            var j = close + 2
            while j < line.end, ByteClass.isBlank(text[j]) { j += 1 }
            var urlRange = j..<j
            if j < line.end, text[j] == UInt8(ascii: "<") {
                var e = j + 1
                while e < line.end, text[e] != UInt8(ascii: ">") { e += 1 }
                urlRange = (j + 1)..<e
                j = min(line.end, e + 1)
            } else {
                while j < line.end, !ByteClass.isSpace(text[j]) { j += 1 }
                urlRange = urlRange.lowerBound..<j
                guard !urlRange.isEmpty else { return nil }
            }
            while j < line.end, ByteClass.isBlank(text[j]) { j += 1 }
            var titleLine = line
            var last = k
            if j == line.end, k + 1 < lines.count, allowNext {
                // The title may stand on the next line.
                let next = lines[k + 1]
                var t = next.start
                while t < next.end, ByteClass.isBlank(text[t]) { t += 1 }
                if t < next.end, text[t] == UInt8(ascii: "\"") || text[t] == UInt8(ascii: "'") || text[t] == UInt8(ascii: "(") {
                    titleLine = next
                    j = t
                    last = k + 1
                }
            }
            var builder = TextBuilder()
            if j < titleLine.end, text[j] == UInt8(ascii: "\"") || text[j] == UInt8(ascii: "'") || text[j] == UInt8(ascii: "(") {
                let quote = text[j] == UInt8(ascii: "(") ? UInt8(ascii: ")") : text[j]
                var e = titleLine.trimmedEnd(text)
                if e > j + 1, text[e - 1] == quote { e -= 1 }
                builder.appendVerbatim(text, (j + 1)..<max(j + 1, e))
            } else if j < titleLine.end {
                return nil
            }
            let url = String(decoding: text[urlRange], as: UTF8.self)
            builder.trimTrailingWhitespace()
            let link = TextLink(textRange: 0..<builder.count, url: url, title: builder.isEmpty ? nil : builder.string)
            add(&builder, kind: .linkReferenceDefinition(label: label), links: [link], isQuoted: isQuoted, start: i)
            return last
        }

        /// cmark takes link reference definitions off the start of a paragraph but keeps the paragraph's start line:
        /// reads those definitions and returns where the paragraph's text starts.
        mutating func skipLeadingDefinitions(_ index: Int, from start: Int, endLine: Int) -> Int {
            guard start < text.count, text[start] == UInt8(ascii: "[") else { return start }
            // The paragraph's first text, as cmark kept it: a line starting with it is content, not a definition.
            var firstLiteral: ArraySlice<UInt8> = []
            var child = index + 1
            while child < nodes[index].subtreeEnd {
                if nodes[child].kind == .text || nodes[child].kind == .code {
                    firstLiteral = tree.literal(of: child).prefix(16)
                    break
                }
                if nodes[child].kind != .link, nodes[child].kind != .emphasis, nodes[child].kind != .strong { break }
                child += 1
            }
            let lines = SourceLine.split(Array(text[start..<lineEnd(endLine)])).map {
                SourceLine(start: $0.start + start, end: $0.end + start, next: $0.next + start)
            }
            var k = 0
            var cursor = start
            while k < lines.count - 1 {
                let line = lines[k]
                var first = line.start
                while first < line.end, ByteClass.isBlank(text[first]) { first += 1 }
                if !firstLiteral.isEmpty, text[first..<line.end].starts(with: firstLiteral) { break }
                guard let last = definition(at: k, lines: lines, allowNext: k + 1 < lines.count - 1) else { break }
                k = last + 1
                cursor = lines[k].start
            }
            return cursor
        }
    }
}
