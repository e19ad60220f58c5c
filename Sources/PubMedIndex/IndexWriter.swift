import CiteCheck
import GRDB
import PubMed

#if canImport(Glibc)
    import Glibc
#endif

/// The writing side of a build or update, on one connection inside `writeWithoutTransaction`: puts and deletes
/// records with all their lookup keys, one transaction per file.
struct IndexWriter {
    let db: Database
    /// Name → MD5 of the files already applied.
    let recordedFiles: [String: String]
    private var journals: [IndexedRecord.Journal: Int64] = [:]
    private var journalsByID: [Int64: IndexedRecord.Journal] = [:]
    private var journalKeys: [String: Int64] = [:]
    private var nextJournalKey: Int64
    /// Changes to `title_terms` and to the record count not yet written (flushed at each commit).
    private var termDeltas: [String: Int] = [:]
    private var recordDelta = 0
    /// The highest PMID stored: a record above it replaces nothing, so `put` need not look for one (MEDLINE files
    /// list their records by ascending PMID, so most records of a build or an update are above it).
    private var highestPMID: Int64

    private let selectRecord: Statement
    private let insertRecord: Statement
    private let deleteRecord: Statement
    private let insertID: Statement
    private let deleteID: Statement
    private let insertAuthorYear: Statement
    private let deleteAuthorYear: Statement
    private let insertJournalPage: Statement
    private let deleteJournalPage: Statement
    private let insertTitle: Statement
    private let deleteTitle: Statement

    init(_ db: Database) throws {
        self.db = db
        var files: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, md5 FROM files") { files[row[0]] = row[1] }
        recordedFiles = files
        for row in try Row.fetchAll(db, sql: "SELECT id, title, iso, ta FROM journals") {
            let journal = IndexedRecord.Journal(title: row[1], iso: row[2], medlineTA: row[3])
            journals[journal] = row[0]
            journalsByID[row[0]] = journal
        }
        for row in try Row.fetchAll(db, sql: "SELECT key, id FROM journal_keys") { journalKeys[row[0]] = row[1] }
        nextJournalKey = (journalKeys.values.max() ?? 0) + 1
        highestPMID = try Int64.fetchOne(db, sql: "SELECT max(pmid) FROM records") ?? 0
        selectRecord = try db.makeStatement(sql: "SELECT journal, title, details FROM records WHERE pmid = ?")
        insertRecord = try db.makeStatement(sql: "INSERT OR REPLACE INTO records(pmid, journal, title, details) VALUES(?, ?, ?, ?)")
        deleteRecord = try db.makeStatement(sql: "DELETE FROM records WHERE pmid = ?")
        insertID = try db.makeStatement(sql: "INSERT OR REPLACE INTO record_ids(key, pmid) VALUES(?, ?)")
        deleteID = try db.makeStatement(sql: "DELETE FROM record_ids WHERE key = ? AND pmid = ?")
        insertAuthorYear = try db.makeStatement(sql: "INSERT OR IGNORE INTO author_years(family, year, pmid) VALUES(?, ?, ?)")
        deleteAuthorYear = try db.makeStatement(sql: "DELETE FROM author_years WHERE family = ? AND year = ? AND pmid = ?")
        insertJournalPage = try db.makeStatement(sql: "INSERT OR IGNORE INTO journal_pages(journal, page, volume, pmid) VALUES(?, ?, ?, ?)")
        deleteJournalPage = try db.makeStatement(sql: "DELETE FROM journal_pages WHERE journal = ? AND page = ? AND volume = ? AND pmid = ?")
        insertTitle = try db.makeStatement(sql: "INSERT INTO titles(rowid, tokens) VALUES(?, ?)")
        deleteTitle = try db.makeStatement(sql: "INSERT INTO titles(titles, rowid, tokens) VALUES('delete', ?, ?)")
    }

    func recordCount() throws -> Int {
        Int(try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'records'") ?? "0") ?? 0
    }

    /// Sets the build state in a transaction of its own.
    func setState(_ state: String) throws {
        try db.inTransaction {
            try db.execute(sql: "UPDATE meta SET value = ? WHERE key = 'state'", arguments: [state])
            return .commit
        }
    }

    mutating func begin() throws {
        termDeltas.removeAll(keepingCapacity: true)
        recordDelta = 0
        try db.execute(sql: "BEGIN IMMEDIATE")
    }

    /// Records the file, writes the pending counts and commits.
    mutating func commit(file: MedlineIndexBuilder.FileJob, records: Int, deletions: Int) throws {
        let upsert = try db.makeStatement(
            sql: """
                INSERT INTO title_terms(term, records) VALUES(?, ?) ON CONFLICT(term) DO UPDATE SET records = records + excluded.records
                """)
        for (term, delta) in termDeltas where delta != 0 {
            try upsert.execute(arguments: [term, delta])
        }
        try db.execute(sql: "DELETE FROM title_terms WHERE records <= 0")
        try db.execute(
            sql: "UPDATE meta SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) WHERE key = 'records'", arguments: [recordDelta]
        )
        try db.execute(
            sql: "INSERT INTO files(name, md5, bytes, records, deletions, applied) VALUES(?, ?, ?, ?, ?, ?)",
            arguments: [file.name, file.md5, file.bytes, records, deletions, Self.now()]
        )
        try db.execute(sql: "COMMIT")
        termDeltas.removeAll(keepingCapacity: true)
        recordDelta = 0
    }

    /// Stores `record`, replacing the stored record with its PMID and all that one's keys.
    mutating func put(_ record: MedlineIndexBuilder.PreparedRecord) throws {
        if record.pmid > highestPMID {
            highestPMID = record.pmid
        } else if try removeKeys(of: record.pmid) {
            recordDelta -= 1
        }
        let journal = try journalID(record.journal)
        try insertRecord.execute(arguments: [record.pmid, journal, record.title, record.details])
        recordDelta += 1
        try addKeys(record.keys, tokens: record.tokens, pmid: record.pmid)
    }

    /// Removes the record with this PMID, if held.
    mutating func delete(_ pmid: Int64) throws {
        if try removeKeys(of: pmid) {
            try deleteRecord.execute(arguments: [pmid])
            recordDelta -= 1
        }
    }

    private mutating func addKeys(_ keys: RecordLookupKeys, tokens: String, pmid: Int64) throws {
        if let doi = keys.doi { try insertID.execute(arguments: ["d" + doi, pmid]) }
        if let pmcid = keys.pmcid { try insertID.execute(arguments: ["c" + pmcid, pmid]) }
        for key in keys.authorYears { try insertAuthorYear.execute(arguments: [key.family, key.year, pmid]) }
        for key in keys.journalPages where !key.volume.isEmpty || !keys.journalPages.contains(where: { $0.journal == key.journal && !$0.volume.isEmpty }) {
            // The key without volume is the (journal, page) prefix of the key with it: one row serves both.
            try insertJournalPage.execute(arguments: [try journalKeyID(key.journal), key.page, key.volume, pmid])
        }
        if !tokens.isEmpty {
            try insertTitle.execute(arguments: [pmid, tokens])
            for token in keys.titleTokens { termDeltas[token, default: 0] += 1 }
        }
    }

    /// Removes the keys of the stored record with this PMID; false when none is stored.
    private mutating func removeKeys(of pmid: Int64) throws -> Bool {
        guard let row = try Row.fetchOne(selectRecord, arguments: [pmid]) else { return false }
        let journalID: Int64? = row[0]
        let journal = journalID.flatMap { journalsByID[$0] } ?? IndexedRecord.Journal()
        let old = IndexedRecord.record(pmid: pmid, title: row[1], journal: journal, details: row[2])
        let keys = RecordLookupKeys(old)
        if let doi = keys.doi { try deleteID.execute(arguments: ["d" + doi, pmid]) }
        if let pmcid = keys.pmcid { try deleteID.execute(arguments: ["c" + pmcid, pmid]) }
        for key in keys.authorYears { try deleteAuthorYear.execute(arguments: [key.family, key.year, pmid]) }
        for key in keys.journalPages {
            guard let id = journalKeys[key.journal] else { continue }
            try deleteJournalPage.execute(arguments: [id, key.page, key.volume, pmid])
        }
        if !keys.titleTokens.isEmpty {
            try deleteTitle.execute(arguments: [pmid, keys.titleTokens.joined(separator: " ")])
            for token in keys.titleTokens { termDeltas[token, default: 0] -= 1 }
        }
        return true
    }

    private mutating func journalID(_ journal: IndexedRecord.Journal) throws -> Int64? {
        if journal.title == nil, journal.iso == nil, journal.medlineTA == nil { return nil }
        if let id = journals[journal] { return id }
        try db.execute(sql: "INSERT INTO journals(title, iso, ta) VALUES(?, ?, ?)", arguments: [journal.title, journal.iso, journal.medlineTA])
        let id = db.lastInsertedRowID
        journals[journal] = id
        journalsByID[id] = journal
        return id
    }

    private mutating func journalKeyID(_ key: String) throws -> Int64 {
        if let id = journalKeys[key] { return id }
        let id = nextJournalKey
        nextJournalKey += 1
        try db.execute(sql: "INSERT INTO journal_keys(key, id) VALUES(?, ?)", arguments: [key, id])
        journalKeys[key] = id
        return id
    }

    /// The current time, UTC, as `2026-12-04T20:30:00Z`.
    static func now() -> String {
        var seconds = time(nil)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
