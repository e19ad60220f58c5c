/// Turns one line of Markdown inline content into visible text: emphasis markers removed, code spans kept,
/// links reduced to their text (DOI and PubMed targets kept visible after it as ` (url)`), images dropped,
/// entities decoded, inline HTML tags stripped, `^1^`, `<sup>1</sup>` and `[^1]` recorded as superscripts.
///
/// No recursion beyond one level (link text), and every search is cached so a line is read in linear time.
struct MarkdownInline {
    private let bytes: [UInt8]
    private var closeBracket = ForwardFinder("]")
    private var caret = ForwardFinder("^")
    private var greaterThan = ForwardFinder(">")
    private var commentEnd = ForwardFinder("-->")
    private var backtick = ForwardFinder("`")
    /// Code-span searches that failed: run length -> (searched from, segment end).
    private var failedBackticks: [Int: (from: Int, end: Int)] = [:]
    private var openSuperscripts: [Int] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func append(_ range: Range<Int>, to builder: inout TextBuilder, sink: inout BlockSink, allowLinks: Bool = true) {
        let bytes = self.bytes
        let s = range.lowerBound
        let e = range.upperBound
        var i = s
        var run = s
        func flush(_ upTo: Int, _ builder: inout TextBuilder) {
            if run < upTo { builder.appendVerbatim(bytes, run..<upTo) }
        }
        while i < e {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\\"):
                if i + 1 < e, ByteClass.isASCIIPunctuation(bytes[i + 1]) {
                    flush(i, &builder)
                    run = i + 1
                    i += 2
                } else if i + 1 == e {
                    // A backslash hard line break.
                    flush(i, &builder)
                    run = e
                    i = e
                } else {
                    i += 1
                }
            case UInt8(ascii: "`"):
                var n = 0
                while i + n < e, bytes[i + n] == c { n += 1 }
                if let close = closingBackticks(length: n, from: i + n, end: e) {
                    flush(i, &builder)
                    var contentStart = i + n
                    var contentEnd = close
                    if contentEnd - contentStart >= 2, bytes[contentStart] == 0x20, bytes[contentEnd - 1] == 0x20 {
                        contentStart += 1
                        contentEnd -= 1
                    }
                    builder.appendVerbatim(bytes, contentStart..<contentEnd)
                    run = close + n
                    i = close + n
                } else {
                    i += n
                }
            case UInt8(ascii: "*"), UInt8(ascii: "_"):
                var n = 0
                while i + n < e, bytes[i + n] == c { n += 1 }
                let previous: UInt8 = i > s ? bytes[i - 1] : 0x20
                let next: UInt8 = i + n < e ? bytes[i + n] : 0x20
                let intraword = c == UInt8(ascii: "_") && ByteClass.isWordByte(previous) && ByteClass.isWordByte(next)
                let alone = ByteClass.isSpace(previous) && ByteClass.isSpace(next)
                if !intraword && !alone {
                    flush(i, &builder)
                    run = i + n
                }
                i += n
            case UInt8(ascii: "!") where i + 1 < e && bytes[i + 1] == UInt8(ascii: "[") && allowLinks:
                if let link = parseLink(at: i + 1, end: e) {
                    flush(i, &builder)
                    run = link.end
                    i = link.end
                } else {
                    i += 1
                }
            case UInt8(ascii: "["):
                if i + 1 < e, bytes[i + 1] == UInt8(ascii: "^"), let close = closeBracket.find(in: bytes, from: i + 2, limit: e),
                   close > i + 2, !bytes[(i + 2)..<close].contains(where: ByteClass.isSpace),
                   close + 1 >= e || bytes[close + 1] != UInt8(ascii: ":") {
                    flush(i, &builder)
                    let start = builder.count
                    builder.appendVerbatim(bytes, (i + 2)..<close)
                    builder.superscripts.append(start..<builder.count)
                    run = close + 1
                    i = close + 1
                } else if allowLinks, let link = parseLink(at: i, end: e) {
                    flush(i, &builder)
                    let visibleStart = builder.count
                    append(link.text, to: &builder, sink: &sink, allowLinks: false)
                    if let url = link.url, LinkTargets.isBibliographic(bytes[url]),
                       !LinkTargets.isShown(bytes[url], in: builder.bytes[visibleStart...]) {
                        builder.appendReplacement(Array(" (".utf8), for: url.lowerBound..<url.lowerBound)
                        builder.appendVerbatim(bytes, url)
                        builder.appendReplacement(Array(")".utf8), for: url.upperBound..<url.upperBound)
                    }
                    run = link.end
                    i = link.end
                } else {
                    i += 1
                }
            case UInt8(ascii: "^"):
                if let close = caret.find(in: bytes, from: i + 1, limit: min(e, i + 33)), close > i + 1,
                   !bytes[(i + 1)..<close].contains(where: ByteClass.isSpace) {
                    flush(i, &builder)
                    let start = builder.count
                    builder.appendVerbatim(bytes, (i + 1)..<close)
                    builder.superscripts.append(start..<builder.count)
                    run = close + 1
                    i = close + 1
                } else {
                    i += 1
                }
            case UInt8(ascii: "<"):
                if let consumed = inlineHTML(at: i, end: e, builder: &builder, sink: &sink, flush: { flush(i, &$0) }) {
                    run = consumed
                    i = consumed
                } else {
                    i += 1
                }
            case UInt8(ascii: "&"):
                if let entity = HTMLEntities.decode(bytes, at: i, limit: e) {
                    flush(i, &builder)
                    builder.appendReplacement(entity.replacement, for: i..<entity.end)
                    run = entity.end
                    i = entity.end
                } else {
                    i += 1
                }
            default:
                i += 1
            }
        }
        flush(e, &builder)
    }

    /// Closes any `<sup>` left open at the end of a block.
    mutating func endBlock(_ builder: inout TextBuilder) {
        for start in openSuperscripts where start < builder.count {
            builder.superscripts.append(start..<builder.count)
        }
        openSuperscripts.removeAll()
    }

    private mutating func closingBackticks(length n: Int, from: Int, end: Int) -> Int? {
        if let failed = failedBackticks[n], from >= failed.from, end == failed.end { return nil }
        var j = from
        while let k = backtick.find(in: bytes, from: j, limit: end) {
            var m = 0
            while k + m < end, bytes[k + m] == UInt8(ascii: "`") { m += 1 }
            if m == n { return k }
            j = k + m
        }
        failedBackticks[n] = (from, end)
        return nil
    }

    /// `[text](url "title")` or `[text][ref]` at `start` (the `[`): the text range, the URL range and the end.
    private mutating func parseLink(at start: Int, end e: Int) -> (text: Range<Int>, url: Range<Int>?, end: Int)? {
        guard let close = closeBracket.find(in: bytes, from: start + 1, limit: e), close + 1 < e else { return nil }
        let text = (start + 1)..<close
        if bytes[close + 1] == UInt8(ascii: "[") {
            guard let refClose = closeBracket.find(in: bytes, from: close + 2, limit: e) else { return nil }
            return (text, nil, refClose + 1)
        }
        guard bytes[close + 1] == UInt8(ascii: "(") else { return nil }
        var j = close + 2
        let cap = min(e, j + 4096)
        while j < cap, ByteClass.isBlank(bytes[j]) { j += 1 }
        let urlStart: Int
        let urlEnd: Int
        if j < cap, bytes[j] == UInt8(ascii: "<") {
            urlStart = j + 1
            while j < cap, bytes[j] != UInt8(ascii: ">") { j += 1 }
            guard j < cap else { return nil }
            urlEnd = j
            j += 1
        } else {
            urlStart = j
            var depth = 0
            while j < cap, !ByteClass.isSpace(bytes[j]) {
                if bytes[j] == UInt8(ascii: "(") { depth += 1 }
                if bytes[j] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                j += 1
            }
            urlEnd = j
        }
        while j < cap, ByteClass.isBlank(bytes[j]) { j += 1 }
        if j < cap, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") {
            let quote = bytes[j]
            j += 1
            while j < cap, bytes[j] != quote { j += 1 }
            j += 1
            while j < cap, ByteClass.isBlank(bytes[j]) { j += 1 }
        }
        guard j < cap, bytes[j] == UInt8(ascii: ")") else { return nil }
        return (text, urlStart < urlEnd ? urlStart..<urlEnd : nil, j + 1)
    }

    /// An inline HTML comment, autolink or tag at `i`; returns where text resumes.
    private mutating func inlineHTML(
        at i: Int, end e: Int, builder: inout TextBuilder, sink: inout BlockSink, flush: (inout TextBuilder) -> Void
    ) -> Int? {
        if i + 3 < e, bytes[i + 1] == UInt8(ascii: "!"), bytes[i + 2] == UInt8(ascii: "-"), bytes[i + 3] == UInt8(ascii: "-") {
            flush(&builder)
            let close = commentEnd.find(in: bytes, from: i + 4, limit: e)
            sink.addDirective(bytes[(i + 4)..<(close ?? e)], at: i)
            return close.map { $0 + 3 } ?? e
        }
        guard i + 1 < e, ByteClass.isASCIILetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/"),
              let close = greaterThan.find(in: bytes, from: i + 1, limit: e) else { return nil }
        let inner = bytes[(i + 1)..<close]
        if inner.starts(with: Array("http".utf8)), !inner.contains(where: ByteClass.isSpace) {
            flush(&builder)
            builder.appendVerbatim(bytes, (i + 1)..<close)
            return close + 1
        }
        let tag = HTMLTag(bytes, from: i + 1, to: close)
        guard !tag.name.isEmpty else { return nil }
        flush(&builder)
        switch (tag.name, tag.isClosing) {
        case ("sup", false): if openSuperscripts.count < 64 { openSuperscripts.append(builder.count) }
        case ("sup", true):
            if let start = openSuperscripts.popLast(), start < builder.count { builder.superscripts.append(start..<builder.count) }
        case ("br", _): builder.appendLineBreak(at: i)
        default: break
        }
        return close + 1
    }
}
