import CLibXML2

/// The byte source behind one `XMLStreamReader` and the state libxml2's callbacks report into: bytes read
/// (against the size limit) and errors. libxml2 reaches it through an unretained pointer; the reader keeps it
/// alive.
final class XMLReaderInput {
    struct ParseError {
        var code: Int
        var line: Int
        var message: String
        var isFatal: Bool
    }

    private enum Source {
        case memory([UInt8])
        case gzip(gzFile)
    }

    private var source: Source
    /// Bytes already taken from a gzip source for sniffing, served before the rest.
    private var pending: [UInt8] = []
    private var pendingOffset = 0
    private var memoryOffset = 0
    let maxBytes: Int
    private(set) var bytesRead = 0
    private(set) var exceededSize = false
    private(set) var reachedEnd = false
    private(set) var readFailure: String?
    private(set) var errors: [ParseError] = []

    init(bytes: [UInt8], maxBytes: Int) {
        source = .memory(bytes)
        self.maxBytes = maxBytes
    }

    /// Opens a file, plain or gzip-compressed (zlib reads both), and reads its first bytes for sniffing.
    init(path: String, maxBytes: Int) throws {
        guard let file = gzopen(path, "rb") else {
            throw PubMedXMLError.unreadableFile(path: path, reason: "cannot open the file")
        }
        gzbuffer(file, 256 * 1024)
        source = .gzip(file)
        self.maxBytes = maxBytes
        var head = [UInt8](repeating: 0, count: ContentSniffer.prefixLength)
        let count = head.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32($0.count)) }
        if count < 0 {
            throw PubMedXMLError.unreadableFile(path: path, reason: gzipErrorMessage(file))
        }
        pending = Array(head.prefix(Int(count)))
    }

    deinit {
        if case .gzip(let file) = source {
            gzclose(file)
        }
    }

    /// The first bytes of the input, for `ContentSniffer`.
    var prefix: ArraySlice<UInt8> {
        switch source {
        case .memory(let bytes): return bytes.prefix(ContentSniffer.prefixLength)
        case .gzip: return pending[...]
        }
    }

    /// Fills `buffer` with up to `capacity` bytes; 0 at the end, -1 on an error or when the size limit is passed.
    func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int32 {
        guard capacity > 0, !exceededSize, readFailure == nil else { return exceededSize || readFailure != nil ? -1 : 0 }
        var count = 0
        if pendingOffset < pending.count {
            count = min(capacity, pending.count - pendingOffset)
            pending.withUnsafeBytes { raw in
                guard let base = raw.baseAddress else { return }
                UnsafeMutableRawPointer(buffer).copyMemory(from: base + pendingOffset, byteCount: count)
            }
            pendingOffset += count
        } else {
            switch source {
            case .memory(let bytes):
                count = min(capacity, bytes.count - memoryOffset)
                if count > 0 {
                    bytes.withUnsafeBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        UnsafeMutableRawPointer(buffer).copyMemory(from: base + memoryOffset, byteCount: count)
                    }
                    memoryOffset += count
                }
            case .gzip(let file):
                let got = gzread(file, buffer, UInt32(capacity))
                if got < 0 {
                    readFailure = gzipErrorMessage(file)
                    return -1
                }
                count = Int(got)
            }
        }
        if count == 0 {
            reachedEnd = true
            return 0
        }
        bytesRead += count
        if bytesRead > maxBytes {
            exceededSize = true
            return -1
        }
        return Int32(count)
    }

    func record(_ error: ParseError) {
        // Keep the first few: a broken document can report thousands.
        if errors.count < 20 {
            errors.append(error)
        }
    }

    private func gzipErrorMessage(_ file: gzFile) -> String {
        var code: Int32 = 0
        if let message = gzerror(file, &code), code != Z_OK {
            let text = String(cString: message)
            return code == Z_ERRNO ? "read error" : (text.isEmpty ? "gzip error \(code)" : text)
        }
        return "read error"
    }
}
