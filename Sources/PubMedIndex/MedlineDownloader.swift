import CiteCheck
import PubMed

#if canImport(Glibc)
    import Glibc
#endif

/// Fetches NLM's MEDLINE files (`baseline/` or `updatefiles/` under ``defaultBaseURL``) over HTTP: the folder's
/// listing, then each `.xml.gz` in ranges of ``chunkBytes`` appended to `NAME.part`, so an interrupted download
/// resumes where it stopped; the whole file must match the `.md5` NLM publishes beside it before it is renamed
/// to `NAME`. Files already there with a matching checksum are skipped.
public struct MedlineDownloader: Sendable {
    public static let defaultBaseURL = "https://ftp.ncbi.nlm.nih.gov/pubmed"

    public enum FileSet: String, Sendable {
        case baseline
        case updates

        var folder: String { self == .baseline ? "baseline" : "updatefiles" }
    }

    public struct FileResult: Sendable, Hashable {
        public var name: String
        public var bytes: Int
        /// Already downloaded and verified.
        public var skipped: Bool
        /// Bytes that were already in `NAME.part` when this run started.
        public var resumedFrom: Int
    }

    public let transport: any HTTPTransport
    public let baseURL: String
    public var chunkBytes = 16 << 20

    public init(transport: any HTTPTransport, baseURL: String = MedlineDownloader.defaultBaseURL) {
        self.transport = transport
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    /// The `.xml.gz` file names the folder's listing links to, in name order.
    public func listing(_ set: FileSet) throws(IndexError) -> [String] {
        let url = "\(baseURL)/\(set.folder)/"
        let page = try get(url).text
        var names = Set<String>()
        for piece in page.split(separator: "\"").map(String.init) + page.split(whereSeparator: { $0 == ">" || $0 == "<" }).map(String.init) {
            let name = piece.split(separator: "/").last.map(String.init) ?? piece
            if name.hasPrefix("pubmed"), name.hasSuffix(".xml.gz"), name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" || $0 == "-" }) {
                names.insert(name)
            }
        }
        return names.sorted()
    }

    /// Downloads the set's files (the first `limit` of the listing when given) into `directory`.
    public func download(
        _ set: FileSet, into directory: String, limit: Int? = nil, progress: (FileResult) -> Void = { _ in }
    ) throws(IndexError) -> [FileResult] {
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw .unreadableFile(path: directory, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
        }
        var names = try listing(set)
        if let limit { names = Array(names.prefix(max(0, limit))) }
        var results: [FileResult] = []
        for name in names {
            let result = try downloadFile(name, from: "\(baseURL)/\(set.folder)/\(name)", into: directory)
            results.append(result)
            progress(result)
        }
        return results
    }

    /// Downloads one file and its checksum; resumes from `NAME.part`.
    public func downloadFile(_ name: String, from url: String, into directory: String) throws(IndexError) -> FileResult {
        let target = directory + "/" + name
        let partial = target + ".part"
        let expected = try Self.parseMD5(try get(url + ".md5").text, url: url + ".md5")
        if access(target, F_OK) == 0, let found = try? MD5.hexDigest(ofFile: target), found == expected {
            return FileResult(name: name, bytes: Self.size(of: target), skipped: true, resumedFrom: 0)
        }
        let resumedFrom = Self.size(of: partial)
        var offset = resumedFrom
        while true {
            let response = try send(.get(url, headers: [HTTPHeader(name: "Range", value: "bytes=\(offset)-\(offset + chunkBytes - 1)")]), url: url)
            switch response.status {
            case 206:
                try Self.write(response.body, to: partial, append: true)
                offset += response.body.count
                let total = response.header("Content-Range").flatMap { $0.split(separator: "/").last }.flatMap { Int($0) }
                if response.body.isEmpty || (total.map { offset >= $0 } ?? true) { break }
                continue
            case 200:
                // The server ignored the range: this is the whole file.
                try Self.write(response.body, to: partial, append: false)
                offset = response.body.count
            case 416:
                // Nothing after `offset`: the partial file is already whole.
                break
            default:
                throw .download(url: URLRedaction.redacted(url), reason: "HTTP status \(response.status)")
            }
            break
        }
        let found = try MD5.hexDigest(ofFile: partial)
        guard found == expected else {
            unlink(partial)
            throw .download(url: URLRedaction.redacted(url), reason: "checksum mismatch: MD5 \(found), NLM's .md5 says \(expected); the partial file was removed, run again")
        }
        guard rename(partial, target) == 0 else {
            throw .unreadableFile(path: target, reason: String(cString: strerror(errno)))
        }
        try Self.write(Array("MD5(\(name))= \(expected)\n".utf8), to: target + ".md5", append: false)
        return FileResult(name: name, bytes: Self.size(of: target), skipped: false, resumedFrom: resumedFrom)
    }

    /// The 32 hexadecimal digits of an `.md5` file (`MD5(pubmed25n0001.xml.gz)= 0123…`, or `0123…  name`).
    static func parseMD5(_ text: String, url: String) throws(IndexError) -> String {
        for word in text.split(whereSeparator: { $0 == " " || $0 == "=" || $0 == "\n" || $0 == "\t" || $0 == "\r" }) {
            if word.count == 32, word.allSatisfy(\.isHexDigit) { return word.lowercased() }
        }
        throw .download(url: URLRedaction.redacted(url), reason: "no MD5 checksum in the answer")
    }

    private func get(_ url: String) throws(IndexError) -> HTTPResponse {
        let response = try send(.get(url), url: url)
        guard response.status == 200 else { throw .download(url: URLRedaction.redacted(url), reason: "HTTP status \(response.status)") }
        return response
    }

    private func send(_ request: HTTPRequest, url: String) throws(IndexError) -> HTTPResponse {
        do {
            return try transport.send(request)
        } catch {
            throw .download(url: URLRedaction.redacted(url), reason: "\(error)")
        }
    }

    static func size(of path: String) -> Int {
        var info = stat()
        return stat(path, &info) == 0 ? Int(info.st_size) : 0
    }

    static func write(_ bytes: [UInt8], to path: String, append: Bool) throws(IndexError) {
        guard let file = fopen(path, append ? "ab" : "wb") else {
            throw .unreadableFile(path: path, reason: String(cString: strerror(errno)))
        }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        guard written == bytes.count, closed == 0 else { throw .unreadableFile(path: path, reason: "write failed") }
    }
}
