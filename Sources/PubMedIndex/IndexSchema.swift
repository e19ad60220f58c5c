import GRDB

#if canImport(Glibc)
    import Glibc
#endif

/// The index file: one SQLite database, stamped with citecheck's application id and format version.
///
/// - `records`: one row per PMID (the rowid): title, journal id, packed details (``IndexedRecord``).
/// - `journals`: the distinct (title, ISO abbreviation, MedlineTA) triples.
/// - `record_ids`: DOI (`d…`) and PMCID (`c…`) keys → PMID.
/// - `author_years`: (first author's family key, year) → PMID, for the print and the electronic year.
/// - `journal_keys` + `journal_pages`: (journal key, first page, volume) → PMID, like ECitMatch; the key without
///   volume is the (journal, page) prefix.
/// - `titles`: a contentless FTS5 table over the folded, stemmed title tokens (the `ascii` tokenizer keeps each
///   token whole), rowid = PMID; `title_terms`: how many records hold each token.
/// - `files`: every MEDLINE file applied, in order, with its MD5; `meta`: format, record count, build state.
enum IndexSchema {
    /// `PRAGMA application_id`: "CCPM".
    static let applicationID: Int32 = 0x4343_504D
    /// `PRAGMA user_version`: the layout below.
    static let formatVersion: Int32 = 1

    static let statements = [
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE files(seq INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, md5 TEXT NOT NULL, bytes INTEGER NOT NULL,
            records INTEGER NOT NULL, deletions INTEGER NOT NULL, applied TEXT NOT NULL)
        """,
        "CREATE TABLE journals(id INTEGER PRIMARY KEY, title TEXT, iso TEXT, ta TEXT)",
        "CREATE TABLE records(pmid INTEGER PRIMARY KEY, journal INTEGER, title TEXT NOT NULL, details TEXT NOT NULL)",
        "CREATE TABLE record_ids(key TEXT PRIMARY KEY, pmid INTEGER NOT NULL) WITHOUT ROWID",
        "CREATE TABLE author_years(family TEXT NOT NULL, year INTEGER NOT NULL, pmid INTEGER NOT NULL, PRIMARY KEY(family, year, pmid)) WITHOUT ROWID",
        "CREATE TABLE journal_keys(key TEXT PRIMARY KEY, id INTEGER NOT NULL) WITHOUT ROWID",
        """
        CREATE TABLE journal_pages(journal INTEGER NOT NULL, page TEXT NOT NULL, volume TEXT NOT NULL, pmid INTEGER NOT NULL,
            PRIMARY KEY(journal, page, volume, pmid)) WITHOUT ROWID
        """,
        "CREATE VIRTUAL TABLE titles USING fts5(tokens, content='', detail=none, columnsize=0, tokenize='ascii')",
        "CREATE TABLE title_terms(term TEXT PRIMARY KEY, records INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT INTO meta(key, value) VALUES('records', '0'), ('state', 'empty')",
    ]

    /// Creates the tables in an empty database.
    static func create(_ db: Database) throws {
        for statement in statements { try db.execute(sql: statement) }
        try db.execute(sql: "PRAGMA application_id = \(applicationID)")
        try db.execute(sql: "PRAGMA user_version = \(formatVersion)")
    }

    /// Checks that `db` is an index of this format; throws ``IndexError/foreign(path:reason:)`` otherwise.
    static func validate(_ db: Database, path: String) throws {
        let application = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        guard application == applicationID else {
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
            throw IndexError.foreign(path: path, reason: tables == 0 ? "an empty SQLite database" : "an SQLite database of another application")
        }
        guard version == formatVersion else { throw IndexError.otherFormat(path: path, found: version, read: formatVersion) }
    }

    /// Reads the 100-byte SQLite header of `path` and checks that the file holds as many pages as it declares, so
    /// that a file that is not SQLite, or one cut short, is refused before any query.
    static func checkHeader(path: String) throws {
        guard let file = fopen(path, "rb") else {
            if errno == ENOENT { throw IndexError.missingIndex(path: path) }
            throw IndexError.unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        defer { fclose(file) }
        var header = [UInt8](repeating: 0, count: 100)
        let count = fread(&header, 1, 100, file)
        if count == 0 { throw IndexError.corrupt(path: path, reason: "the file is empty") }
        let magic = Array("SQLite format 3\0".utf8)
        guard count == 100, Array(header[0..<16]) == magic else {
            throw IndexError.corrupt(path: path, reason: "the file is not an SQLite database")
        }
        var pageSize = Int(header[16]) << 8 | Int(header[17])
        if pageSize == 1 { pageSize = 65536 }
        let pages = Int(header[28]) << 24 | Int(header[29]) << 16 | Int(header[30]) << 8 | Int(header[31])
        fseek(file, 0, SEEK_END)
        let size = ftell(file)
        guard pageSize >= 512 else { throw IndexError.corrupt(path: path, reason: "page size \(pageSize) in its header") }
        if pages > 0, size < pages * pageSize {
            throw IndexError.corrupt(path: path, reason: "cut short: \(size) bytes for \(pages) pages of \(pageSize) bytes")
        }
        guard size % pageSize == 0 else {
            throw IndexError.corrupt(path: path, reason: "its size is not a whole number of \(pageSize)-byte pages")
        }
    }

    /// An SQLite error on `path` as an ``IndexError``.
    static func error(_ error: any Error, path: String) -> IndexError {
        if let indexError = error as? IndexError { return indexError }
        if let database = error as? DatabaseError {
            switch database.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .corrupt(path: path, reason: database.message ?? "damaged")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return .busy(path: path)
            default:
                return .database(path: path, reason: database.message ?? "\(database)")
            }
        }
        return .database(path: path, reason: "\(error)")
    }
}
