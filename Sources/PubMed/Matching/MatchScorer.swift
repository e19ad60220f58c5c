import CiteCheck

/// How well one reference agrees with one record, field by field. `nil` means the reference (or record) does
/// not give the field, so it neither helps nor hurts.
public struct MatchScore: Hashable, Sendable {
    /// Title similarity in 0...1 (see `MatchScorer`), nil when either side has no title.
    public var title: Double?
    /// Words of the reference's title that PubMed's title lacks in any form (a part number included: `Part II`
    /// written, `Part I` in PubMed): a companion paper's sign. 0 when the title only lacks words or differs in spelling.
    /// Below a title similarity of `MatchPolicy.farTitle` every word of the reference's title counts.
    public var titleForeignWords: Int = 0
    /// Content words in the reference's title; a title of three words or fewer (`Radiological case of the month`)
    /// may be a recurring column's and vouches for little on its own.
    public var titleWords: Int = 0
    /// The reference's first author is PubMed's first author.
    public var firstAuthor: Bool?
    /// The reference's first author is one of PubMed's authors, though not first.
    public var authorElsewhere: Bool
    /// 0 when the year (or electronic year) agrees exactly, 1 when off by one, larger otherwise; nil when unknown.
    public var yearDistance: Int?
    public var journal: Bool?
    public var volume: Bool?
    public var firstPage: Bool?
    /// The issue agrees (a supplement or combined issue containing the written one counts); not weighted, a veto only.
    public var issue: Bool? = nil
    /// Weighted sum in 0...1.
    public var total: Double

    /// Year agrees, or is off by one (epub vs print).
    public var yearClose: Bool { (yearDistance ?? 99) <= 1 }
}

/// The decision for one reference.
public enum MatchOutcome: Hashable, Sendable {
    /// One record clearly matches.
    case matched(PubMedRecord, score: Double)
    /// Two or more records match about equally well; nothing is compared.
    case ambiguous([PubMedRecord])
    /// No record matches well enough.
    case notFound
}

/// An identifier written in a reference (DOI, PMID, PMCID) that belongs to a record clearly not the cited one.
public struct IdentifierConflict: Hashable, Sendable {
    /// `.doi`, `.pmid` or `.pmcid`.
    public var field: ReferenceField
    /// The identifier as written.
    public var written: String
    /// The record that identifier belongs to.
    public var record: PubMedRecord

    public init(field: ReferenceField, written: String, record: PubMedRecord) {
        self.field = field
        self.written = written
        self.record = record
    }
}

/// The outcome for one reference together with any identifier that points at a different paper.
public struct MatchResult: Hashable, Sendable {
    public var outcome: MatchOutcome
    public var identifierConflicts: [IdentifierConflict]

    public init(outcome: MatchOutcome, identifierConflicts: [IdentifierConflict] = []) {
        self.outcome = outcome
        self.identifierConflicts = identifierConflicts
    }

    /// The matched record, when one was accepted.
    public var record: PubMedRecord? {
        if case .matched(let record, _) = outcome { return record }
        return nil
    }
}

/// Scores references against PubMed records and decides which record, if any, a reference cites.
///
/// A record is accepted only on strong evidence: a title that agrees (similarity ≥ `MatchPolicy.strongTitle`) together
/// with the first author, or with the journal and the year (±1); or a looser title with author, journal or year
/// and volume or first page; or, whatever the title, author + journal + year + volume + first page (a bare
/// citation without title or authors: journal + year + volume + first page). It must
/// also be clearly better than the runner-up. Pages, volume and issue may be wrong (that is what is checked), so
/// they only ever add evidence.
public struct MatchScorer: Sendable {
    /// The weights and cut-offs.
    public var policy: MatchPolicy

    public init(policy: MatchPolicy = MatchPolicy()) {
        self.policy = policy
    }

    /// Scores `reference` against `record`.
    public func score(_ reference: ParsedReference, _ record: PubMedRecord) -> MatchScore {
        score(ReferenceFeatures(reference), record, RecordFeatures(record))
    }

    func score(_ ref: ReferenceFeatures, _ record: PubMedRecord, _ features: RecordFeatures) -> MatchScore {
        let reference = ref.reference
        var title: Double?
        var foreign = 0
        if !ref.titleTokens.isEmpty, !features.titleTokens.isEmpty {
            let similarity = TitleMatching.titleSimilarity(tokens: ref.titleTokens, main: ref.mainTitleTokens, tokens: features.titleTokens, main: features.mainTitleTokens)
            title = similarity
            if similarity < policy.farTitle {
                foreign = ref.titleTokens.count  // far apart: not worth the word-by-word count
            } else if similarity < 1 {
                foreign = TitleMatching.foreignWordCount(ref.titleTokens, features.titleTokens, main: features.mainTitleTokens)
            }
        }
        var firstAuthor: Bool?
        var elsewhere = false
        if let author = reference.authors.first, !features.authorKeys.isEmpty {
            let recordFirst = record.authors[0].lastName
            firstAuthor = ref.firstAuthorKey == features.authorKeys[0] || Self.sameAuthor(author, recordFirst)
            if firstAuthor == false {
                elsewhere =
                    features.authorKeys.dropFirst().contains(ref.firstAuthorKey)
                    || record.authors.dropFirst().contains { Self.sameAuthor(author, $0.lastName) }
            }
        }
        var yearDistance: Int?
        let recordYears = [record.year, record.electronicYear].compactMap { $0 }
        let refYears = [reference.year, reference.epubYear].compactMap { $0 }
        if !recordYears.isEmpty, !refYears.isEmpty {
            yearDistance = refYears.flatMap { r in recordYears.map { abs($0 - r) } }.min()
        }
        var journal: Bool?
        if let key = ref.journalKey, !features.journalKeys.isEmpty {
            if features.journalKeys.contains(key) {
                journal = true
            } else if let written = reference.journal {
                journal = JournalMatching.sameJournal(written, record)
            }
        }
        var volume: Bool?
        if let written = reference.volume, let actual = record.volume {
            volume = RecordKeys.numberKey(written) == RecordKeys.numberKey(actual)
        }
        var firstPage: Bool?
        if let written = reference.pages?.first {
            let key = RecordKeys.numberKey(written)
            if let actual = features.pages?.first {
                firstPage = key == RecordKeys.numberKey(actual) || record.elocationIDs.contains { RecordKeys.numberKey($0) == key }
            } else if !record.elocationIDs.isEmpty {
                firstPage = record.elocationIDs.contains { RecordKeys.numberKey($0) == key }
            }
        }
        var issue: Bool?
        if let written = reference.issue, let actual = record.issue, !actual.isEmpty {
            let w = Set(MatchWords.tokens(written))
            let a = Set(MatchWords.tokens(actual))
            issue = !w.isEmpty && (w.isSubset(of: a) || a.isSubset(of: w))
        }
        var total = 0.0
        total += policy.titleWeight * (title ?? 0)
        total += policy.firstAuthorWeight * (firstAuthor == true ? 1 : elsewhere ? policy.authorElsewhereShare : 0)
        if let yearDistance { total += policy.yearWeight * (yearDistance == 0 ? 1 : yearDistance == 1 ? policy.adjacentYearShare : 0) }
        total += policy.journalWeight * (journal == true ? 1 : 0)
        total += policy.volumeWeight * (volume == true ? 1 : 0)
        total += policy.firstPageWeight * (firstPage == true ? 1 : 0)
        return MatchScore(
            title: title, titleForeignWords: foreign, titleWords: ref.titleTokens.count, firstAuthor: firstAuthor, authorElsewhere: elsewhere,
            yearDistance: yearDistance, journal: journal, volume: volume, firstPage: firstPage, issue: issue, total: total
        )
    }

    /// Whether `score` is strong enough to accept a record on bibliographic fields alone.
    ///
    /// The rules guard against the look-alikes found in MEDLINE: companion papers by the same authors in the same
    /// issue (titles a few words apart, `Part I`/`Part II`), several commentaries under one title by different
    /// authors, recurring column titles (`Radiological case of the month`), two short items on one page.
    public func isAcceptable(_ score: MatchScore) -> Bool {
        let author = score.firstAuthor == true
        // Words in the reference's title that PubMed's lacks: a companion paper looks just like this. Its first
        // page must then agree, or the title cannot vouch.
        let title = score.titleForeignWords > 0 && score.firstPage != true ? 0 : (score.title ?? 0)
        let shortTitle = score.titleWords <= policy.shortTitleWords
        let placed = score.volume == true || score.firstPage == true
        let fullyPlaced = score.volume == true && score.firstPage == true && score.yearClose
        // A recurring column appears under one title in every issue of a volume: its page or its issue places it.
        let inIssue = score.journal == true && score.volume == true && score.issue == true
        if title >= policy.strongTitle && author
            && (!shortTitle || (score.firstPage == true && (score.journal == true || score.yearClose)) || fullyPlaced || inIssue)
        {
            return true
        }
        if title >= policy.strongTitle && score.journal == true && score.yearClose {
            // Another author's piece under the same title (commentaries) differs in its pages.
            if score.firstAuthor == false && score.firstPage != true { return false }
            if shortTitle && score.firstPage != true { return false }
            return true
        }
        if title >= policy.looseTitle && !shortTitle && (author || score.authorElsewhere) && (score.journal == true || score.yearClose) && placed {
            return true
        }
        // Five other fields agree, and the title (if any) does not speak against it: a short main title without
        // its subtitle, say. Not when the issue differs: an article of another issue may start on the same page.
        let titleAllows = score.title == nil || score.titleForeignWords == 0 || (score.title ?? 0) >= policy.looseTitle
        if author && score.journal == true && score.yearDistance == 0 && score.volume == true && score.firstPage == true
            && score.issue != false && titleAllows
        {
            return true
        }
        // A bare citation (`Brain Res. 1977 Jun 17;128(3):485-96`): journal, volume, first page and year name one article.
        if score.title == nil && score.firstAuthor == nil && score.journal == true && score.yearDistance == 0
            && score.volume == true && score.firstPage == true && score.issue != false
        {
            return true
        }
        return false
    }

    /// Whether an identifier hit agrees enough to be accepted: the title, or the first author and year.
    func identifierAgrees(_ score: MatchScore) -> Bool {
        let author = score.firstAuthor == true || score.authorElsewhere
        guard let title = score.title else { return author && score.yearClose }
        if title >= policy.strongTitle { return true }
        if title >= policy.identifierTitle { return author || (score.journal == true && score.yearClose) }
        if title >= policy.identifierWeakTitle { return score.firstAuthor == true && score.yearClose }
        return false
    }

    /// Whether an identifier hit clearly names a different paper.
    func identifierContradicts(_ score: MatchScore) -> Bool {
        let authorDisagrees = score.firstAuthor == false && !score.authorElsewhere
        if let title = score.title { return title < policy.contradictingTitle && authorDisagrees }
        return authorDisagrees && !(score.yearClose) && score.journal != true
    }

    /// Decides which of `candidates` (if any) `reference` cites. Identifiers written in the reference win when
    /// the record they name agrees; an identifier naming a clearly different paper is reported as a conflict and
    /// the bibliographic fields decide.
    public func decide(_ reference: ParsedReference, candidates: [PubMedRecord]) -> MatchResult {
        var seen = Set<String>()
        let unique = candidates.filter { seen.insert($0.pmid).inserted }
        return decide(ReferenceFeatures(reference), unique.map { ($0, RecordFeatures($0)) })
    }

    func decide(_ ref: ReferenceFeatures, _ candidates: [(PubMedRecord, RecordFeatures)]) -> MatchResult {
        let reference = ref.reference
        let scored = candidates.map { (record: $0.0, score: score(ref, $0.0, $0.1)) }
        // Records named by an identifier written in the reference.
        let hits = scored.compactMap { item -> (record: PubMedRecord, score: MatchScore, ids: [(ReferenceField, String)])? in
            let ids = identifiers(of: reference, naming: item.record)
            return ids.isEmpty ? nil : (item.record, item.score, ids)
        }
        let contradicted = Set(hits.filter { identifierContradicts($0.score) }.map(\.record.pmid))
        let acceptable = scored.filter { !contradicted.contains($0.record.pmid) && isAcceptable($0.score) }
            .sorted { $0.score.total > $1.score.total }

        var outcome: MatchOutcome?
        if let named = hits.filter({ identifierAgrees($0.score) }).max(by: { $0.score.total < $1.score.total }) {
            // The identifier wins unless another record is clearly the cited one (a better title and score):
            // then the identifier names a different paper (a companion paper's DOI, say).
            let rival = acceptable.first {
                $0.record.pmid != named.record.pmid && ($0.score.title ?? 0) >= (named.score.title ?? 0) + policy.titleGap
                    && $0.score.total > named.score.total
            }
            if rival == nil { outcome = .matched(named.record, score: named.score.total) }
        }
        let decided = outcome ?? bibliographicDecision(acceptable)

        // Identifiers naming another record than the accepted one are wrong; without an accepted match only those
        // that clearly name a different paper are reported.
        var conflicts: [IdentifierConflict] = []
        for hit in hits {
            let isConflict: Bool
            if case .matched(let record, _) = decided {
                isConflict = hit.record.pmid != record.pmid
            } else {
                isConflict = contradicted.contains(hit.record.pmid)
            }
            if isConflict {
                conflicts += hit.ids.map { IdentifierConflict(field: $0.0, written: $0.1, record: hit.record) }
            }
        }
        return MatchResult(outcome: decided, identifierConflicts: conflicts)
    }

    /// Whether `result`, decided on some of the candidates, stands whatever other records are added: no record can
    /// overrule or rival it. That holds for
    /// - a record named by an identifier written in the reference that agrees with it, whose title is so close to
    ///   the reference's that no other record's can be `titleGap` better;
    /// - a record on which all six fields agree (the same title, first author, year, journal, volume and first
    ///   page: the highest total there is): a rival within `margin` would have to agree on all but the title too,
    ///   and record stores find such a record by its (first author, year) and (journal, volume, first page) keys.
    /// A record store may then skip its costlier lookups (title words).
    public func isSettled(_ reference: ParsedReference, _ result: MatchResult) -> Bool {
        guard case .matched(let record, let total) = result.outcome else { return false }
        let score = score(reference, record)
        if !identifiers(of: reference, naming: record).isEmpty, identifierAgrees(score), let title = score.title,
            title + policy.titleGap > 1 + 1e-9
        {
            return true
        }
        return total >= 1 - 1e-9 && score.title == 1 && score.firstAuthor == true && score.yearDistance == 0
            && score.journal == true && score.volume == true && score.firstPage == true
    }

    /// The best of `acceptable` (sorted best first), or ambiguity when a runner-up is about as good.
    private func bibliographicDecision(_ acceptable: [(record: PubMedRecord, score: MatchScore)]) -> MatchOutcome {
        guard let best = acceptable.first else { return .notFound }
        // A runner-up is close when its total is within the margin and its title is about as similar: a clearly
        // better title (two papers by the same authors in one issue) decides.
        let close = acceptable.dropFirst().filter {
            best.score.total - $0.score.total < policy.margin && ($0.score.title ?? 0) > (best.score.title ?? 0) - policy.titleGap
        }
        if !close.isEmpty { return .ambiguous([best.record] + close.map(\.record)) }
        return .matched(best.record, score: best.score.total)
    }

    /// The identifiers written in `reference` that `record` carries.
    private func identifiers(of reference: ParsedReference, naming record: PubMedRecord) -> [(ReferenceField, String)] {
        var result: [(ReferenceField, String)] = []
        if let pmid = reference.pmid, pmid.filter(\.isNumber) == record.pmid { result.append((.pmid, pmid)) }
        if let doi = reference.doi, let recordDOI = record.doi, RecordKeys.doiKey(doi) == RecordKeys.doiKey(recordDOI), !recordDOI.isEmpty {
            result.append((.doi, doi))
        }
        if let pmcid = reference.pmcid, let recordPMCID = record.pmcid, RecordKeys.pmcidKey(pmcid) == RecordKeys.pmcidKey(recordPMCID),
            !RecordKeys.pmcidKey(pmcid).isEmpty
        {
            result.append((.pmcid, pmcid))
        }
        return result
    }

    static func sameAuthor(_ author: Author, _ lastName: String) -> Bool {
        if NameMatching.sameFamily(author.family, lastName) { return true }
        // A name the parser read the other way round (`Adriana Feder` with family `Adriana`).
        if !author.isGroup, author.given.count > 2, NameMatching.sameFamily(author.given, lastName) { return true }
        return false
    }
}

/// What matching needs of a reference, computed once.
struct ReferenceFeatures: Sendable {
    var reference: ParsedReference
    var titleTokens: [String]
    var mainTitleTokens: [String]
    var firstAuthorKey: String
    var journalKey: String?

    init(_ reference: ParsedReference) {
        self.reference = reference
        self.titleTokens = reference.title.map(TitleMatching.titleTokens) ?? []
        self.mainTitleTokens = reference.title.flatMap(TitleMatching.mainTitle).map(TitleMatching.titleTokens) ?? []
        self.firstAuthorKey = reference.authors.first.map { Normalization.name($0.family) } ?? ""
        self.journalKey = reference.journal.map(JournalMatching.key).flatMap { $0.isEmpty ? nil : $0 }
    }
}

extension RecordIndex {
    /// Finds the record `reference` cites among this index's candidates for it.
    public func match(_ reference: ParsedReference, scorer: MatchScorer = MatchScorer(), limit: Int = 20) -> MatchResult {
        let features = ReferenceFeatures(reference)
        let positions = candidatePositions(for: reference, limit: limit)
        return scorer.decide(features, positions.map { (records[$0], self.features[$0]) })
    }
}
