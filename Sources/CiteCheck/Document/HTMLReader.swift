import MarkupTrees

/// Reads HTML as blog platforms export it (WordPress, Ghost, Medium, Substack), parsed by libxml2's HTML parser
/// (`HTMLParser` in MarkupTrees): headings, paragraphs and other block elements become blocks, `<li>` a list item
/// numbered from its `<ol start>`, its `value` and its position, `<br>` a line break, `<blockquote>` marks its
/// blocks as quoted, `<pre>` is code; inline tags are stripped, `<script>`/`<style>` and other non-text elements
/// skipped, comments read for suppression directives, `<sup>` recorded, links kept with their target and title.
///
/// The parser's events carry exact source ranges (raw text is the file's own bytes, a character reference stands
/// for its `&…;`), so every derived byte maps back to its byte in the file. The events are walked in one pass
/// with explicit stacks: any nesting depth is read without recursion.
enum HTMLReader {
    static func read(_ source: SourceFile) -> (blocks: [TextBlock], directives: [SuppressionDirective]) {
        var state = State(source: source)
        let parsed = HTMLParser.parse(state.bytes)
        for event in parsed.events {
            state.handle(event, literals: parsed.literals)
        }
        state.flush()
        return state.sink.document
    }

    private enum Frame {
        case block(quote: Bool)
        case heading
        case list
        case item
        case pre
        /// `recorded`: the element was tracked (at most 64 open at once, so unclosed tags cannot make every block
        /// boundary slow).
        case superscript(recorded: Bool)
        case anchor(recorded: Bool)
        case skipped
        case inline
    }

    private struct ListContext {
        var ordered: Bool
        var next: Int
    }

    private struct ItemContext {
        var ordinal: Int?
    }

    private static let blockNames: Set<String> = [
        "p", "div", "section", "article", "header", "footer", "main", "aside", "nav", "blockquote", "figure",
        "figcaption", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "dl", "dt", "dd", "form",
        "center", "address", "details", "summary", "body", "html", "fieldset", "hgroup", "picture",
    ]
    /// Elements whose content is never text of the post.
    private static let skippedNames: Set<String> = ["script", "style", "title", "template", "noscript", "svg", "iframe", "head", "textarea"]
    private static let headingLevels: [String: Int] = ["h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6]

    private struct State {
        var sink: BlockSink
        let bytes: [UInt8]
        var builder = TextBuilder()
        var frames: [Frame] = []
        var lists: [ListContext] = []
        var items: [ItemContext] = []
        var headings: [Int] = []
        var preDepth = 0
        var quoteDepth = 0
        var skippedDepth = 0
        var superscriptStarts: [Int] = []
        /// Open `<a>` elements: the derived offset where their text starts, their target and title, and the source
        /// range of their start tag (where the target is written).
        var anchors: [(start: Int, href: String?, title: String?, tag: Range<Int>)] = []
        /// The links of the block being read.
        var links: [TextLink] = []

        init(source: SourceFile) {
            sink = BlockSink(source: source)
            bytes = sink.bytes
        }

        mutating func handle(_ event: HTMLEvents.Event, literals: [UInt8]) {
            switch event {
            case .start(let name, let attributes, let tag):
                open(name, attributes: attributes, tag: tag)
            case .end(let name, let offset):
                close(name, at: offset)
            case .text(let literal, let source, let isVerbatim):
                guard skippedDepth == 0 else { return }
                if isVerbatim {
                    appendText(source)
                } else {
                    appendDecoded(Self.windows1252(literals[literal]), for: source)
                }
            case .comment(let content, let start):
                sink.addDirective(bytes[content], at: start)
            }
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
            if preDepth == 0, replacement == [0x20] || replacement == [0x0A] || replacement == [0x09] || replacement == [0x0D] {
                guard let last = builder.lastByte, !ByteClass.isSpace(last) else { return }
                builder.appendReplacement([0x20], for: range)
                return
            }
            builder.appendReplacement(replacement, for: range)
        }

        /// A numeric reference to a C1 control (`&#150;`) means the Windows-1252 character pages write it for, as
        /// browsers read it (HTML5); libxml2 keeps the control.
        static func windows1252(_ literal: ArraySlice<UInt8>) -> [UInt8] {
            guard literal.count == 2, literal.first == 0xC2, let last = literal.last, last >= 0x80, last <= 0x9F,
                let mapped = windows1252Controls[last]
            else { return Array(literal) }
            return Array(String(Character(mapped)).utf8)
        }

        private static let windows1252Controls: [UInt8: Unicode.Scalar] = [
            0x80: "\u{20AC}", 0x82: "\u{201A}", 0x84: "\u{201E}", 0x85: "\u{2026}", 0x91: "\u{2018}", 0x92: "\u{2019}",
            0x93: "\u{201C}", 0x94: "\u{201D}", 0x95: "\u{2022}", 0x96: "\u{2013}", 0x97: "\u{2014}",
        ]

        private var currentKind: TextBlock.Kind {
            if preDepth > 0 { return .code }
            if let level = headings.last { return .heading(level: level) }
            if let item = items.last { return .listItem(marker: nil, ordinal: item.ordinal) }
            return .paragraph
        }

        mutating func flush() {
            for start in superscriptStarts where start < builder.count {
                builder.superscripts.append(start..<builder.count)
            }
            superscriptStarts = superscriptStarts.map { _ in 0 }
            let kind = currentKind
            var renderedNumber: Int?
            if case .listItem(_, let ordinal) = kind { renderedNumber = ordinal }
            sink.finish(&builder, kind: kind, isQuoted: quoteDepth > 0, renderedNumber: renderedNumber, links: links)
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

        // MARK: Elements

        private mutating func open(_ name: String, attributes: [HTMLAttribute], tag: Range<Int>) {
            if skippedDepth > 0 || HTMLReader.skippedNames.contains(name) {
                skippedDepth += 1
                frames.append(.skipped)
                return
            }
            let offset = tag.lowerBound
            switch name {
            case "br":
                builder.appendLineBreak(at: offset)
                frames.append(.inline)
            case "hr":
                flush()
                frames.append(.inline)
            case "sup":
                let recorded = superscriptStarts.count < 64
                if recorded { superscriptStarts.append(builder.count) }
                frames.append(.superscript(recorded: recorded))
            case "a":
                let recorded = anchors.count < 64
                if recorded { anchors.append((builder.count, Self.attribute("href", attributes), Self.attribute("title", attributes), tag)) }
                frames.append(.anchor(recorded: recorded))
            case "ol", "ul":
                flush()
                let start = name == "ol" ? Self.integer(Self.attribute("start", attributes)) : nil
                lists.append(ListContext(ordered: name == "ol", next: start ?? 1))
                frames.append(.list)
            case "li":
                flush()
                var ordinal: Int?
                if var list = lists.last, list.ordered {
                    let value = Self.integer(Self.attribute("value", attributes)) ?? list.next
                    ordinal = value
                    list.next = value + 1
                    lists[lists.count - 1] = list
                }
                items.append(ItemContext(ordinal: ordinal))
                frames.append(.item)
            case "pre":
                flush()
                preDepth += 1
                frames.append(.pre)
            default:
                if let level = HTMLReader.headingLevels[name] {
                    flush()
                    headings.append(level)
                    frames.append(.heading)
                } else if HTMLReader.blockNames.contains(name) {
                    boundary(at: offset)
                    let quote = name == "blockquote"
                    if quote { quoteDepth += 1 }
                    frames.append(.block(quote: quote))
                } else {
                    // Other tags (span, em, strong, i, b, code, …) are stripped, keeping their text.
                    frames.append(.inline)
                }
            }
        }

        private mutating func close(_ name: String, at offset: Int) {
            guard let frame = frames.popLast() else { return }
            switch frame {
            case .skipped:
                skippedDepth -= 1
            case .inline:
                break
            case .superscript(let recorded):
                if recorded, let start = superscriptStarts.popLast(), start < builder.count {
                    builder.superscripts.append(start..<builder.count)
                }
            case .anchor(let recorded):
                guard recorded, let anchor = anchors.popLast() else { return }
                closeAnchor(anchor)
            case .block(let quote):
                boundary(at: offset)
                if quote { quoteDepth -= 1 }
            case .heading:
                flush()
                headings.removeLast()
            case .list:
                flush()
                lists.removeLast()
            case .item:
                flush()
                items.removeLast()
            case .pre:
                flush()
                preDepth -= 1
            }
        }

        /// A link's end: the link recorded, and a bibliographic target (DOI, PubMed, PMC) the text does not show
        /// written after the text as ` (target)`, mapped to where the start tag writes it.
        private mutating func closeAnchor(_ anchor: (start: Int, href: String?, title: String?, tag: Range<Int>)) {
            guard let href = anchor.href, anchor.start <= builder.count else { return }
            links.append(TextLink(textRange: anchor.start..<builder.count, url: href, title: anchor.title))
            let target = Array(href.utf8)
            guard !target.isEmpty, LinkTargets.isBibliographic(target[...]),
                !LinkTargets.isShown(target[...], in: builder.bytes[anchor.start...])
            else { return }
            let written = Self.find(target, in: bytes, within: anchor.tag)
            let at = written?.lowerBound ?? anchor.tag.lowerBound
            if let last = builder.lastByte, !ByteClass.isSpace(last) {
                builder.appendReplacement([0x20], for: at..<at)
            }
            builder.appendReplacement(Array("(".utf8), for: at..<at)
            if let written {
                builder.appendVerbatim(bytes, written)
            } else {
                builder.appendReplacement(target, for: anchor.tag)
            }
            // The closing parenthesis stands on the target's last byte, so the text's end maps to the target's end
            // and never past the end of the file (a tag cut off by the end of the file).
            let end = written?.upperBound ?? anchor.tag.upperBound
            builder.appendReplacement(Array(")".utf8), for: max(at, end - 1)..<end)
        }

        private static func attribute(_ name: String, _ attributes: [HTMLAttribute]) -> String? {
            attributes.first { $0.name == name }?.value
        }

        /// An attribute's value read as a decimal integer.
        private static func integer(_ value: String?) -> Int? {
            guard let text = value?.trimmingSpaces, text.count <= 6 else { return nil }
            return Int(text)
        }

        /// Where `needle` is written in `bytes[range]`, if it is.
        private static func find(_ needle: [UInt8], in bytes: [UInt8], within range: Range<Int>) -> Range<Int>? {
            guard let first = needle.first, range.count >= needle.count else { return nil }
            var i = range.lowerBound
            while i + needle.count <= range.upperBound {
                if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) { return i..<(i + needle.count) }
                i += 1
            }
            return nil
        }
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
