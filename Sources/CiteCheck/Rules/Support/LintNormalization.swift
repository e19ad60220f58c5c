// The normalisation the list rules use: `Normalization` and the embedded journal catalog, and how a journal name
// is written (full or abbreviated).

/// Whether a journal name is written in full or abbreviated.
enum JournalForm: String, Sendable {
    case full, abbreviated
}

enum LintNormalization {
    static func title(_ text: String) -> String { Normalization.title(text) }

    static func name(_ text: String) -> String { Normalization.name(text) }

    static func sameJournal(_ a: String, _ b: String) -> Bool { Normalization.sameJournal(a, b) }

    /// True when `text` is a journal name the catalog knows (a parser may file a titleless reference's
    /// journal as its title).
    static func isKnownJournal(_ text: String) -> Bool { JournalCatalog.isKnown(text) }

    /// Full, abbreviated, or nil when the name reads the same both ways (`JAMA Psychiatry`, `Science`,
    /// `Neuropsychopharmacology`) or cannot be told.
    static func journalForm(_ journal: String) -> JournalForm? {
        let key = Normalization.journalKey(journal)
        guard !key.isEmpty else { return nil }
        if let full = JournalCatalog.fullTitle(for: journal), let abbreviation = JournalCatalog.abbreviation(for: journal) {
            let fullKey = Normalization.journalKey(Normalization.strippedJournal(full))
            let abbreviationKey = Normalization.journalKey(Normalization.strippedJournal(abbreviation))
            let strippedKey = Normalization.journalKey(Normalization.strippedJournal(journal))
            if fullKey == abbreviationKey { return nil }
            if strippedKey == fullKey { return .full }
            if strippedKey == abbreviationKey { return .abbreviated }
        }
        if Normalization.isAbbreviatedJournal(journal) { return .abbreviated }
        let words = journal.split { $0 == " " || $0 == "\t" }.map(String.init)
        if words.contains(where: { connectives.contains($0.lowercased()) }) { return .full }
        return nil
    }

    private static let connectives: Set<String> = ["of", "and", "the", "for", "in", "on", "&", "de", "der", "und"]
}
