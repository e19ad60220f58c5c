/// A journal name normalised once, for comparing it with many others (`Normalization.sameJournal`
/// costs a key computation and two catalog searches per call; this type does them once).
///
/// ```swift
/// let wanted = JournalName("Am J Psychiatry")
/// let hits = records.filter { wanted.isSame(as: JournalName($0.journal)) }
/// ```
public struct JournalName: Hashable, Sendable {
    /// The name as given.
    public let raw: String
    /// `Normalization.journalKey(raw)`.
    public let key: String
    /// The catalog id, nil when the catalog does not know the name.
    public let catalogID: Int?

    /// Word lists (stop words dropped) of the name, of its catalog forms, and of both without
    /// qualifiers and subtitles (and without a translated title after `. `, as in
    /// `Nihon rinsho. Japanese journal of clinical medicine`): what the rule-based comparison compares.
    let wordForms: [[Substring]]

    public init(_ name: String) {
        raw = name
        key = Normalization.journalKey(name)
        catalogID = JournalCatalog.canonicalID(for: name)
        var texts = [name]
        if let id = catalogID { texts += JournalCatalog.forms(ofID: id) }
        var forms: [[Substring]] = []
        for text in texts {
            let stripped = Normalization.strippedJournal(text)
            for variant in [text, stripped, Normalization.droppingTranslatedSubtitle(stripped)] {
                let words = Normalization.journalWords(variant)
                if !words.isEmpty && !forms.contains(words) { forms.append(words) }
            }
        }
        wordForms = forms
    }

    /// Same answer as `Normalization.sameJournal(raw, other.raw)`, faster when both are in the catalog
    /// or have equal keys.
    public func isSame(as other: JournalName) -> Bool {
        if key.isEmpty || other.key.isEmpty { return false }
        if key == other.key { return true }
        if let a = catalogID, let b = other.catalogID { return a == b }
        return Normalization.sameJournalByRule(self, other)
    }
}

extension Normalization {
    /// The rule-based part of `sameJournal`, for names of which at most one is in the catalog.
    static func sameJournalByRule(_ a: JournalName, _ b: JournalName) -> Bool {
        for x in a.wordForms {
            for y in b.wordForms where abbreviates(x, y) { return true }
        }
        return false
    }
}
