import CiteCheck

/// What matching needs of a record, computed once: folded title tokens, first-author keys, journal keys.
struct RecordFeatures: Sendable {
    var titleTokens: [String]
    /// Tokens of the title before its subtitle; empty when it has none.
    var mainTitleTokens: [String]
    /// Folded family-name keys of the authors, in order (collective names included).
    var authorKeys: [String]
    var journalKeys: [String]
    var pages: PageRange?

    init(_ record: PubMedRecord) {
        self.init(record, onlyKeys: false)
    }

    /// With `onlyKeys`, just what ``RecordLookupKeys`` reads: no main title tokens, the first author's key only.
    init(_ record: PubMedRecord, onlyKeys: Bool) {
        titleTokens = TitleMatching.titleTokens(record.title)
        mainTitleTokens = onlyKeys ? [] : TitleMatching.mainTitle(record.title).map(TitleMatching.titleTokens) ?? []
        authorKeys = (onlyKeys ? record.authors.prefix(1) : record.authors[...]).map { Normalization.name($0.lastName) }
        var keys: [String] = []
        var previous: String?
        let mainJournalTitle = record.journalTitle.flatMap(TitleMatching.mainTitle)
        for name in [record.isoAbbreviation, record.medlineTA, record.journalTitle, mainJournalTitle].compactMap({ $0 }) where name != previous {
            previous = name
            let key = JournalMatching.key(name)
            if !key.isEmpty, !keys.contains(key) { keys.append(key) }
        }
        journalKeys = keys
        pages = RecordKeys.recordPages(record)
    }
}

/// An in-memory index over PubMed records for offline matching: by PMID, DOI, PMCID, first author + year,
/// journal + volume + first page, and an inverted index of title words.
///
/// Building is linear in the records (30,000 MEDLINE records in a fraction of a second in release).
/// A PMID seen twice keeps the later record.
public struct RecordIndex: Sendable {
    /// The records, one per PMID, in the order first seen.
    public private(set) var records: [PubMedRecord]
    var features: [RecordFeatures]

    private var byPMID: [String: Int] = [:]
    private var byDOI: [String: Int] = [:]
    private var byPMCID: [String: Int] = [:]
    /// First author's family key with the print and the electronic year.
    private var byAuthorYear: [AuthorYearKey: [Int]] = [:]
    /// Journal key + volume + first page, and journal key + first page, for each journal key of a record.
    private var byJournalPage: [JournalPageKey: [Int]] = [:]
    /// Title token → records whose title holds it (each record once).
    private var postings: [String: [Int32]] = [:]

    /// Indexes `records`.
    public init(records: [PubMedRecord]) {
        self.records = []
        self.features = []
        self.records.reserveCapacity(records.count)
        self.features.reserveCapacity(records.count)
        byPMID.reserveCapacity(records.count)
        byDOI.reserveCapacity(records.count)
        byAuthorYear.reserveCapacity(records.count)
        byJournalPage.reserveCapacity(records.count * 4)
        postings.reserveCapacity(records.count)
        for record in records { add(record) }
    }

    /// The number of records indexed.
    public var count: Int { records.count }

    /// Adds one record (replacing an earlier record with the same PMID).
    public mutating func add(_ record: PubMedRecord) {
        if let existing = byPMID[record.pmid] {
            // Replace in place; stale keys of the old version may still point here, which only adds a candidate.
            records[existing] = record
            features[existing] = RecordFeatures(record)
            indexKeys(of: existing)
            return
        }
        let position = records.count
        records.append(record)
        features.append(RecordFeatures(record))
        byPMID[record.pmid] = position
        indexKeys(of: position)
    }

    private mutating func indexKeys(of position: Int) {
        let keys = RecordLookupKeys(records[position], features: features[position])
        if let doi = keys.doi { byDOI[doi] = position }
        if let pmcid = keys.pmcid { byPMCID[pmcid] = position }
        for key in keys.authorYears { byAuthorYear[key, default: []].append(position) }
        for key in keys.journalPages { byJournalPage[key, default: []].append(position) }
        for token in keys.titleTokens { postings[token, default: []].append(Int32(position)) }
    }

    /// The record with this PMID.
    public func record(pmid: String) -> PubMedRecord? {
        byPMID[pmid.filter(\.isNumber)].map { records[$0] }
    }

    /// The record with this DOI (case and resolver prefix ignored).
    public func record(doi: String) -> PubMedRecord? {
        byDOI[RecordKeys.doiKey(doi)].map { records[$0] }
    }

    /// The record with this PMCID.
    public func record(pmcid: String) -> PubMedRecord? {
        byPMCID[RecordKeys.pmcidKey(pmcid)].map { records[$0] }
    }

    /// Records that might be the one `reference` cites, gathered from every key: identifiers written in the
    /// reference first, then first author + year (±1), journal + volume + first page, then the records sharing
    /// the most (rarity-weighted) title words, up to `limit` of those. Each record once.
    public func candidates(for reference: ParsedReference, limit: Int = 20) -> [PubMedRecord] {
        candidatePositions(for: reference, limit: limit).map { records[$0] }
    }

    func candidatePositions(for reference: ParsedReference, limit: Int) -> [Int] {
        var result: [Int] = []
        var seen = Set<Int>()
        func take(_ position: Int?) {
            if let position, seen.insert(position).inserted { result.append(position) }
        }
        let keys = ReferenceLookupKeys(reference)
        if let pmid = keys.pmid { take(byPMID[pmid]) }
        if let doi = keys.doi { take(byDOI[doi]) }
        if let pmcid = keys.pmcid { take(byPMCID[pmcid]) }
        for key in keys.authorYears {
            for position in byAuthorYear[key] ?? [] { take(position) }
        }
        for key in keys.journalPages {
            for position in byJournalPage[key] ?? [] { take(position) }
        }
        for position in titleCandidates(keys.titleTokens, limit: limit) { take(position) }
        return result
    }

    /// Positions of the records sharing the most rarity-weighted title tokens with `tokens`, best first.
    private func titleCandidates(_ tokens: [String], limit: Int) -> [Int] {
        guard !tokens.isEmpty, limit > 0, !records.isEmpty else { return [] }
        let total = records.count
        var seenTokens = Set<String>()
        let lists = tokens.compactMap { token -> [Int32]? in seenTokens.insert(token).inserted ? postings[token] : nil }
        // Very common words add little and cost most; skip them when rarer words are there.
        let rare = lists.filter { TitleCandidateRanking.isRare(documentCount: $0.count, total: total) }
        let used = rare.count >= 2 ? rare : lists
        var scores = [Float](repeating: 0, count: total)
        var touched: [Int32] = []
        for list in used {
            let weight = TitleCandidateRanking.weight(documentCount: list.count)
            for position in list {
                if scores[Int(position)] == 0 { touched.append(position) }
                scores[Int(position)] += weight
            }
        }
        var best: Float = 0
        for position in touched { best = max(best, scores[Int(position)]) }
        let floor = best * TitleCandidateRanking.floor
        let ranked = touched.filter { scores[Int($0)] >= floor }.sorted {
            scores[Int($0)] > scores[Int($1)] || (scores[Int($0)] == scores[Int($1)] && $0 < $1)
        }
        return ranked.prefix(limit).map { Int($0) }
    }
}
