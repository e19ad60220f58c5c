/// An ESearch answer (`esearch.fcgi`, XML).
public struct ESearchResult: Hashable, Sendable {
    /// One entry of `ErrorList` or `WarningList`: its element name (`PhraseNotFound`, `FieldNotFound`,
    /// `QuotedPhraseNotFound`, `PhraseIgnored`, `OutputMessage`, …) and its text.
    public struct Message: Hashable, Sendable {
        public var kind: String
        public var text: String

        public init(kind: String, text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Total number of matching records (`Count`).
    public var count: Int
    public var retMax: Int
    public var retStart: Int
    /// The UIDs (PMIDs for `db=pubmed`), in answer order.
    public var ids: [String]
    public var queryKey: String?
    public var webEnv: String?
    public var queryTranslation: String?
    /// `ErrorList` entries: the query partly failed (a phrase or field not found); results may still be present.
    public var errors: [Message]
    /// `WarningList` entries (`OutputMessage: No items found.`, `PhraseIgnored`, …).
    public var warnings: [Message]

    public init(
        count: Int, retMax: Int, retStart: Int, ids: [String], queryKey: String? = nil, webEnv: String? = nil,
        queryTranslation: String? = nil, errors: [Message] = [], warnings: [Message] = []
    ) {
        self.count = count
        self.retMax = retMax
        self.retStart = retStart
        self.ids = ids
        self.queryKey = queryKey
        self.webEnv = webEnv
        self.queryTranslation = queryTranslation
        self.errors = errors
        self.warnings = warnings
    }

    /// True when a term of the query was not found (`PhraseNotFound`, `FieldNotFound`, …).
    public var hasNotFoundTerms: Bool {
        errors.contains { $0.kind.hasSuffix("NotFound") }
    }
}

/// Reads ESearch XML answers.
public struct ESearchResultParser {
    /// Parses an ESearch answer. An answer that is an error body (`<eSearchResult><ERROR>…`, a JSON error, an HTML
    /// page) throws `PubMedXMLError`.
    public static func result(fromXML data: [UInt8], limits: XMLReaderLimits = .default) throws -> ESearchResult {
        let reader = try XMLStreamReader(bytes: data, limits: limits)
        try reader.moveToRoot()
        guard reader.localName == "eSearchResult" else {
            throw try EUtilitiesAnswer.rootError(reader: reader, expected: "eSearchResult")
        }
        let root = try reader.readTree(skipping: ["TranslationStack", "TranslationSet"])
        // Read to the end so that a document broken after the root is still reported.
        while try reader.read() {}
        if let message = EUtilitiesAnswer.errorMessage(in: root) {
            throw PubMedXMLError.ncbiError(message)
        }
        func number(_ name: String) -> Int? { root.child(name)?.nonEmptyText.flatMap { Int($0) } }
        guard let count = number("Count") else {
            throw PubMedXMLError.malformed(line: reader.line, message: "eSearchResult without a Count")
        }
        let ids = root.child("IdList")?.children(named: "Id").compactMap(\.nonEmptyText) ?? []
        func messages(_ list: String) -> [ESearchResult.Message] {
            root.child(list)?.children.compactMap {
                guard case .element(let element) = $0 else { return nil }
                return ESearchResult.Message(kind: element.name, text: element.text)
            } ?? []
        }
        return ESearchResult(
            count: count, retMax: number("RetMax") ?? ids.count, retStart: number("RetStart") ?? 0, ids: ids,
            queryKey: root.child("QueryKey")?.nonEmptyText, webEnv: root.child("WebEnv")?.nonEmptyText,
            queryTranslation: root.child("QueryTranslation")?.nonEmptyText,
            errors: messages("ErrorList"), warnings: messages("WarningList")
        )
    }
}
