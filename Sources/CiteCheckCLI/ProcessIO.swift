#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's environment and standard streams, read and written through the C library so the
/// executable does not link Foundation (whose start-up cost an editor pays on every save).
enum ProcessIO {
    /// The environment variables, as `NAME=value` pairs split at the first `=`.
    static var environment: [String: String] {
        var result: [String: String] = [:]
        let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = environ
        guard var entry = table else { return result }
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "=") {
                result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return result
    }

    /// Ends the process with `status`.
    static func terminate(_ status: Int32) -> Never {
        exit(status)
    }

    /// Writes all of `text` to the file descriptor (1 standard output, 2 standard error), retrying
    /// short writes and interruptions; a closed pipe ends the write quietly.
    static func writeAll(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { writeAll($0, to: descriptor) }
    }

    /// Writes all of `buffer` to the file descriptor.
    static func writeAll(_ buffer: UnsafeBufferPointer<UInt8>, to descriptor: Int32) {
        guard var base = buffer.baseAddress else { return }
        var left = buffer.count
        while left > 0 {
            let written = write(descriptor, base, left)
            if written <= 0 {
                if errno == EINTR { continue }
                return
            }
            base += written
            left -= written
        }
    }
}
