import MarkupTrees

/// Turns the inline nodes of one cmark block into visible text, finding each literal's bytes in the source with a
/// forward cursor: bytes that match are copied verbatim (so they map to themselves), entities and backslash
/// escapes become replacements for their source bytes, and anything else (emphasis markers, link destinations,
/// container prefixes such as `>`) is skipped. The cursor never moves back, so a block is aligned in linear time.
struct InlineAligner {
    let text: [UInt8]
    /// Source offset of the next byte to align.
    private(set) var cursor: Int
    /// Source offset the block ends at (the end of its last line).
    let limit: Int
    private var superscriptStarts: [Int] = []
    /// Inside an image: its alt text is aligned but not shown.
    private var silent = 0

    init(text: [UInt8], cursor: Int, limit: Int) {
        self.text = text
        self.cursor = cursor
        self.limit = min(limit, text.count)
    }

    private enum Exit {
        case delimiter(UInt8?, count: Int)
        case link(visibleStart: Int, url: String, title: String?)
        case image
    }

    /// Appends the text of the inline content of node `root` (a paragraph, heading or table cell).
    mutating func walk(_ tree: MarkdownTree, _ root: Int, into builder: inout TextBuilder, links: inout [TextLink], sink: inout BlockSink) {
        let nodes = tree.nodes
        var exits: [(end: Int, exit: Exit)] = []
        var i = root + 1
        let end = nodes[root].subtreeEnd
        while i < end {
            while let top = exits.last, top.end <= i {
                exits.removeLast()
                leave(top.exit, into: &builder, links: &links)
            }
            switch nodes[i].kind {
            case .text:
                appendText(tree.literal(of: i), into: &builder)
            case .softBreak, .lineBreak:
                lineBreak(into: &builder)
            case .code:
                code(tree.literal(of: i), into: &builder)
            case .htmlInline:
                html(tree.literal(of: i), into: &builder, sink: &sink)
            case .emphasis, .strong:
                let count = nodes[i].kind == .strong ? 2 : 1
                var delimiter: UInt8?
                if cursor < limit, text[cursor] == UInt8(ascii: "*") || text[cursor] == UInt8(ascii: "_") { delimiter = text[cursor] }
                skipDelimiter(delimiter, count: count)
                exits.append((nodes[i].subtreeEnd, .delimiter(delimiter, count: count)))
            case .strikethrough:
                var count = 0
                while cursor + count < limit, text[cursor + count] == UInt8(ascii: "~") { count += 1 }
                cursor += count
                exits.append((nodes[i].subtreeEnd, .delimiter(UInt8(ascii: "~"), count: count)))
            case .link:
                skipBlanks()
                if cursor < limit, text[cursor] == UInt8(ascii: "[") || text[cursor] == UInt8(ascii: "<") { cursor += 1 }
                exits.append((nodes[i].subtreeEnd, .link(visibleStart: builder.count, url: tree.url(of: i) ?? "", title: tree.title(of: i))))
            case .image:
                skipBlanks()
                if cursor + 1 < limit, text[cursor] == UInt8(ascii: "!"), text[cursor + 1] == UInt8(ascii: "[") { cursor += 2 }
                silent += 1
                exits.append((nodes[i].subtreeEnd, .image))
            case .footnoteReference:
                footnoteReference(into: &builder)
            default:
                break
            }
            i += 1
        }
        while let top = exits.popLast() { leave(top.exit, into: &builder, links: &links) }
        for start in superscriptStarts where start < builder.count {
            builder.superscripts.append(start..<builder.count)
        }
        superscriptStarts.removeAll()
    }

    private mutating func leave(_ exit: Exit, into builder: inout TextBuilder, links: inout [TextLink]) {
        switch exit {
        case .delimiter(let delimiter, let count):
            skipDelimiter(delimiter, count: count)
        case .image:
            silent -= 1
            _ = skipDestination()
        case .link(let visibleStart, let url, let title):
            let visibleEnd = builder.count
            let destination = skipDestination()
            guard silent == 0 else { return }
            links.append(TextLink(textRange: visibleStart..<visibleEnd, url: url, title: title))
            let urlBytes = Array(url.utf8)
            guard !urlBytes.isEmpty, LinkTargets.isBibliographic(urlBytes[...]),
                !LinkTargets.isShown(urlBytes[...], in: builder.bytes[min(visibleStart, builder.count)...])
            else { return }
            let anchor = destination ?? (cursor..<cursor)
            builder.appendReplacement(Array(" (".utf8), for: anchor.lowerBound..<anchor.lowerBound)
            if let destination, text[destination].elementsEqual(urlBytes) {
                builder.appendVerbatim(text, destination)
            } else {
                builder.appendReplacement(urlBytes, for: anchor)
            }
            builder.appendReplacement(Array(")".utf8), for: anchor.upperBound..<anchor.upperBound)
        }
    }

    // MARK: Pieces

    /// A text literal: `^…^` inside it is a superscript (carets dropped).
    private mutating func appendText(_ literal: ArraySlice<UInt8>, into builder: inout TextBuilder) {
        guard literal.contains(UInt8(ascii: "^")) else {
            align(literal, into: &builder)
            return
        }
        var k = literal.startIndex
        var plainStart = k
        let n = literal.endIndex
        while k < n {
            guard literal[k] == UInt8(ascii: "^") else {
                k += 1
                continue
            }
            var close = k + 1
            while close < n, close - k <= 32, literal[close] != UInt8(ascii: "^"), !ByteClass.isSpace(literal[close]) { close += 1 }
            guard close < n, close > k + 1, literal[close] == UInt8(ascii: "^") else {
                k += 1
                continue
            }
            align(literal[plainStart..<k], into: &builder)
            align(literal[k..<(k + 1)], into: &builder, emit: false)
            let start = builder.count
            align(literal[(k + 1)..<close], into: &builder)
            if silent == 0, builder.count > start { builder.superscripts.append(start..<builder.count) }
            align(literal[close..<(close + 1)], into: &builder, emit: false)
            k = close + 1
            plainStart = k
        }
        align(literal[plainStart..<n], into: &builder)
    }

    /// A code span: its backtick fences skipped, its content kept as written.
    private mutating func code(_ literal: ArraySlice<UInt8>, into builder: inout TextBuilder) {
        skipBlanks()
        var fence = 0
        while cursor < limit, text[cursor] == UInt8(ascii: "`") {
            fence += 1
            cursor += 1
        }
        align(literal[...], into: &builder, decoding: false)
        // The closing fence: the next run of as many backticks.
        var k = cursor
        while k < limit {
            if text[k] == UInt8(ascii: "`") {
                var run = 0
                while k + run < limit, text[k + run] == UInt8(ascii: "`") { run += 1 }
                if run == fence {
                    cursor = k + run
                    return
                }
                k += run
            } else {
                k += 1
            }
        }
    }

    /// Inline HTML: never text. Comments are read for directives, `<sup>` marks superscripts, `<br>` breaks the line.
    private mutating func html(_ literal: ArraySlice<UInt8>, into builder: inout TextBuilder, sink: inout BlockSink) {
        while cursor < limit, text[cursor] != UInt8(ascii: "<") { cursor += 1 }
        let start = cursor
        var scratch = TextBuilder()
        align(literal[...], into: &scratch, emit: false)
        if Self.isTag(literal, "!--") {
            let bodyStart = literal.startIndex + 4
            let bodyEnd = literal.count >= 7 && literal.suffix(3).elementsEqual(Array("-->".utf8)) ? literal.endIndex - 3 : literal.endIndex
            if silent == 0 { sink.addDirective(literal[bodyStart..<max(bodyStart, bodyEnd)], at: start) }
        } else if Self.isTag(literal, "sup") {
            if superscriptStarts.count < 64 { superscriptStarts.append(builder.count) }
        } else if Self.isTag(literal, "/sup") {
            if let open = superscriptStarts.popLast(), open < builder.count, silent == 0 { builder.superscripts.append(open..<builder.count) }
        } else if Self.isTag(literal, "br") {
            if silent == 0 { builder.appendLineBreak(at: start) }
        }
    }

    /// True when `literal` opens with `<` and `name` (ASCII case ignored), followed by the end, `>`, `/` or a
    /// space (for `!--`, anything may follow).
    private static func isTag(_ literal: ArraySlice<UInt8>, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard literal.count > count, literal.first == UInt8(ascii: "<") else { return false }
        let start = literal.startIndex + 1
        let matches = name.withUTF8Buffer { name in
            (0..<count).allSatisfy { ByteClass.lowercased(literal[start + $0]) == name[$0] }
        }
        guard matches else { return false }
        guard literal.count > count + 1, name.utf8Start.pointee != UInt8(ascii: "!") else { return true }
        let next = literal[start + count]
        return next == UInt8(ascii: ">") || next == UInt8(ascii: "/") || ByteClass.isSpace(next)
    }

    /// `[^name]`: the name, as written, recorded as a superscript (the citation finder reads it as a footnote reference).
    private mutating func footnoteReference(into builder: inout TextBuilder) {
        var k = cursor
        while k + 1 < limit, !(text[k] == UInt8(ascii: "[") && text[k + 1] == UInt8(ascii: "^")) { k += 1 }
        guard k + 1 < limit else { return }
        var close = k + 2
        while close < limit, text[close] != UInt8(ascii: "]") { close += 1 }
        if silent == 0 {
            let start = builder.count
            builder.appendVerbatim(text, (k + 2)..<close)
            if builder.count > start { builder.superscripts.append(start..<builder.count) }
        }
        cursor = min(limit, close + 1)
    }

    private mutating func lineBreak(into builder: inout TextBuilder) {
        var k = cursor
        while k < limit, text[k] != 0x0A, text[k] != 0x0D { k += 1 }
        if silent == 0 { builder.appendLineBreak(at: k) }
        if k < limit, text[k] == 0x0D { k += 1 }
        if k < limit, text[k] == 0x0A { k += 1 }
        cursor = k
    }

    private mutating func skipBlanks() {
        while cursor < limit, ByteClass.isBlank(text[cursor]) { cursor += 1 }
    }

    private mutating func skipDelimiter(_ delimiter: UInt8?, count: Int) {
        guard let delimiter else { return }
        var k = 0
        while k < count, cursor < limit, text[cursor] == delimiter {
            cursor += 1
            k += 1
        }
    }

    /// After a link's or image's text: `]`, then `(destination "title")` or `[label]`, or the `>` of an autolink.
    /// Returns the destination's source range for an inline link.
    private mutating func skipDestination() -> Range<Int>? {
        guard cursor < limit else { return nil }
        if text[cursor] == UInt8(ascii: ">") {
            cursor += 1
            return nil
        }
        guard text[cursor] == UInt8(ascii: "]") else { return nil }
        cursor += 1
        guard cursor < limit else { return nil }
        if text[cursor] == UInt8(ascii: "[") {
            while cursor < limit, text[cursor] != UInt8(ascii: "]") {
                if text[cursor] == UInt8(ascii: "\\") { cursor += 1 }
                cursor += 1
            }
            cursor = min(limit, cursor + 1)
            return nil
        }
        guard text[cursor] == UInt8(ascii: "(") else { return nil }
        cursor += 1
        while cursor < limit, ByteClass.isSpace(text[cursor]) { cursor += 1 }
        var destination: Range<Int>
        if cursor < limit, text[cursor] == UInt8(ascii: "<") {
            let start = cursor + 1
            cursor += 1
            while cursor < limit, text[cursor] != UInt8(ascii: ">") {
                if text[cursor] == UInt8(ascii: "\\") { cursor += 1 }
                cursor += 1
            }
            destination = start..<min(cursor, limit)
            cursor = min(limit, cursor + 1)
        } else {
            let start = cursor
            var depth = 0
            while cursor < limit, !ByteClass.isSpace(text[cursor]) {
                let b = text[cursor]
                if b == UInt8(ascii: "\\") {
                    cursor += 2
                    continue
                }
                if b == UInt8(ascii: "(") { depth += 1 }
                if b == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                cursor += 1
            }
            cursor = min(cursor, limit)
            destination = start..<cursor
        }
        while cursor < limit, ByteClass.isSpace(text[cursor]) { cursor += 1 }
        if cursor < limit, text[cursor] == UInt8(ascii: "\"") || text[cursor] == UInt8(ascii: "'") || text[cursor] == UInt8(ascii: "(") {
            let quote = text[cursor] == UInt8(ascii: "(") ? UInt8(ascii: ")") : text[cursor]
            cursor += 1
            while cursor < limit, text[cursor] != quote {
                if text[cursor] == UInt8(ascii: "\\") { cursor += 1 }
                cursor += 1
            }
            cursor = min(limit, cursor + 1)
            while cursor < limit, ByteClass.isSpace(text[cursor]) { cursor += 1 }
        }
        if cursor < limit, text[cursor] == UInt8(ascii: ")") { cursor += 1 }
        destination = destination.clamped(to: 0..<limit)
        return destination
    }

    // MARK: Alignment

    /// Finds `literal` in the source from the cursor on and appends it (unless `emit` is false or inside an
    /// image): matching bytes verbatim, entities and escapes as replacements for their source bytes.
    /// `decoding` false: a code span, whose content is literal (no entities, no escapes).
    private mutating func align(_ literal: ArraySlice<UInt8>, into builder: inout TextBuilder, emit: Bool = true, decoding: Bool = true) {
        let emit = emit && silent == 0
        var k = literal.startIndex
        var run: Int?
        func flush(_ builder: inout TextBuilder, _ cursor: Int) {
            if let start = run, emit { builder.appendVerbatim(text, start..<cursor) }
            run = nil
        }
        while k < literal.endIndex {
            guard cursor < limit else {
                flush(&builder, cursor)
                if emit { builder.appendReplacement(Array(literal[k...]), for: max(0, limit - 1)..<limit) }
                return
            }
            let b = text[cursor]
            let c = literal[k]
            if b == c, b != UInt8(ascii: "&"), b != UInt8(ascii: "\\") {
                // The longest run of equal bytes with no reference or escape in the source.
                if run == nil { run = cursor }
                let matched = Self.commonRun(text, from: cursor + 1, limit: limit, literal, from: k + 1)
                cursor += 1 + matched
                k += 1 + matched
                continue
            }
            if decoding, b == UInt8(ascii: "&"), let entity = HTMLParser.characterReference(in: text, at: cursor, limit: limit),
                literal[k...].starts(with: entity.replacement)
            {
                flush(&builder, cursor)
                if emit { builder.appendReplacement(entity.replacement, for: cursor..<entity.end) }
                k += entity.replacement.count
                cursor = entity.end
                continue
            }
            if decoding, b == UInt8(ascii: "\\"), cursor + 1 < limit, text[cursor + 1] == c, ByteClass.isASCIIPunctuation(c) {
                flush(&builder, cursor)
                if emit { builder.appendReplacement([c], for: cursor..<(cursor + 2)) }
                k += 1
                cursor += 2
                continue
            }
            if b == c {
                if run == nil { run = cursor }
                cursor += 1
                k += 1
                continue
            }
            if (c == 0x20 || c == 0x0A) && (b == 0x0A || b == 0x0D) {
                flush(&builder, cursor)
                if emit { builder.appendReplacement([c], for: cursor..<(cursor + 1)) }
                cursor += (b == 0x0D && cursor + 1 < limit && text[cursor + 1] == 0x0A) ? 2 : 1
                k += 1
                continue
            }
            if decoding, b == UInt8(ascii: "&"), c != UInt8(ascii: "&"), let end = Self.entityEnd(text, cursor, limit) {
                // A character reference our table does not know: it stands for the literal's next scalar.
                flush(&builder, cursor)
                var width = 1
                while k + width < literal.endIndex, literal[k + width] & 0xC0 == 0x80 { width += 1 }
                if emit { builder.appendReplacement(Array(literal[k..<(k + width)]), for: cursor..<end) }
                k += width
                cursor = end
                continue
            }
            flush(&builder, cursor)
            cursor += 1
        }
        flush(&builder, cursor)
    }

    /// How many bytes from `text[from...]` (up to `limit`) equal those from `literal[start...]`, stopping before an
    /// `&` or `\\` in the text.
    private static func commonRun(_ text: [UInt8], from: Int, limit: Int, _ literal: ArraySlice<UInt8>, from start: Int) -> Int {
        let available = min(limit - from, literal.endIndex - start)
        guard available > 0 else { return 0 }
        return text.withUnsafeBufferPointer { source in
            literal.withUnsafeBufferPointer { written in
                let s = source.baseAddress! + from
                let w = written.baseAddress! + (start - literal.startIndex)
                var n = 0
                while n < available {
                    let b = s[n]
                    if b != w[n] || b == UInt8(ascii: "&") || b == UInt8(ascii: "\\") { break }
                    n += 1
                }
                return n
            }
        }
    }

    /// The end of `&name;` or `&#…;` at `start`, if it has that shape.
    private static func entityEnd(_ text: [UInt8], _ start: Int, _ limit: Int) -> Int? {
        var k = start + 1
        while k < limit, k - start <= 32, ByteClass.isASCIIAlphanumeric(text[k]) || text[k] == UInt8(ascii: "#") { k += 1 }
        guard k < limit, k > start + 1, text[k] == UInt8(ascii: ";") else { return nil }
        return k + 1
    }
}
