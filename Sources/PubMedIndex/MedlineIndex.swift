import CiteCheck
import GRDB
import PubMed

#if canImport(Glibc)
    import Glibc
#endif

/// A MEDLINE index opened read-only: answers the verifier's lookups (identifier, first author + year, journal +
/// volume + first page, title words through FTS5) and gives back the stored records, decided by the same
/// ``MatchScorer`` as in-memory fixtures.
///
/// Safe to use from several threads (one SQLite connection, serialized). Lookups wait up to
/// ``busyTimeoutSeconds`` while an `index update` commits.
public final class MedlineIndex: RecordSource, Sendable {
    public let path: String
    private let queue: DatabaseQueue
    /// How long a lookup waits for a writer's commit.
    public static let busyTimeoutSeconds = 10.0
    /// How much one lookup reads at most.
    public let limits: LookupLimits

    /// The bounds on what one lookup reads, so that its cost grows with the log of the index only.
    public struct LookupLimits: Sendable, Hashable {
        /// How many of a title's tokens are read: the rarest ones (by `title_terms`), which tell the most.
        public var titleTokens = 4
        /// At most this many postings of one title token are read (the newest PMIDs first); when a token's list is
        /// longer, the records holding all the tokens read are asked for too (up to this many).
        public var postingsPerToken = 1_000
        /// At most this many records are taken from one (first author, year) or (journal, first page) key: a
        /// common family name in a busy year is not a key that tells, and the other lookups find the record.
        public var recordsPerKey = 500
        /// At most this many title candidates.
        public var titleCandidates = 20

        public init() {}
    }

    /// Opens the index at `path` read-only; throws ``IndexError`` for a missing, corrupt or foreign file.
    public init(path: String, limits: LookupLimits = LookupLimits()) throws(IndexError) {
        self.path = path
        self.limits = limits
        try Self.catching(path) { try IndexSchema.checkHeader(path: path) }
        try Self.rollBackInterruptedWrite(path)
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(Self.busyTimeoutSeconds)
        configuration.label = "citecheck-index"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA cache_size = -16384")
        }
        queue = try Self.catching(path) { try DatabaseQueue(path: path, configuration: configuration) }
        try Self.catching(path) { try queue.read { db in try IndexSchema.validate(db, path: path) } }
    }

    /// A build or update killed mid-file leaves a rollback journal that a read-only connection cannot undo: undo
    /// it through a writable connection first (reading the schema is enough), which brings the index back to its
    /// last whole file.
    static func rollBackInterruptedWrite(_ path: String) throws(IndexError) {
        var info = stat()
        guard stat(path + "-journal", &info) == 0, info.st_size > 0 else { return }
        guard access(path, W_OK) == 0 else {
            throw .corrupt(
                path: path,
                reason: "a build or update was interrupted and its journal needs write access to be rolled back; run `citecheck index info` on it once with write access")
        }
        try catching(path) {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeoutSeconds)
            let writable = try DatabaseQueue(path: path, configuration: configuration)
            try writable.read { db in _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            try writable.close()
        }
    }

    static func catching<T>(_ path: String, _ body: () throws -> T) throws(IndexError) -> T {
        do {
            return try body()
        } catch {
            throw IndexSchema.error(error, path: path)
        }
    }

    public var sourceDescription: String { "index \(path)" }

    // MARK: Lookups

    /// The exact keys first (identifiers, first author + year, journal + volume + first page); the title words
    /// only when those did not already give a match no other record could change (``MatchScorer/isSettled(_:_:)``).
    /// Every lookup reads a bounded number of B-tree entries, so its cost grows with the log of the index only.
    public func lookUp(_ reference: ParsedReference, scorer: MatchScorer) throws -> MatchResult {
        let keys = ReferenceLookupKeys(reference)
        return try Self.catching(path) {
            try queue.read { db in
                var found = Candidates()
                try exactCandidates(keys, into: &found, db)
                var candidates = try records(found.pmids, db)
                if keys.titleTokens.isEmpty { return scorer.decide(reference, candidates: candidates) }
                let decided = scorer.decide(reference, candidates: candidates)
                if scorer.isSettled(reference, decided) { return decided }
                let more = try titleCandidates(keys.titleTokens, limit: limits.titleCandidates, db).filter { found.take($0) }
                if more.isEmpty { return decided }
                candidates += try records(more, db)
                return scorer.decide(reference, candidates: candidates)
            }
        }
    }

    /// The records `reference` might cite, in the order of ``RecordIndex``'s lookups: identifiers, first author +
    /// year, journal + volume + first page, then up to `limit` title candidates. Each record once.
    public func candidates(for reference: ParsedReference, limit: Int? = nil) throws(IndexError) -> [PubMedRecord] {
        let keys = ReferenceLookupKeys(reference)
        return try Self.catching(path) {
            try queue.read { db in
                var found = Candidates()
                try exactCandidates(keys, into: &found, db)
                for pmid in try titleCandidates(keys.titleTokens, limit: limit ?? limits.titleCandidates, db) { found.take(pmid) }
                return try records(found.pmids, db)
            }
        }
    }

    /// PMIDs in the order found, each once.
    private struct Candidates {
        var pmids: [Int64] = []
        var seen = Set<Int64>()

        /// Adds `pmid`; false when it was there.
        @discardableResult
        mutating func take(_ pmid: Int64) -> Bool {
            guard seen.insert(pmid).inserted else { return false }
            pmids.append(pmid)
            return true
        }
    }

    /// The records named by the reference's identifiers, its (first author, year) keys and its (journal, volume,
    /// first page) keys, at most ``LookupLimits/recordsPerKey`` per key.
    private func exactCandidates(_ keys: ReferenceLookupKeys, into found: inout Candidates, _ db: Database) throws {
        if let pmid = keys.pmid.flatMap({ Int64($0) }),
            let held = try Int64.fetchOne(db.cachedStatement(sql: "SELECT pmid FROM records WHERE pmid = ?"), arguments: [pmid])
        {
            found.take(held)
        }
        let idStatement = try db.cachedStatement(sql: "SELECT pmid FROM record_ids WHERE key = ?")
        if let doi = keys.doi, let pmid = try Int64.fetchOne(idStatement, arguments: ["d" + doi]) { found.take(pmid) }
        if let pmcid = keys.pmcid, let pmid = try Int64.fetchOne(idStatement, arguments: ["c" + pmcid]) { found.take(pmid) }
        let authorStatement = try db.cachedStatement(sql: "SELECT pmid FROM author_years WHERE family = ? AND year = ? LIMIT \(limits.recordsPerKey)")
        for key in keys.authorYears {
            for pmid in try Int64.fetchAll(authorStatement, arguments: [key.family, key.year]) { found.take(pmid) }
        }
        guard !keys.journalPages.isEmpty else { return }
        let journalStatement = try db.cachedStatement(sql: "SELECT id FROM journal_keys WHERE key = ?")
        let withVolume = try db.cachedStatement(
            sql: "SELECT pmid FROM journal_pages WHERE journal = ? AND page = ? AND volume = ? LIMIT \(limits.recordsPerKey)")
        let withoutVolume = try db.cachedStatement(sql: "SELECT pmid FROM journal_pages WHERE journal = ? AND page = ? LIMIT \(limits.recordsPerKey)")
        var journalIDs: [String: Int64?] = [:]
        for key in keys.journalPages {
            if journalIDs[key.journal] == nil {
                journalIDs[key.journal] = .some(try Int64.fetchOne(journalStatement, arguments: [key.journal]))
            }
            guard let id = journalIDs[key.journal] ?? nil else { continue }
            let pmids =
                key.volume.isEmpty
                ? try Int64.fetchAll(withoutVolume, arguments: [id, key.page])
                : try Int64.fetchAll(withVolume, arguments: [id, key.page, key.volume])
            for pmid in pmids { found.take(pmid) }
        }
    }

    /// The records sharing the most rarity-weighted title tokens with `tokens`, best first (``TitleCandidateRanking``),
    /// read from the postings of the title's ``LookupLimits/titleTokens`` rarest tokens only, at most ``LookupLimits/postingsPerToken``
    /// of each. When a list is cut, the records holding all those tokens are read as well, with the full score.
    private func titleCandidates(_ tokens: [String], limit: Int, _ db: Database) throws -> [Int64] {
        guard !tokens.isEmpty, limit > 0 else { return [] }
        var distinct: [String] = []
        for token in tokens where !distinct.contains(token) { distinct.append(token) }
        let termStatement = try db.cachedStatement(sql: "SELECT records FROM title_terms WHERE term = ?")
        var lists: [(token: String, count: Int)] = []
        for token in distinct {
            if let count = try Int.fetchOne(termStatement, arguments: [token]), count > 0 { lists.append((token, count)) }
        }
        guard !lists.isEmpty else { return [] }
        // The rarest first; between equally rare tokens, the title's order.
        let used = lists.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }
            .prefix(limits.titleTokens).map(\.element)
        let postings = try db.cachedStatement(sql: "SELECT rowid FROM titles WHERE titles MATCH ? ORDER BY rowid DESC LIMIT \(limits.postingsPerToken)")
        var scores: [Int64: Float] = [:]
        var full: Float = 0
        for (token, count) in used {
            let weight = TitleCandidateRanking.weight(documentCount: count)
            full += weight
            let cursor = try Int64.fetchCursor(postings, arguments: [Self.ftsTerm(token)])
            while let pmid = try cursor.next() { scores[pmid, default: 0] += weight }
        }
        if used.count >= 2, used.contains(where: { $0.count > limits.postingsPerToken }) {
            let query = used.map { Self.ftsTerm($0.token) }.joined(separator: " AND ")
            let cursor = try Int64.fetchCursor(postings, arguments: [query])
            while let pmid = try cursor.next() { scores[pmid] = full }
        }
        let best = scores.values.max() ?? 0
        let floor = best * TitleCandidateRanking.floor
        return scores.filter { $0.value >= floor }
            .sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .prefix(limit).map(\.key)
    }

    /// A token as an FTS5 string (tokens are folded letters and digits; a quote would be doubled).
    static func ftsTerm(_ token: String) -> String {
        "\"" + token.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    private func recordCount(_ db: Database) throws -> Int {
        Int(try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'records'")) ?? "0") ?? 0
    }

    /// The stored records with these PMIDs, in this order (PMIDs not held are left out).
    private func records(_ pmids: [Int64], _ db: Database) throws -> [PubMedRecord] {
        let statement = try db.cachedStatement(
            sql: """
                SELECT r.title, r.details, j.title, j.iso, j.ta FROM records r LEFT JOIN journals j ON j.id = r.journal WHERE r.pmid = ?
                """)
        var result: [PubMedRecord] = []
        for pmid in pmids {
            guard let row = try Row.fetchOne(statement, arguments: [pmid]) else { continue }
            result.append(
                IndexedRecord.record(
                    pmid: pmid, title: row[0], journal: IndexedRecord.Journal(title: row[2], iso: row[3], medlineTA: row[4]), details: row[1]
                ))
        }
        return result
    }

    /// The record with this PMID.
    public func record(pmid: String) throws(IndexError) -> PubMedRecord? {
        guard let number = Int64(pmid.filter(\.isNumber)) else { return nil }
        return try Self.catching(path) { try queue.read { db in try records([number], db).first } }
    }

    // MARK: Information

    /// What `citecheck index info` prints.
    public struct Info: Sendable, Hashable {
        public var records: Int
        public var files: Int
        public var lastFile: String?
        public var lastApplied: String?
        /// `complete`, `building` (a build or update was interrupted: rerun it) or `empty`.
        public var state: String
        public var bytes: Int

        public var isComplete: Bool { state != "building" }
    }

    public func info() throws(IndexError) -> Info {
        try Self.catching(path) {
            try queue.read { db in
                let files = try Int.fetchOne(db, sql: "SELECT count(*) FROM files") ?? 0
                let last = try Row.fetchOne(db, sql: "SELECT name, applied FROM files ORDER BY seq DESC LIMIT 1")
                let state = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'state'") ?? "empty"
                let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
                let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
                return Info(
                    records: try recordCount(db), files: files, lastFile: last?[0], lastApplied: last?[1], state: state,
                    bytes: pages * pageSize
                )
            }
        }
    }

    /// The names of the files applied, in order, with their MD5.
    public func files() throws(IndexError) -> [(name: String, md5: String)] {
        try Self.catching(path) {
            try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT name, md5 FROM files ORDER BY seq").map { ($0[0], $0[1]) }
            }
        }
    }
}
