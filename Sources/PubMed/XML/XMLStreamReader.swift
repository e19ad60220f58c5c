import CLibXML2

/// A hardened, streaming XML reader over libxml2's `xmlTextReader`.
///
/// - No network, no DTD loading or validation, no entity substitution, no XInclude; an external entity loader
///   that refuses everything is installed process-wide.
/// - Parser errors are captured per reader (never printed) and thrown as `PubMedXMLError`.
/// - Nesting deeper than `XMLReaderLimits.maxDepth` and input larger than `maxBytes` (after gzip decompression)
///   are errors.
///
/// One reader must be used from one thread at a time; separate readers may run on separate threads.
public final class XMLStreamReader {
    /// The kind of node the reader stands on.
    public enum NodeKind: Sendable, Hashable {
        case element
        case endElement
        case text
        /// Whitespace-only text between elements.
        case whitespace
        case other
    }

    public let limits: XMLReaderLimits
    private let input: XMLReaderInput
    private let reader: xmlTextReaderPtr
    /// Set once the root element's end has been read: an error after it is not a truncation.
    private var rootClosed = false
    /// Names as Swift strings, keyed by libxml2's interned name pointers (stable for the reader's life): element
    /// and attribute names repeat millions of times in a baseline file.
    private var nameCache: [UnsafePointer<xmlChar>: String] = [:]

    /// libxml2's options: no network, no warnings or errors printed, CDATA as text, compact text nodes.
    /// Deliberately absent: `NOENT`, `DTDLOAD`, `DTDATTR`, `DTDVALID`, `XINCLUDE`, `HUGE`.
    static let options = Int32(
        XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue
    )

    /// Reads a document held in memory.
    public convenience init(bytes: [UInt8], limits: XMLReaderLimits = .default) throws {
        if bytes.count > limits.maxBytes {
            throw PubMedXMLError.tooLarge(limitBytes: limits.maxBytes)
        }
        try self.init(input: XMLReaderInput(bytes: bytes, maxBytes: limits.maxBytes), limits: limits)
    }

    /// Reads a file, `.xml` or gzip-compressed `.xml.gz` (recognised by content, not by name).
    public convenience init(path: String, limits: XMLReaderLimits = .default) throws {
        try self.init(input: XMLReaderInput(path: path, maxBytes: limits.maxBytes), limits: limits)
    }

    private init(input: XMLReaderInput, limits: XMLReaderLimits) throws {
        LibXML2Setup.prepareThread()
        try ContentSniffer.check(input.prefix)
        let context = Unmanaged.passUnretained(input).toOpaque()
        guard let reader = xmlReaderForIO(readCallback, nil, context, nil, nil, Self.options) else {
            throw PubMedXMLError.malformed(line: 0, message: "libxml2 could not start a reader")
        }
        self.reader = reader
        self.input = input
        self.limits = limits
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_LOADDTD.rawValue), 0)
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_DEFAULTATTRS.rawValue), 0)
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_VALIDATE.rawValue), 0)
        xmlTextReaderSetParserProp(reader, Int32(XML_PARSER_SUBST_ENTITIES.rawValue), 0)
        xmlTextReaderSetStructuredErrorHandler(reader, errorCallback, context)
    }

    deinit {
        xmlFreeTextReader(reader)
    }

    /// Moves to the next node in document order. Returns false at the end of the document.
    public func read() throws -> Bool {
        try check(xmlTextReaderRead(reader))
    }

    /// Moves past the subtree of the current element (or past the current node) to the next node that is not
    /// one of its descendants. Returns false at the end of the document.
    public func skipSubtree() throws -> Bool {
        try check(xmlTextReaderNext(reader))
    }

    private func check(_ status: Int32) throws -> Bool {
        if status == 1 {
            let depth = Int(xmlTextReaderDepth(reader)) + 1
            if depth > limits.maxDepth {
                throw PubMedXMLError.tooDeep(limit: limits.maxDepth)
            }
            if depth == 1, nodeKind == .endElement || (nodeKind == .element && isEmptyElement) {
                rootClosed = true
            }
            return true
        }
        if status == 0, !input.errors.contains(where: \.isFatal), !input.exceededSize {
            return false
        }
        throw failure()
    }

    /// The error that stopped the parser, in the caller's terms.
    private func failure() -> PubMedXMLError {
        if input.exceededSize {
            return .tooLarge(limitBytes: limits.maxBytes)
        }
        if let reason = input.readFailure {
            return .unreadableFile(path: "input", reason: reason)
        }
        guard let error = input.errors.first(where: \.isFatal) ?? input.errors.first else {
            return .malformed(line: Int(xmlTextReaderGetParserLineNumber(reader)), message: "parse error")
        }
        if error.message.contains("Excessive depth") || error.message.contains("depth") && error.message.contains("XML_PARSE_HUGE") {
            return .tooDeep(limit: min(limits.maxDepth, 256))
        }
        if error.code == Int(XML_ERR_DOCUMENT_EMPTY.rawValue) {
            return .empty
        }
        let truncationCodes: Set<Int> = [
            Int(XML_ERR_TAG_NOT_FINISHED.rawValue), Int(XML_ERR_LTSLASH_REQUIRED.rawValue),
            Int(XML_ERR_GT_REQUIRED.rawValue), Int(XML_ERR_DOCUMENT_END.rawValue),
            Int(XML_ERR_NAME_REQUIRED.rawValue), Int(XML_ERR_LT_REQUIRED.rawValue),
            Int(XML_ERR_ATTRIBUTE_NOT_STARTED.rawValue), Int(XML_ERR_ATTRIBUTE_WITHOUT_VALUE.rawValue),
            Int(XML_ERR_LITERAL_NOT_FINISHED.rawValue), Int(XML_ERR_COMMENT_NOT_FINISHED.rawValue),
            Int(XML_ERR_STRING_NOT_CLOSED.rawValue), Int(XML_ERR_STRING_NOT_STARTED.rawValue),
            Int(XML_ERR_ATTRIBUTE_NOT_FINISHED.rawValue), Int(XML_ERR_PI_NOT_FINISHED.rawValue),
            Int(XML_ERR_CDATA_NOT_FINISHED.rawValue), Int(XML_ERR_ENTITY_NOT_FINISHED.rawValue),
            Int(XML_ERR_XMLDECL_NOT_FINISHED.rawValue), Int(XML_ERR_DOCTYPE_NOT_FINISHED.rawValue),
            Int(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue),
        ]
        if input.reachedEnd, !rootClosed, truncationCodes.contains(error.code) || error.message.contains("Premature end") {
            // libxml2 words a document cut short after a complete tag as "Extra content at the end of the document".
            let message =
                error.code == Int(XML_ERR_DOCUMENT_END.rawValue)
                ? "the document ends before its root element is closed" : error.message
            return .truncated(line: error.line, message: message)
        }
        return .malformed(line: error.line, message: error.message)
    }

    // MARK: The current node

    public var nodeKind: NodeKind {
        switch xmlTextReaderNodeType(reader) {
        case Int32(XML_READER_TYPE_ELEMENT.rawValue): return .element
        case Int32(XML_READER_TYPE_END_ELEMENT.rawValue): return .endElement
        case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue): return .text
        case Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue): return .whitespace
        default: return .other
        }
    }

    /// Depth of the current node: the root element is 0.
    public var depth: Int { Int(xmlTextReaderDepth(reader)) }

    /// The local name of the current element (without a namespace prefix), empty for text.
    public var localName: String {
        guard let name = xmlTextReaderConstLocalName(reader) else { return "" }
        return cachedName(name)
    }

    private func cachedName(_ pointer: UnsafePointer<xmlChar>) -> String {
        if let name = nameCache[pointer] {
            return name
        }
        let name = String(cString: pointer)
        // Only names interned in the reader's dictionary keep their address for the reader's life, so only they
        // are cached: interning a dictionary string returns the same pointer.
        if nameCache.count < 4096, xmlTextReaderConstString(reader, pointer) == pointer {
            nameCache[pointer] = name
        }
        return name
    }

    /// True for `<Element/>`: no `.endElement` node follows.
    public var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The text of a text node.
    public var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// Line of the current node, for messages.
    public var line: Int { Int(xmlTextReaderGetParserLineNumber(reader)) }

    /// The attributes of the current element, by local name, in document order.
    public func attributes() -> [(name: String, value: String)] {
        guard xmlTextReaderHasAttributes(reader) == 1 else { return [] }
        var result: [(name: String, value: String)] = []
        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
            let name = xmlTextReaderConstLocalName(reader).map(cachedName) ?? ""
            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            result.append((name, value))
        }
        xmlTextReaderMoveToElement(reader)
        return result
    }
}

private func readCallback(_ context: UnsafeMutableRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let buffer else { return -1 }
    let input = Unmanaged<XMLReaderInput>.fromOpaque(context).takeUnretainedValue()
    return input.read(into: buffer, capacity: Int(length))
}

private func errorCallback(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let input = Unmanaged<XMLReaderInput>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { TextNormalizer.collapse(String(cString: $0)) } ?? "error \(error.pointee.code)"
    input.record(
        .init(
            code: Int(error.pointee.code), line: Int(error.pointee.line), message: message,
            isFatal: error.pointee.level == XML_ERR_FATAL
        ))
}
