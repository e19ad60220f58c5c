/// Reads HTML as blog platforms export it (WordPress, Ghost, Medium, Substack): headings, paragraphs and
/// other block elements become blocks, `<li>` becomes a list item numbered from its `<ol start>` and position,
/// `<br>` a line break; entities are decoded, inline tags stripped, `<script>`/`<style>` skipped, comments read
/// for suppression directives, `<sup>` recorded.
///
/// Tolerant of malformed markup (unclosed tags, stray `<`), and iterative with an explicit element stack, so
/// deep nesting cannot overflow the call stack.
enum HTMLReader {
    static func read(_ source: SourceFile) -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
        var state = State(source: source)
        state.run()
        return state.sink.document
    }

    private enum Element {
        case block(String)
        case heading(Int)
        case list(ordered: Bool)
        case item
        case pre
    }

    private struct ListContext {
        var ordered: Bool
        var next: Int
    }

    private struct ItemContext {
        var ordinal: Int?
        /// `lists.count` when the item opened.
        var listDepth: Int
    }

    private static let blockNames: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "figure",
        "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "form",
        "center", "address", "details", "summary", "body", "html", "fieldset", "hgroup", "picture",
    ]
    private static let voidNames: Set<String> = [
        "br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "embed", "source", "track", "param",
    ]
    /// Elements whose content is never text of the post.
    private static let skippedNames: Set<String> = ["script", "style", "title", "template", "noscript", "svg", "iframe", "head", "textarea"]

    private struct State {
        var sink: BlockSink
        let bytes: [UInt8]
        var builder = TextBuilder()
        var stack: [Element] = []
        var openCounts: [String: Int] = [:]
        var lists: [ListContext] = []
        var items: [ItemContext] = []
        var headings: [Int] = []
        var preDepth = 0
        var superscriptStarts: [Int] = []
        /// Open `<a>` elements: the derived offset where their text starts and their `href` (a source range).
        var anchors: [(start: Int, href: Range<Int>?, title: Range<Int>?)] = []
        /// The links of the block being read.
        var links: [TextLink] = []
        var greaterThan = ForwardFinder(">")
        var commentEnd = ForwardFinder("-->")
        var closers: [String: ForwardFinder] = [:]

        init(source: SourceFile) {
            sink = BlockSink(source: source)
            bytes = sink.bytes
        }

        mutating func run() {
            let n = bytes.count
            var i = 0
            while i < n {
                let c = bytes[i]
                if c == UInt8(ascii: "<") {
                    if let next = markup(at: i) {
                        i = next
                        continue
                    }
                    appendText(i..<(i + 1))
                    i += 1
                } else if c == UInt8(ascii: "&") {
                    if let entity = HTMLEntities.decode(bytes, at: i, limit: n) {
                        appendDecoded(entity.replacement, for: i..<entity.end)
                        i = entity.end
                    } else {
                        appendText(i..<(i + 1))
                        i += 1
                    }
                } else {
                    var j = i + 1
                    while j < n, bytes[j] != UInt8(ascii: "<"), bytes[j] != UInt8(ascii: "&") { j += 1 }
                    appendText(i..<j)
                    i = j
                }
            }
            flush()
        }

        // MARK: Text

        /// Appends source text, collapsing whitespace runs to one space outside `<pre>`.
        private mutating func appendText(_ range: Range<Int>) {
            if preDepth > 0 {
                builder.appendVerbatim(bytes, range)
                return
            }
            // Copies maximal spans in which whitespace is single spaces; other whitespace runs become one space.
            var i = range.lowerBound
            let end = range.upperBound
            var spanStart = i
            while i < end {
                guard ByteClass.isSpace(bytes[i]) else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < end, ByteClass.isSpace(bytes[j]) { j += 1 }
                let keepsSingleSpace = j == i + 1 && bytes[i] == 0x20 && i > spanStart
                if !keepsSingleSpace {
                    builder.appendVerbatim(bytes, spanStart..<i)
                    if let last = builder.lastByte, !ByteClass.isSpace(last) {
                        builder.appendReplacement([0x20], for: i..<j)
                    }
                    spanStart = j
                }
                i = j
            }
            builder.appendVerbatim(bytes, spanStart..<end)
        }

        private mutating func appendDecoded(_ replacement: [UInt8], for range: Range<Int>) {
            if preDepth == 0, replacement == [0x20] || replacement == [0x0A] || replacement == [0x09] {
                guard let last = builder.lastByte, !ByteClass.isSpace(last) else { return }
                builder.appendReplacement([0x20], for: range)
                return
            }
            builder.appendReplacement(replacement, for: range)
        }

        private var currentKind: TextBlock.Kind {
            if preDepth > 0 { return .code }
            if let level = headings.last { return .heading(level: level) }
            if let item = items.last { return .listItem(marker: nil, ordinal: item.ordinal) }
            return .paragraph
        }

        private mutating func flush() {
            for start in superscriptStarts where start < builder.count {
                builder.superscripts.append(start..<builder.count)
            }
            superscriptStarts = superscriptStarts.map { _ in 0 }
            let kind = currentKind
            var renderedNumber: Int?
            if case .listItem(_, let ordinal) = kind { renderedNumber = ordinal }
            sink.finish(&builder, kind: kind, isQuoted: (openCounts["blockquote"] ?? 0) > 0, renderedNumber: renderedNumber, links: links)
            links = []
            for k in anchors.indices { anchors[k].start = 0 }
        }

        /// A block boundary: a new block, or a line break inside a list item.
        private mutating func boundary(at offset: Int) {
            if !items.isEmpty, headings.isEmpty, preDepth == 0 {
                builder.appendLineBreak(at: offset)
            } else {
                flush()
            }
        }

        // MARK: Markup

        /// Handles markup at `i` (a `<`); returns where text resumes, or nil when the `<` is text.
        private mutating func markup(at i: Int) -> Int? {
            let n = bytes.count
            guard i + 1 < n else { return nil }
            let next = bytes[i + 1]
            if next == UInt8(ascii: "!") {
                if i + 3 < n, bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
                    let close = commentEnd.find(in: bytes, from: i + 4)
                    sink.addDirective(bytes[(i + 4)..<(close ?? n)], at: i)
                    return close.map { $0 + 3 } ?? n
                }
                return greaterThan.find(in: bytes, from: i + 1).map { $0 + 1 }
            }
            if next == UInt8(ascii: "?") {
                return greaterThan.find(in: bytes, from: i + 1).map { $0 + 1 }
            }
            let isTag = ByteClass.isASCIILetter(next)
                || (next == UInt8(ascii: "/") && i + 2 < n && ByteClass.isASCIILetter(bytes[i + 2]))
            guard isTag, let close = greaterThan.find(in: bytes, from: i + 1) else { return nil }
            let tag = HTMLTag(bytes, from: i + 1, to: close)
            guard !tag.name.isEmpty else { return nil }
            let after = close + 1
            if tag.isClosing {
                closeTag(tag, at: i)
                return after
            }
            if HTMLReader.skippedNames.contains(tag.name), !tag.isSelfClosing {
                var finder = closers[tag.name] ?? ForwardFinder("</" + tag.name, caseInsensitive: true)
                let end = finder.find(in: bytes, from: after)
                closers[tag.name] = finder
                guard let end else { return n }
                return greaterThan.find(in: bytes, from: end).map { $0 + 1 } ?? n
            }
            openTag(tag, at: i)
            return after
        }

        private mutating func openTag(_ tag: HTMLTag, at offset: Int) {
            let name = tag.name
            switch name {
            case "br":
                builder.appendLineBreak(at: offset)
            case "hr":
                flush()
            case "sup":
                // Bounded: thousands of unclosed tags must not make every block boundary slow.
                if superscriptStarts.count < 64 { superscriptStarts.append(builder.count) }
            case "a":
                if anchors.count < 64 { anchors.append((builder.count, tag.attribute("href"), tag.attribute("title"))) }
            case "h1", "h2", "h3", "h4", "h5", "h6":
                flush()
                let level = Int(bytes[offset + 2] - 0x30)
                push(.heading(level), name: name)
                headings.append(level)
            case "ol", "ul":
                flush()
                let ordered = name == "ol"
                push(.list(ordered: ordered), name: name)
                lists.append(ListContext(ordered: ordered, next: tag.integerAttribute("start") ?? 1))
            case "li":
                flush()
                if let open = items.last, open.listDepth == lists.count {
                    popThrough(name: "li")
                }
                var ordinal: Int?
                if var list = lists.last, list.ordered {
                    let value = tag.integerAttribute("value") ?? list.next
                    ordinal = value
                    list.next = value + 1
                    lists[lists.count - 1] = list
                }
                push(.item, name: name)
                items.append(ItemContext(ordinal: ordinal, listDepth: lists.count))
            case "pre":
                flush()
                push(.pre, name: name)
                preDepth += 1
            default:
                if HTMLReader.blockNames.contains(name) {
                    boundary(at: offset)
                    if !tag.isSelfClosing { push(.block(name), name: name) }
                }
                // Other tags (span, em, strong, i, b, code, …) are stripped, keeping their text.
            }
        }

        private mutating func closeTag(_ tag: HTMLTag, at offset: Int) {
            let name = tag.name
            switch name {
            case "sup":
                if let start = superscriptStarts.popLast(), start < builder.count {
                    builder.superscripts.append(start..<builder.count)
                }
            case "a":
                guard let anchor = anchors.popLast() else { return }
                if let href = anchor.href, anchor.start <= builder.count {
                    links.append(TextLink(
                        textRange: anchor.start..<builder.count, url: decodedAttribute(href),
                        title: anchor.title.map(decodedAttribute)))
                }
                if let href = anchor.href, !href.isEmpty, LinkTargets.isBibliographic(bytes[href]),
                   anchor.start <= builder.count,
                   !LinkTargets.isShown(bytes[href], in: builder.bytes[anchor.start...]) {
                    if let last = builder.lastByte, !ByteClass.isSpace(last) {
                        builder.appendReplacement([0x20], for: href.lowerBound..<href.lowerBound)
                    }
                    builder.appendReplacement(Array("(".utf8), for: href.lowerBound..<href.lowerBound)
                    builder.appendVerbatim(bytes, href)
                    builder.appendReplacement(Array(")".utf8), for: href.upperBound..<href.upperBound)
                }
            case "br":
                builder.appendLineBreak(at: offset)
            default:
                guard (openCounts[name] ?? 0) > 0 else { return }
                if HTMLReader.blockNames.contains(name) {
                    boundary(at: offset)
                } else {
                    flush()
                }
                popThrough(name: name)
            }
        }

        /// An attribute value with its character references decoded.
        private func decodedAttribute(_ range: Range<Int>) -> String {
            var out: [UInt8] = []
            var i = range.lowerBound
            while i < range.upperBound {
                if bytes[i] == UInt8(ascii: "&"), let entity = HTMLEntities.decode(bytes, at: i, limit: range.upperBound) {
                    out += entity.replacement
                    i = entity.end
                } else {
                    out.append(bytes[i])
                    i += 1
                }
            }
            return String(decoding: out, as: UTF8.self)
        }

        private mutating func push(_ element: Element, name: String) {
            stack.append(element)
            openCounts[name, default: 0] += 1
        }

        /// Pops elements up to and including the innermost open `name` (known to be open).
        private mutating func popThrough(name: String) {
            guard (openCounts[name] ?? 0) > 0 else { return }
            while let element = stack.popLast() {
                let popped: String
                switch element {
                case .block(let blockName): popped = blockName
                case .heading(let level):
                    popped = "h\(level)"
                    headings.removeLast()
                case .list(let ordered):
                    popped = ordered ? "ol" : "ul"
                    lists.removeLast()
                    while let item = items.last, item.listDepth > lists.count { items.removeLast() }
                case .item:
                    popped = "li"
                    if !items.isEmpty { items.removeLast() }
                case .pre:
                    popped = "pre"
                    preDepth -= 1
                }
                openCounts[popped, default: 1] -= 1
                if popped == name { return }
            }
        }
    }
}
