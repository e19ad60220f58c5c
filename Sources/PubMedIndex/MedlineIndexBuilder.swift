import CiteCheck
import Dispatch
import GRDB
import PubMed

#if canImport(Glibc)
    import Glibc
#endif

/// Builds and updates a MEDLINE index from baseline and update files (`.xml` or `.xml.gz`).
///
/// - Files are applied in the order of their names (NLM numbers them: `pubmed25n0001` … baseline, then the
///   updates), one SQLite transaction per file. A record replaces the stored record with its PMID (a newer
///   version, or an update file's revision); a `DeleteCitation` removes its records.
/// - Each file applied is recorded with its name and MD5 in the same transaction, so a rerun skips what is in,
///   and a killed run leaves the index as it was after its last whole file, marked `building` (incomplete)
///   until a run finishes.
/// - Three threads in a pipeline: one reads the XML (gzip, libxml2, one element tree per article), one maps each
///   tree to a record with its details and lookup keys, one writes them to SQLite.
public struct MedlineIndexBuilder: Sendable {
    /// What happened to one file.
    public struct FileResult: Sendable, Hashable {
        public var name: String
        public var records: Int
        public var deletions: Int
        /// Already in the index with the same MD5.
        public var skipped: Bool
        public var seconds: Double
    }

    public let path: String
    /// Records handed from the parsing thread to the writing thread at once.
    public var batchSize = 500

    public init(path: String) {
        self.path = path
    }

    /// A record with what the writer stores of it.
    struct PreparedRecord: Sendable {
        var pmid: Int64
        var title: String
        var journal: IndexedRecord.Journal
        var details: String
        var keys: RecordLookupKeys
        var tokens: String

        init?(_ record: PubMedRecord) {
            guard let pmid = Int64(record.pmid) else { return nil }
            self.pmid = pmid
            title = record.title
            journal = IndexedRecord.Journal(title: record.journalTitle, iso: record.isoAbbreviation, medlineTA: record.medlineTA)
            details = IndexedRecord.details(of: record)
            keys = RecordLookupKeys(record)
            tokens = keys.titleTokens.joined(separator: " ")
        }
    }

    struct FileJob: Sendable {
        var path: String
        var name: String
        var md5: String
        var bytes: Int
    }

    enum Message: Sendable {
        case begin(FileJob)
        case articles([MedlineArticle])
        case records([PreparedRecord])
        case deletions([Int64])
        case end(FileJob)
        case skipped(FileJob)
        case failed(IndexError)
        case finished
    }

    /// The `.xml` and `.xml.gz` files named (folders walked), in the order they are applied: by file name.
    public static func medlineFiles(_ paths: [String]) throws(IndexError) -> [String] {
        var files: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw .unreadableFile(path: path, reason: "no such file or folder") }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let found = InputFiles.files(under: path) { $0.hasSuffix(".xml") || $0.hasSuffix(".xml.gz") }
                if found.isEmpty { throw .unreadableFile(path: path, reason: "no .xml or .xml.gz file in this folder") }
                files += found
            } else {
                files.append(path)
            }
        }
        return files.sorted { baseName($0) < baseName($1) || (baseName($0) == baseName($1) && $0 < $1) }
    }

    static func baseName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// Applies `files` (in name order) to the index, creating it when `create` is true and it does not exist.
    /// `progress` hears about each file as it is committed or skipped.
    @discardableResult
    public func apply(
        _ files: [String], create: Bool, progress: (FileResult) -> Void = { _ in }
    ) throws(IndexError) -> [FileResult] {
        let exists = access(path, F_OK) == 0
        if !exists && !create { throw .missingIndex(path: path) }
        if exists { try MedlineIndex.catching(path) { try IndexSchema.checkHeader(path: path) } }
        let ordered = try Self.medlineFiles(files)

        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.label = "citecheck-index-writer"
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = DELETE")
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -262144")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
        }
        let queue = try MedlineIndex.catching(path) { try DatabaseQueue(path: path, configuration: configuration) }
        let lock = try WriterLock(path: path)
        defer { lock.release() }
        return try MedlineIndex.catching(path) {
            try queue.writeWithoutTransaction { db in
                if !exists {
                    try db.inTransaction {
                        try IndexSchema.create(db)
                        return .commit
                    }
                }
                try IndexSchema.validate(db, path: path)
                var writer = try IndexWriter(db)
                let recorded = writer.recordedFiles
                try writer.setState("building")
                let parsed = RecordChannel<Message>(capacity: 8)
                let prepared = RecordChannel<Message>(capacity: 8)
                let batchSize = batchSize
                DispatchQueue.global(qos: .userInitiated).async {
                    Self.produce(ordered, recorded: recorded, batchSize: batchSize, into: parsed)
                }
                DispatchQueue.global(qos: .userInitiated).async {
                    Self.prepare(from: parsed, into: prepared)
                }
                var results: [FileResult] = []
                do {
                    results = try consume(prepared, writer: &writer, progress: progress)
                } catch {
                    prepared.cancel()
                    if db.isInsideTransaction { try? db.execute(sql: "ROLLBACK") }
                    throw error
                }
                if !exists, results.contains(where: { !$0.skipped }) {
                    // A fresh index gets its title index merged into one segment (smaller, faster to read). Later
                    // updates leave merging to FTS5's automerge, which keeps it bounded without rewriting it all.
                    try db.execute(sql: "INSERT INTO titles(titles) VALUES('optimize')")
                }
                try writer.setState(try writer.recordCount() == 0 ? "empty" : "complete")
                return results
            }
        }
    }

    private func consume(
        _ channel: RecordChannel<Message>, writer: inout IndexWriter, progress: (FileResult) -> Void
    ) throws -> [FileResult] {
        var results: [FileResult] = []
        var current = FileResult(name: "", records: 0, deletions: 0, skipped: false, seconds: 0)
        var started = ContinuousClock.now
        while true {
            switch channel.receive() {
            case .begin(let job):
                started = .now
                current = FileResult(name: job.name, records: 0, deletions: 0, skipped: false, seconds: 0)
                try writer.begin()
            case .records(let batch):
                for record in batch { try writer.put(record) }
                current.records += batch.count
            case .articles(let batch):
                for article in batch {
                    guard let record = article.record().flatMap(PreparedRecord.init) else { continue }
                    try writer.put(record)
                    current.records += 1
                }
            case .deletions(let pmids):
                for pmid in pmids { try writer.delete(pmid) }
                current.deletions += pmids.count
            case .end(let job):
                try writer.commit(file: job, records: current.records, deletions: current.deletions)
                current.seconds = Self.seconds(ContinuousClock.now - started)
                results.append(current)
                progress(current)
            case .skipped(let job):
                let result = FileResult(name: job.name, records: 0, deletions: 0, skipped: true, seconds: 0)
                results.append(result)
                progress(result)
            case .failed(let error):
                throw error
            case .finished:
                return results
            }
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// The preparing thread, between the parsing and the writing one: maps each article's element tree to a
    /// record with its details and lookup keys, and passes every other message on. Stops when the writer cancels
    /// (and cancels the parser) or after `finished` or a failure.
    private static func prepare(from parsed: RecordChannel<Message>, into prepared: RecordChannel<Message>) {
        while true {
            let message = parsed.receive()
            let forwarded: Message
            if case .articles(let batch) = message {
                forwarded = .records(batch.compactMap { $0.record().flatMap(PreparedRecord.init) })
            } else {
                forwarded = message
            }
            guard prepared.send(forwarded) else {
                parsed.cancel()
                return
            }
            switch message {
            case .finished, .failed: return
            default: continue
            }
        }
    }

    /// The parsing thread: checksums each file, skips those recorded, streams the others' records in batches.
    private static func produce(_ files: [String], recorded: [String: String], batchSize: Int, into channel: RecordChannel<Message>) {
        for path in files {
            if channel.isCancelled { return }
            let name = baseName(path)
            let md5: String
            do {
                md5 = try MD5.hexDigest(ofFile: path)
            } catch {
                channel.send(.failed(error))
                return
            }
            var size = stat()
            let bytes = stat(path, &size) == 0 ? Int(size.st_size) : 0
            let job = FileJob(path: path, name: name, md5: md5, bytes: bytes)
            if let known = recorded[name] {
                if known == md5 {
                    channel.send(.skipped(job))
                    continue
                }
                channel.send(.failed(.checksumChanged(name: name, recorded: known, found: md5)))
                return
            }
            guard channel.send(.begin(job)) else { return }
            var batch: [MedlineArticle] = []
            batch.reserveCapacity(batchSize)
            struct Cancelled: Error {}
            do {
                try PubMedArticleSetParser.forEachEntry(
                    fromFile: path,
                    article: { article in
                        batch.append(article)
                        if batch.count >= batchSize {
                            guard channel.send(.articles(batch)) else { throw Cancelled() }
                            batch.removeAll(keepingCapacity: true)
                        }
                    },
                    deletion: { pmids in
                        if !batch.isEmpty {
                            guard channel.send(.articles(batch)) else { throw Cancelled() }
                            batch.removeAll(keepingCapacity: true)
                        }
                        guard channel.send(.deletions(pmids.compactMap { Int64($0) })) else { throw Cancelled() }
                    })
            } catch is Cancelled {
                return
            } catch let error as PubMedXMLError {
                switch error {
                case .unreadableFile(_, let reason): channel.send(.failed(.unreadableFile(path: path, reason: reason)))
                default: channel.send(.failed(.malformedFile(path: path, reason: "\(error)")))
                }
                return
            } catch {
                channel.send(.failed(.malformedFile(path: path, reason: "\(error)")))
                return
            }
            if !batch.isEmpty { guard channel.send(.articles(batch)) else { return } }
            guard channel.send(.end(job)) else { return }
        }
        channel.send(.finished)
    }
}

/// An exclusive advisory lock (`flock`) on the index file for the length of a build or update, so that two
/// writers never interleave their files; readers are not affected.
struct WriterLock {
    private let descriptor: Int32

    init(path: String) throws(IndexError) {
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            throw .busy(path: path)
        }
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
