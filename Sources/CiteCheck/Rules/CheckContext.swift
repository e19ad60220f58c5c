/// Everything a rule may look at for one post: the document, its reference list and parsed entries, the
/// configuration and the current year; the citation rules' shared analysis is computed from them on first use.
public struct CheckContext: Sendable {
    public var document: Document { didSet { citationMemo = CitationAnalysisMemo() } }
    /// The reference list the finder chose, nil when the post has none.
    public var referenceList: ReferenceList? { didSet { citationMemo = CitationAnalysisMemo() } }
    /// The list's entries with their parsed fields, in list order.
    public var references: [Reference] { didSet { citationMemo = CitationAnalysisMemo() } }
    public var configuration: Configuration
    /// The year "now" is in: `RefBadYearRule` reports years after it. Injected so tests do not depend on the clock.
    public var currentYear: Int
    /// The citation analysis of this document, list and references, once a rule has asked for it.
    var citationMemo = CitationAnalysisMemo()

    public init(document: Document, referenceList: ReferenceList?, references: [Reference], configuration: Configuration = .default, currentYear: Int) {
        self.document = document
        self.referenceList = referenceList
        self.references = references
        self.configuration = configuration
        self.currentYear = currentYear
    }

    /// Indices into `document.blocks` of every list's blocks, headings included: not the post's own text.
    public var listBlockIndices: Set<Int> {
        var indices = Set<Int>()
        for range in referenceList?.blockRanges ?? [] { indices.formUnion(range) }
        return indices
    }

    /// The file path diagnostics carry.
    public var path: String { document.source.path }

    /// Where a reference stands in the file (its label included).
    public func range(of reference: Reference) -> SourceRange {
        reference.entry.range
    }

    /// Where a field of a reference stands in the file; the whole entry when the parser did not record the field's place.
    public func range(of field: ReferenceField, in reference: Reference) -> SourceRange {
        guard let derived = reference.parsed.fieldRanges[field] else { return reference.entry.range }
        return range(ofDerived: derived, in: reference)
    }

    /// Maps a UTF-8 range of the entry's text to the file.
    public func range(ofDerived derived: Range<Int>, in reference: Reference) -> SourceRange {
        let textLength = reference.entry.text.utf8.count
        guard derived.lowerBound >= 0, derived.upperBound <= textLength else { return reference.entry.range }
        let start = reference.entry.sourceMap.sourceOffset(forDerived: derived.lowerBound)
        // The end maps through the last byte of the range, so a range ending at a replaced piece stays tight.
        let end = derived.isEmpty ? start : reference.entry.sourceMap.sourceOffset(forDerived: derived.upperBound - 1) + 1
        return document.source.range(of: start..<max(start, end))
    }

    /// A diagnostic about one reference, with the rule's default severity; `field` also picks the range when given.
    public func diagnostic(
        severity: Severity? = nil, _ rule: RuleDescription, _ message: String, reference: Reference, field: ReferenceField? = nil,
        range: SourceRange? = nil, expected: String? = nil, found: String? = nil
    ) -> Diagnostic {
        let place = range ?? field.map { self.range(of: $0, in: reference) } ?? self.range(of: reference)
        return Diagnostic(
            rule: rule.id, severity: severity ?? rule.defaultSeverity, message: message, file: path, range: place,
            reference: reference.entry.index, field: field, expected: expected, found: found
        )
    }
}

/// Which entries a rule applies to.
public enum EntryScope: Sendable {
    /// Every entry that cites a work (notes left out).
    case citations
    /// Journal articles only: checks of volume, pages, journal names and citation style.
    case journalArticles

    func includes(_ reference: Reference) -> Bool {
        switch self {
        case .citations: reference.parsed.kind.isCitation
        case .journalArticles: reference.parsed.kind.isJournalArticle
        }
    }
}

extension CheckContext {
    /// The context with only the references in `scope`, for rules that apply to some kinds of entry.
    public func restricted(to scope: EntryScope) -> CheckContext {
        guard references.contains(where: { !scope.includes($0) }) else { return self }
        var restricted = self
        restricted.references = references.filter(scope.includes)
        return restricted
    }
}
