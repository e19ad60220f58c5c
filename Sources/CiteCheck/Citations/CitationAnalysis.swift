/// A post's text citations, their links to the reference list and the comparisons the `cite-*` rules use.
///
/// The citation rules (`CitationRule`, one file each under `Rules/Citations/`) read it; `CheckContext`
/// computes it once per post and shares it between them.
public struct CitationAnalysis: Sendable {
    public var source: SourceFile
    public var citations: [Citation]
    public var links: [CitationLink]
    public var references: [Reference]
    /// Whether a name is a journal's: one the catalog knows, or one with a journal-like word.
    public var isJournal: @Sendable (String) -> Bool
    public var sameJournal: @Sendable (String, String) -> Bool
    public var familyKey: @Sendable (String) -> String

    public init(
        source: SourceFile, citations: [Citation], links: [CitationLink], references: [Reference],
        isJournal: @escaping @Sendable (String) -> Bool = CitationAnalysis.isKnownJournal,
        sameJournal: @escaping @Sendable (String, String) -> Bool = CitationLinker().sameJournal,
        familyKey: @escaping @Sendable (String) -> String = CitationLinker().familyKey
    ) {
        self.source = source
        self.citations = citations
        self.links = links
        self.references = references
        self.isJournal = isJournal
        self.sameJournal = sameJournal
        self.familyKey = familyKey
    }

    /// Finds the post's citations and links them to the references, in one call.
    public static func analyze(
        document: Document, list: ReferenceList?, references: [Reference],
        linker: CitationLinker = CitationLinker(),
        isJournal: @escaping @Sendable (String) -> Bool = CitationAnalysis.isKnownJournal
    ) -> CitationAnalysis {
        let citations = CitationFinder.find(in: document, list: list)
        let links = linker.link(citations, to: references, markdown: document.format == .markdown)
        return CitationAnalysis(
            source: document.source, citations: citations, links: links, references: references,
            isJournal: isJournal, sameJournal: linker.sameJournal, familyKey: linker.familyKey)
    }

    /// A journal name the catalog knows, or a name with a journal-like word (`Journal`, `Psychiatry`, …).
    @Sendable public static func isKnownJournal(_ name: String) -> Bool {
        JournalCatalog.isKnown(name) || CitationVocabulary.looksLikeJournal(name)
    }

    /// The post cites with markers, footnotes or author-year citations.
    public var usesExplicitCitations: Bool { citations.contains { $0.isExplicit } }

    /// How an entry is named in messages: `reference 3` (its number when it has one).
    public func name(_ index: Int) -> String {
        references.reference(at: index)?.entry.displayName ?? "reference \(index)"
    }

    /// A finding of `rule` at a UTF-8 range of the source, with the rule's default severity unless `severity` is given.
    public func diagnostic(
        _ rule: RuleDescription, severity: Severity? = nil, _ message: String, at range: Range<Int>,
        reference: Int? = nil, field: ReferenceField? = nil, expected: String? = nil, found: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            rule: rule.id, severity: severity ?? rule.defaultSeverity, message: message, file: source.path,
            range: source.range(of: range), reference: reference, field: field, expected: expected, found: found)
    }

    /// The names of the footnote definitions written in the file (`[^name]:` at the start of a line), lowercased.
    func footnoteDefinitionNames() -> Set<String> {
        var names = Set<String>()
        let bytes = Array(source.text.utf8)
        var lineStart = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if lineStart, b == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "^") {
                var j = i + 2
                while j < bytes.count, j - i < 200, bytes[j] != UInt8(ascii: "]"), bytes[j] != 0x0A { j += 1 }
                if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: ":") {
                    names.insert(String(decoding: bytes[(i + 2)..<j], as: UTF8.self).lowercased())
                }
            }
            lineStart = b == 0x0A || b == 0x0D || (lineStart && b == 0x20)
            i += 1
        }
        return names
    }

    /// True when the citation at source offset `offset` stands right after a closing quotation mark.
    func followsQuotation(_ offset: Int) -> Bool {
        // At most a few bytes before the citation are read (the view's offsets are O(1) on native strings).
        let utf8 = source.text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        let bytes = Array(utf8[utf8.index(end, offsetBy: -min(offset, 16))..<end])
        var k = bytes.count
        while k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == UInt8(ascii: "(") { k -= 1 }
        guard k > 0 else { return false }
        if bytes[k - 1] == UInt8(ascii: "\"") || bytes[k - 1] == UInt8(ascii: "'") { return true }
        // “ ” „ ‟ ‘ ’ (E2 80 9C–9F, 98–99) and « » (C2 AB / BB).
        if k >= 3, bytes[k - 3] == 0xE2, bytes[k - 2] == 0x80, (0x98...0x9F).contains(bytes[k - 1]) { return true }
        return k >= 2 && bytes[k - 2] == 0xC2 && (bytes[k - 1] == 0xAB || bytes[k - 1] == 0xBB)
    }
}
