/// Why an index could not be opened, built or updated. Every case names the file concerned; the CLI prints
/// `citecheck: <description>` and exits with status 2.
public enum IndexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The index file does not exist (`check --index`, `index update`, `index info`).
    case missingIndex(path: String)
    /// The file is not an SQLite database, or its pages are damaged.
    case corrupt(path: String, reason: String)
    /// An SQLite database, but not one citecheck built (another application's, or an older format).
    case foreign(path: String, reason: String)
    /// A citecheck index of another format version: built by an older citecheck (rebuild it) or a newer one.
    case otherFormat(path: String, found: Int32, read: Int32)
    /// A MEDLINE file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A MEDLINE file is not well-formed PubMed XML.
    case malformedFile(path: String, reason: String)
    /// A file of this name was indexed before with other content.
    case checksumChanged(name: String, recorded: String, found: String)
    /// Another `index build` or `index update` holds the index.
    case busy(path: String)
    /// SQLite refused an operation.
    case database(path: String, reason: String)
    /// A download failed (HTTP status, transfer error, checksum mismatch).
    case download(url: String, reason: String)

    public var description: String {
        switch self {
        case .missingIndex(let path): "\(path): no such index (build one with `citecheck index build \(path) FILES…`)"
        case .corrupt(let path, let reason): "\(path): not a usable SQLite database (\(reason))"
        case .foreign(let path, let reason): "\(path): not a citecheck PubMed index (\(reason))"
        case .otherFormat(let path, let found, let read) where found < read:
            "\(path): built by an older citecheck (index format \(found), this citecheck reads format \(read)); rebuild it"
        case .otherFormat(let path, let found, let read):
            "\(path): built by a newer citecheck (index format \(found), this citecheck reads format \(read)); use that citecheck or rebuild it"
        case .unreadableFile(let path, let reason): "\(path): cannot read (\(reason))"
        case .malformedFile(let path, let reason): "\(path): \(reason)"
        case .checksumChanged(let name, let recorded, let found):
            "\(name) was indexed with MD5 \(recorded) but the file given now has MD5 \(found); give it another name or rebuild the index"
        case .busy(let path): "\(path): another `citecheck index build` or `update` is running on this index"
        case .database(let path, let reason): "\(path): \(reason)"
        case .download(let url, let reason): "\(url): \(reason)"
        }
    }
}
