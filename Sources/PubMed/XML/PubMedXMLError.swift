/// Why an E-utilities answer or a PubMed XML file could not be read. Every case prints as one line.
public enum PubMedXMLError: Error, CustomStringConvertible, Hashable, Sendable {
    /// What a non-XML answer looked like.
    public enum NonXMLKind: String, Sendable, Hashable {
        case html = "an HTML page"
        case json = "JSON"
        case text = "plain text"
    }

    /// The input holds no bytes, or only whitespace.
    case empty
    /// The XML is not well-formed (libxml2's message, at a 1-based line).
    case malformed(line: Int, message: String)
    /// The XML stops before its root element is closed.
    case truncated(line: Int, message: String)
    /// Elements nest deeper than the reader allows.
    case tooDeep(limit: Int)
    /// The input is larger than the reader allows (bytes after decompression).
    case tooLarge(limitBytes: Int)
    /// The root element is not one this parser reads.
    case wrongRoot(expected: String, found: String)
    /// NCBI answered with an error body (`<ERROR>…</ERROR>`, `{"error": …}`).
    case ncbiError(String)
    /// The answer is not XML at all: an HTML error page, a JSON body, plain text. `detail` is a short excerpt.
    case notXML(kind: NonXMLKind, detail: String)
    /// The file could not be opened or read.
    case unreadableFile(path: String, reason: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty input: no XML to read"
        case .malformed(let line, let message):
            return "malformed XML at line \(line): \(message)"
        case .truncated(let line, let message):
            return "truncated XML at line \(line): \(message)"
        case .tooDeep(let limit):
            return "XML nested deeper than \(limit) levels"
        case .tooLarge(let limitBytes):
            return "XML larger than the limit of \(limitBytes) bytes"
        case .wrongRoot(let expected, let found):
            return "unexpected root element <\(found)>, expected <\(expected)>"
        case .ncbiError(let message):
            return "NCBI error: \(message)"
        case .notXML(let kind, let detail):
            return detail.isEmpty ? "not XML: the answer is \(kind.rawValue)" : "not XML: the answer is \(kind.rawValue) (\(detail))"
        case .unreadableFile(let path, let reason):
            return "cannot read \(path): \(reason)"
        }
    }
}
