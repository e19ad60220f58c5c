import CiteCheck

/// First author's family key and a year: the `(first author, year)` lookup.
public struct AuthorYearKey: Hashable, Sendable {
    public var family: String
    public var year: Int

    public init(family: String, year: Int) {
        self.family = family
        self.year = year
    }
}

/// Journal key, volume and first page: the ECitMatch-like lookup. An empty volume is the key without volume.
public struct JournalPageKey: Hashable, Sendable {
    public var journal: String
    public var volume: String
    public var page: String

    public init(journal: String, volume: String, page: String) {
        self.journal = journal
        self.volume = volume
        self.page = page
    }
}

/// The keys a record is filed under for matching: identifiers, first author + print and electronic year,
/// journal + volume + first page (and journal + first page) for each of its journal names, distinct title tokens.
/// ``RecordIndex`` and any other record store file records under exactly these keys.
public struct RecordLookupKeys: Sendable {
    public var doi: String?
    public var pmcid: String?
    public var authorYears: [AuthorYearKey]
    /// Each journal key with the volume, then without it (`volume` empty).
    public var journalPages: [JournalPageKey]
    /// The folded journal keys of the record's journal names (ISO abbreviation, MedlineTA, title, main title).
    public var journals: [String]
    /// Distinct content tokens of the title, in title order.
    public var titleTokens: [String]

    public init(_ record: PubMedRecord) {
        self.init(record, features: RecordFeatures(record, onlyKeys: true))
    }

    init(_ record: PubMedRecord, features: RecordFeatures) {
        doi = record.doi.map(RecordKeys.doiKey).flatMap { $0.isEmpty ? nil : $0 }
        pmcid = record.pmcid.map(RecordKeys.pmcidKey).flatMap { $0.isEmpty ? nil : $0 }
        var years: [AuthorYearKey] = []
        if let first = features.authorKeys.first, !first.isEmpty {
            if let year = record.year { years.append(AuthorYearKey(family: first, year: year)) }
            if let year = record.electronicYear, year != record.year { years.append(AuthorYearKey(family: first, year: year)) }
        }
        authorYears = years
        journals = features.journalKeys
        var pages: [JournalPageKey] = []
        if let page = features.pages?.first {
            let pageKey = RecordKeys.numberKey(page)
            let volume = record.volume.map(RecordKeys.numberKey) ?? ""
            for journal in features.journalKeys {
                if !volume.isEmpty { pages.append(JournalPageKey(journal: journal, volume: volume, page: pageKey)) }
                pages.append(JournalPageKey(journal: journal, volume: "", page: pageKey))
            }
        }
        journalPages = pages
        var seen = Set<String>()
        titleTokens = features.titleTokens.filter { seen.insert($0).inserted }
    }
}

/// The keys a reference is looked up by, the same way for every record store: identifiers written in it, its
/// first author (family, or given name when read the other way round) with the year and the e-pub year ±1,
/// journal + volume + first page and journal + first page, and its title tokens.
public struct ReferenceLookupKeys: Sendable {
    /// Digits of the PMID written.
    public var pmid: String?
    public var doi: String?
    public var pmcid: String?
    public var authorYears: [AuthorYearKey]
    /// With the volume first (when written), then without.
    public var journalPages: [JournalPageKey]
    /// The title's content tokens, in order (repeats kept).
    public var titleTokens: [String]

    public init(_ reference: ParsedReference) {
        pmid = reference.pmid.map { $0.filter(\.isNumber) }.flatMap { $0.isEmpty ? nil : $0 }
        doi = reference.doi.map(RecordKeys.doiKey).flatMap { $0.isEmpty ? nil : $0 }
        pmcid = reference.pmcid.map(RecordKeys.pmcidKey).flatMap { $0.isEmpty ? nil : $0 }
        var years: [AuthorYearKey] = []
        if let author = reference.authors.first {
            var families: [String] = []
            for key in [Normalization.name(author.family), Normalization.name(author.given)] where key.count >= 2 && !families.contains(key) {
                families.append(key)
            }
            var seenYears: [Int] = []
            for year in [reference.year, reference.epubYear].compactMap({ $0 }).flatMap({ [$0 - 1, $0, $0 + 1] }) where !seenYears.contains(year) {
                seenYears.append(year)
                for family in families { years.append(AuthorYearKey(family: family, year: year)) }
            }
        }
        authorYears = years
        var pages: [JournalPageKey] = []
        if let journal = reference.journal.map(JournalMatching.key), !journal.isEmpty, let page = reference.pages?.first {
            let pageKey = RecordKeys.numberKey(page)
            let volume = reference.volume.map(RecordKeys.numberKey) ?? ""
            if !volume.isEmpty { pages.append(JournalPageKey(journal: journal, volume: volume, page: pageKey)) }
            pages.append(JournalPageKey(journal: journal, volume: "", page: pageKey))
        }
        journalPages = pages
        titleTokens = reference.title.map(TitleMatching.titleTokens) ?? []
    }
}

/// The title candidates' ranking shared by record stores: each shared token weighs 1/√(records holding it);
/// very common tokens are left out when at least two rarer ones are there; records under 30% of the best score
/// are dropped.
public enum TitleCandidateRanking {
    /// A token is common when more than 1/20 of the records hold it.
    public static func isRare(documentCount: Int, total: Int) -> Bool {
        documentCount * 20 < total
    }

    /// The weight of a token held by `documentCount` records.
    public static func weight(documentCount: Int) -> Float {
        1 / Float(max(1, documentCount)).squareRoot()
    }

    /// The share of the best score a candidate must reach.
    public static let floor: Float = 0.3
}
