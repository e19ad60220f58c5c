import CLibXML2

/// An HTML document as libxml2's HTML parser reads it (the way browsers of the HTML 4 era and blog exporters
/// agree on: implied `html`/`body`/`p`, end tags implied by the next start tag, unknown and stray tags tolerated,
/// entities decoded), as a flat list of Swift values in document order: element starts and ends (always balanced,
/// implied ones included), text and comments. Every value carries where it stands in the bytes it was read from,
/// exact to the byte: no C pointer leaves this module.
///
/// The parser runs in SAX mode (no libxml2 tree is built), so any nesting depth reads in linear time without a
/// depth limit, and byte offsets come from the parser's own input cursor at each callback.
public struct HTMLEvents: Sendable {
    public enum Event: Sendable {
        /// A start tag. `tag` is the source range of `<name …>` (empty, where the parser implied the element).
        case start(name: String, attributes: [HTMLAttribute], tag: Range<Int>)
        /// An end tag, written or implied; `at` is the source offset where the element ended.
        case end(name: String, at: Int)
        /// Text: `literal` indexes `HTMLEvents.literals`. A verbatim piece is the source bytes `source` themselves;
        /// any other piece (a character reference) stands for them.
        case text(literal: Range<Int>, source: Range<Int>, isVerbatim: Bool)
        /// A comment: `content` is the source range between `<!--` and `-->`, `start` the offset of its `<`.
        case comment(content: Range<Int>, start: Int)
    }

    public var events: [Event]
    /// The decoded text of all text events, one after the other.
    public var literals: [UInt8]

    public func literal(_ range: Range<Int>) -> ArraySlice<UInt8> { literals[range] }
}

/// An attribute as the parser decoded it; `value` is nil for an attribute written without one (`<li hidden>`).
public struct HTMLAttribute: Sendable, Hashable {
    public var name: String
    public var value: String?
}

public enum HTMLParser {
    /// libxml2's HTML options: recover from any error, no network, nothing printed, no implied DOCTYPE, and the
    /// document's own `<meta charset>` ignored (the bytes are UTF-8: the caller decoded and validated them).
    static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NODEFDTD.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses UTF-8 `bytes` as HTML. Never fails: malformed markup is read the way libxml2 recovers from it.
    public static func parse(_ bytes: [UInt8]) -> HTMLEvents {
        _ = initialised
        citecheck_xml_silence_thread_errors()
        let collector = Collector(bytes: bytes)
        // Offsets are kept in Int32 by libxml2's callers (`int` lengths); larger input is not HTML we read.
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) / 2, let context = htmlNewParserCtxt() else {
            return HTMLEvents(events: [], literals: [])
        }
        defer { htmlFreeParserCtxt(context) }
        if let sax = context.pointee.sax {
            var handler = xmlSAXHandler()
            handler.initialized = 1
            handler.startElement = startElement
            handler.endElement = endElement
            handler.characters = characters
            handler.ignorableWhitespace = characters
            handler.comment = comment
            // `<script>` and `<style>` content: never text.
            handler.cdataBlock = ignoreCDATA
            sax.pointee = handler
        }
        let unmanaged = Unmanaged.passRetained(collector)
        defer { unmanaged.release() }
        context.pointee._private = unmanaged.toOpaque()
        bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                // With a SAX handler of its own the parser builds no document; nothing is returned to free.
                let document = htmlCtxtReadMemory(context, base, Int32(buffer.count), nil, "UTF-8", options)
                if let document { xmlFreeDoc(document) }
            }
        }
        context.pointee._private = nil
        collector.finish()
        return HTMLEvents(events: collector.events, literals: collector.literals)
    }

    /// The Unicode scalar value of an HTML 4 named character reference (`eacute` → U+00E9), from libxml2's table.
    public static func namedCharacter(_ name: String) -> Unicode.Scalar? {
        guard let entry = htmlEntityLookup(name) else { return nil }
        return Unicode.Scalar(entry.pointee.value)
    }

    // MARK: Callbacks

    /// Collects the events of one parse; reached from the callbacks through the parser context's `_private`.
    final class Collector {
        let bytes: [UInt8]
        var events: [HTMLEvents.Event] = []
        var literals: [UInt8] = []
        /// Source offset just past the last event: the next event's bytes start at or after it.
        var lastEnd = 0
        /// Element names by libxml2's interned name pointers.
        var names: [UnsafeRawPointer: String] = [:]

        init(bytes: [UInt8]) {
            self.bytes = bytes
            events.reserveCapacity(bytes.count / 16)
            literals.reserveCapacity(bytes.count)
        }

        func name(_ pointer: UnsafePointer<xmlChar>) -> String {
            if let known = names[UnsafeRawPointer(pointer)] { return known }
            let value = String(cString: pointer)
            names[UnsafeRawPointer(pointer)] = value
            return value
        }

        func start(_ name: String, attributes: [HTMLAttribute], cursor: Int) {
            // The tag `<name` written between the last event and the cursor; none for an implied element.
            let needle = Array(name.utf8)
            var tag = cursor..<cursor
            var i = lastEnd
            let ceiling = min(cursor, bytes.count)
            while i < ceiling {
                if bytes[i] == UInt8(ascii: "<"), matchesName(needle, at: i + 1) {
                    var end = min(cursor, bytes.count)
                    // The cursor stands on the tag's `>` (or `/>`) when the parser reports it.
                    while end < bytes.count, end - cursor < 2, bytes[end] != UInt8(ascii: ">") { end += 1 }
                    if end < bytes.count, bytes[end] == UInt8(ascii: ">") { end += 1 }
                    tag = i..<end
                    break
                }
                i += 1
            }
            events.append(.start(name: name, attributes: attributes, tag: tag))
            lastEnd = max(lastEnd, tag.isEmpty ? lastEnd : tag.upperBound)
        }

        private func matchesName(_ needle: [UInt8], at index: Int) -> Bool {
            guard index + needle.count <= bytes.count else { return false }
            for k in 0..<needle.count where lowercased(bytes[index + k]) != needle[k] { return false }
            let after = index + needle.count
            guard after < bytes.count else { return true }
            let b = bytes[after]
            return !(isASCIILetter(b) || (b >= 0x30 && b <= 0x39))
        }

        func end(_ name: String, cursor: Int) {
            events.append(.end(name: name, at: max(lastEnd, min(cursor, bytes.count))))
            lastEnd = max(lastEnd, min(cursor, bytes.count))
        }

        /// Text the parser reports with the cursor just past it: raw text is the source bytes right before the
        /// cursor; a character reference (`&eacute;`, `&#8211;`) is the `&…` before it.
        func text(_ value: UnsafeBufferPointer<UInt8>, cursor: Int) {
            guard !value.isEmpty else { return }
            let end = min(cursor, bytes.count)
            let literalStart = literals.count
            literals.append(contentsOf: value)
            let literal = literalStart..<literals.count
            let count = value.count
            if end - count >= 0, bytes[(end - count)..<end].elementsEqual(value) {
                events.append(.text(literal: literal, source: (end - count)..<end, isVerbatim: true))
                lastEnd = max(lastEnd, end)
                return
            }
            // Raw text with characters HTML does not allow (C0 controls) dropped by the parser: the text is the source
            // bytes before the cursor without them, a verbatim piece for each run between them.
            if let runs = runsSkippingControls(value, end: end) {
                for run in runs {
                    let offset = literalStart + (run.literal.lowerBound)
                    events.append(.text(literal: offset..<(offset + run.literal.count), source: run.source, isVerbatim: true))
                }
                lastEnd = max(lastEnd, end)
                return
            }
            // A reference: the last `&` before the cursor, after the previous event.
            var amp = end - 1
            while amp >= lastEnd, amp >= 0, end - amp <= 64, bytes[amp] != UInt8(ascii: "&") { amp -= 1 }
            let start = amp >= 0 && amp >= lastEnd && end - amp <= 64 && bytes[amp] == UInt8(ascii: "&") ? amp : max(0, min(lastEnd, end))
            events.append(.text(literal: literal, source: start..<max(start, end), isVerbatim: false))
            lastEnd = max(lastEnd, end)
        }

        /// Aligns `value` backwards from `end` against the source, skipping C0 control bytes only; the runs of
        /// matching bytes in order (ranges of `value` and of the source), or nil when `value` is not the source that
        /// way.
        private func runsSkippingControls(_ value: UnsafeBufferPointer<UInt8>, end: Int) -> [(literal: Range<Int>, source: Range<Int>)]? {
            var runs: [(literal: Range<Int>, source: Range<Int>)] = []
            var k = value.count
            var i = end
            var runEnd: (literal: Int, source: Int)?
            while k > 0 {
                guard i > lastEnd, i > 0 else { return nil }
                let b = bytes[i - 1]
                if b == value[k - 1] {
                    if runEnd == nil { runEnd = (k, i) }
                    k -= 1
                    i -= 1
                } else if b < 0x20, b != 0x09, b != 0x0A, b != 0x0D {
                    if let open = runEnd { runs.append((k..<open.literal, i..<open.source)) }
                    runEnd = nil
                    i -= 1
                } else {
                    return nil
                }
            }
            if let open = runEnd { runs.append((k..<open.literal, i..<open.source)) }
            return runs.reversed()
        }

        func comment(_ content: UnsafeBufferPointer<UInt8>, cursor: Int) {
            let end = min(cursor, bytes.count)
            let count = content.count
            // `<!--` content `-->`, ending at the cursor.
            if end - count - 7 >= 0, bytes[(end - 3)..<end].elementsEqual("-->".utf8),
                bytes[(end - 3 - count)..<(end - 3)].elementsEqual(content),
                bytes[(end - 7 - count)..<(end - 3 - count)].elementsEqual("<!--".utf8)
            {
                events.append(.comment(content: (end - 3 - count)..<(end - 3), start: end - 7 - count))
            } else if let open = find("<!--", from: lastEnd, to: end) {
                // Written otherwise (`--!>`, unterminated): from its opening to the cursor.
                var close = end
                if close - 3 >= open + 4, bytes[(close - 3)..<close].elementsEqual("-->".utf8) { close -= 3 }
                events.append(.comment(content: (open + 4)..<max(open + 4, close), start: open))
            }
            lastEnd = max(lastEnd, end)
        }

        private func find(_ needle: StaticString, from: Int, to: Int) -> Int? {
            let count = needle.utf8CodeUnitCount
            guard to - from >= count else { return nil }
            return needle.withUTF8Buffer { needle in
                for i in from...(to - count) where bytes[i] == needle[0] {
                    var k = 1
                    while k < count, bytes[i + k] == needle[k] { k += 1 }
                    if k == count { return i }
                }
                return nil
            }
        }

        func finish() {
            // Balanced: whatever the parser left open (it closes all at the end) is closed here too.
            var open: [String] = []
            for event in events {
                switch event {
                case .start(let name, _, _):
                    open.append(name)
                case .end:
                    if !open.isEmpty { open.removeLast() }
                default: break
                }
            }
            while let name = open.popLast() { events.append(.end(name: name, at: bytes.count)) }
        }
    }

    private static func collector(_ context: UnsafeMutableRawPointer?) -> (Collector, Int)? {
        guard let context else { return nil }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let pointer = parser.pointee._private else { return nil }
        let collector = Unmanaged<Collector>.fromOpaque(pointer).takeUnretainedValue()
        var cursor = collector.lastEnd
        if let input = parser.pointee.input, let base = input.pointee.base, let cur = input.pointee.cur {
            cursor = Int(input.pointee.consumed) + (cur - base)
        }
        return (collector, cursor)
    }

    private static let startElement: startElementSAXFunc = { context, name, attributes in
        guard let (collector, cursor) = collector(context), let name else { return }
        var list: [HTMLAttribute] = []
        if var pointer = attributes {
            while let attributeName = pointer.pointee {
                let value = pointer.advanced(by: 1).pointee
                list.append(HTMLAttribute(name: String(cString: attributeName), value: value.map { String(cString: $0) }))
                pointer = pointer.advanced(by: 2)
            }
        }
        collector.start(collector.name(name), attributes: list, cursor: cursor)
    }

    private static let endElement: endElementSAXFunc = { context, name in
        guard let (collector, cursor) = collector(context), let name else { return }
        collector.end(collector.name(name), cursor: cursor)
    }

    private static let characters: charactersSAXFunc = { context, value, length in
        guard let (collector, cursor) = collector(context), let value, length > 0 else { return }
        collector.text(UnsafeBufferPointer(start: value, count: Int(length)), cursor: cursor)
    }

    private static let comment: commentSAXFunc = { context, value in
        guard let (collector, cursor) = collector(context), let value else { return }
        var length = 0
        while value[length] != 0 { length += 1 }
        collector.comment(UnsafeBufferPointer(start: value, count: length), cursor: cursor)
    }

    private static let ignoreCDATA: cdataBlockSAXFunc = { _, _, _ in }
}

private func lowercased(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
private func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

extension HTMLParser {
    /// Decodes the character reference at `bytes[start] == "&"` (`&amp;`, `&eacute;`, `&#8211;`, `&#x2013;`, ended by
    /// `;`): its UTF-8 and the offset past it. Named references come from libxml2's HTML 4 table; a numeric one
    /// naming no character (0, a surrogate, past U+10FFFF) is U+FFFD.
    public static func characterReference(in bytes: [UInt8], at start: Int, limit: Int) -> (replacement: [UInt8], end: Int)? {
        let end = min(limit, bytes.count, start + 40)
        guard start + 2 < end, bytes[start] == UInt8(ascii: "&") else { return nil }
        var i = start + 1
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") {
                hex = true
                i += 1
            }
            var value: UInt32 = 0
            var digits = 0
            while i < end, bytes[i] != UInt8(ascii: ";") {
                let b = bytes[i]
                let digit: UInt32
                if b >= 0x30, b <= 0x39 {
                    digit = UInt32(b - 0x30)
                } else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 {
                    digit = UInt32((b | 0x20) - 0x61 + 10)
                } else {
                    return nil
                }
                value = value &* (hex ? 16 : 10) &+ digit
                digits += 1
                if digits > 8 { return nil }
                i += 1
            }
            guard digits > 0, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), i + 1)
        }
        while i < end, isASCIILetter(bytes[i]) || (bytes[i] >= 0x30 && bytes[i] <= 0x39) { i += 1 }
        guard i > start + 1, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        guard let scalar = namedCharacter(name) else { return nil }
        return (Array(String(Character(scalar)).utf8), i + 1)
    }
}
