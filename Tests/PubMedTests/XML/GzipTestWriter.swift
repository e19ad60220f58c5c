import CLibXML2

/// Writes a gzip file from generated chunks, for tests (zlib through the CLibXML2 shim).
enum GzipTestWriter {
    struct WriteError: Error {}

    static func write(path: String, level: String = "wb1", _ produce: ((([UInt8]) -> Void)) throws -> Void) throws {
        guard let file = gzopen(path, level) else { throw WriteError() }
        var failed = false
        try produce { bytes in
            let written = bytes.withUnsafeBytes { gzwrite(file, $0.baseAddress, UInt32($0.count)) }
            if written != Int32(bytes.count) { failed = true }
        }
        if gzclose(file) != Z_OK || failed { throw WriteError() }
    }
}
