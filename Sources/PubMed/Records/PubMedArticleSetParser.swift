import CiteCheck

/// Reads PubMed records from EFetch answers (`db=pubmed&retmode=xml`) and MEDLINE/PubMed baseline files: a
/// `PubmedArticleSet` of `PubmedArticle` and `PubmedBookArticle` elements (or a legacy `MedlineCitationSet`).
/// Book articles give a minimal record (PMID, title, year, authors, IDs).
public struct PubMedArticleSetParser {
    /// E-utilities roots that may carry an NCBI `<ERROR>` (so may any root named `…Result`).
    static let eutilsRoots: Set<String> = [
        "eSearchResult", "eSummaryResult", "eInfoResult", "eFetchResult", "eLinkResult", "ePostResult", "eGQueryResult", "ERROR",
    ]

    /// All records of an EFetch answer held in memory.
    public static func records(fromXML data: [UInt8], limits: XMLReaderLimits = .default) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        try forEachRecord(fromXML: data, limits: limits) { records.append($0) }
        return records
    }

    /// All records of a file, `.xml` or `.xml.gz`.
    public static func records(fromFile path: String, limits: XMLReaderLimits = .default) throws -> [PubMedRecord] {
        var records: [PubMedRecord] = []
        try forEachRecord(fromFile: path, limits: limits) { records.append($0) }
        return records
    }

    /// Streams the records of an answer held in memory to `body`, one at a time, in document order. Records before
    /// a parse error have been delivered when the error is thrown. An error thrown by `body` stops the parse.
    public static func forEachRecord(
        fromXML data: [UInt8], limits: XMLReaderLimits = .default, _ body: (PubMedRecord) throws -> Void
    ) throws {
        try forEachRecord(in: XMLStreamReader(bytes: data, limits: limits), body)
    }

    /// Streams the records of a file (`.xml` or `.xml.gz`) to `body`; memory stays flat whatever the file size.
    public static func forEachRecord(
        fromFile path: String, limits: XMLReaderLimits = .default, _ body: (PubMedRecord) throws -> Void
    ) throws {
        do {
            try forEachRecord(in: XMLStreamReader(path: path, limits: limits), body)
        } catch PubMedXMLError.unreadableFile(_, let reason) {
            throw PubMedXMLError.unreadableFile(path: path, reason: reason)
        }
    }

    /// Streams a MEDLINE baseline or update file (`.xml` or `.xml.gz`): each article, read but not yet mapped to a
    /// record, to `article`, and the PMIDs of each `DeleteCitation` to `deletion`, in document order (an update file
    /// lists its deletions after its records). Mapping (``MedlineArticle/record()``) may run on another thread.
    public static func forEachEntry(
        fromFile path: String, limits: XMLReaderLimits = .default,
        article: (MedlineArticle) throws -> Void, deletion: ([String]) throws -> Void
    ) throws {
        do {
            try forEachTree(in: XMLStreamReader(path: path, limits: limits), { try article(MedlineArticle(tree: $0)) }, deletion: deletion)
        } catch PubMedXMLError.unreadableFile(_, let reason) {
            throw PubMedXMLError.unreadableFile(path: path, reason: reason)
        }
    }

    static func forEachRecord(in reader: XMLStreamReader, _ body: (PubMedRecord) throws -> Void) throws {
        try forEachTree(
            in: reader,
            { tree in
                if let record = PubMedRecordMapper.record(from: tree) { try body(record) }
            }, deletion: { _ in })
    }

    static func forEachTree(
        in reader: XMLStreamReader, _ body: (XMLTreeElement) throws -> Void, deletion: ([String]) throws -> Void
    ) throws {
        try reader.moveToRoot()
        let root = reader.localName
        switch root {
        case "PubmedArticleSet", "MedlineCitationSet", "PubmedBookArticleSet":
            break
        case "PubmedArticle", "PubmedBookArticle":
            try body(try reader.readTree(skipping: PubMedRecordMapper.skippedElements))
            while try reader.read() {}
            return
        default:
            throw try EUtilitiesAnswer.rootError(reader: reader, expected: "PubmedArticleSet")
        }
        if reader.isEmptyElement {
            while try reader.read() {}
            return
        }
        var hasNode = try reader.read()
        while hasNode {
            if reader.nodeKind == .element, reader.depth == 1 {
                switch reader.localName {
                case "PubmedArticle", "PubmedBookArticle", "MedlineCitation":
                    try body(try reader.readTree(skipping: PubMedRecordMapper.skippedElements))
                case "DeleteCitation":
                    let pmids = try reader.readTree().children(named: "PMID").map { $0.text.filter(\.isNumber) }
                    try deletion(pmids.filter { !$0.isEmpty })
                case "ERROR":
                    throw PubMedXMLError.ncbiError(try reader.readTree().text)
                default:
                    hasNode = try reader.skipSubtree()
                    continue
                }
            }
            hasNode = try reader.read()
        }
    }
}

/// One `PubmedArticle` (or `PubmedBookArticle`) of a MEDLINE file as read from the stream, not yet mapped: the
/// mapping can then run on another thread than the XML reader.
public struct MedlineArticle: Sendable {
    let tree: XMLTreeElement

    /// The record, nil when the element holds none (no PMID).
    public func record() -> PubMedRecord? {
        PubMedRecordMapper.record(from: tree)
    }
}

/// Shared handling of E-utilities answers.
enum EUtilitiesAnswer {
    /// The error for a document whose root is not the expected one: the NCBI `<ERROR>` message when there is one,
    /// `.notXML(.html)` for an XHTML page, otherwise `.wrongRoot`. The reader stands on the root element.
    static func rootError(reader: XMLStreamReader, expected: String) throws -> PubMedXMLError {
        let root = reader.localName
        if root.lowercased() == "html" {
            let tree = try? reader.readTree()
            let title = tree?.path("head", "title")?.text ?? ""
            return .notXML(kind: .html, detail: String(title.prefix(120)))
        }
        if PubMedArticleSetParser.eutilsRoots.contains(root) || root.hasSuffix("Result") {
            let tree = try reader.readTree()
            if let message = errorMessage(in: tree) {
                return .ncbiError(message)
            }
        }
        return .wrongRoot(expected: expected, found: root)
    }

    /// The text of an `<ERROR>` root or of an `<ERROR>` child of the root.
    static func errorMessage(in root: XMLTreeElement) -> String? {
        if root.name == "ERROR" {
            return root.nonEmptyText ?? "unspecified error"
        }
        if let error = root.child("ERROR") {
            return error.nonEmptyText ?? "unspecified error"
        }
        return nil
    }
}
