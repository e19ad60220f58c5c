#if canImport(Glibc)
    import Glibc
#endif

/// Writes a fixed post over the original, atomically: the new bytes go to a temporary file in the post's own
/// folder, are flushed, take the original's permission bits, and are renamed over it. A reader sees the old
/// post or the new one, never half of one. A post that changed since it was read is left alone.
public enum FileRewriter {
    /// Why a post could not be rewritten. One line each; the CLI exits 2.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The file's bytes are no longer those that were checked (an editor saved it meanwhile).
        case changedSinceRead(path: String)
        case readOnly(path: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .changedSinceRead(let path): "\(path): changed since it was read; not fixed (run citecheck again)"
            case .readOnly(let path): "\(path): is read-only; not fixed"
            case .cannotWrite(let path, let reason): "\(path): cannot write the fixed file (\(reason)); left as it was"
            }
        }
    }

    /// Replaces the file at `path`, whose content must still be `expected`, with `bytes`.
    public static func replace(_ path: String, expected: [UInt8], with bytes: [UInt8]) throws(Failure) {
        // A symbolic link is followed: the file it names is rewritten and the link stays a link.
        let target = resolved(path)
        var info = stat()
        guard stat(target, &info) == 0 else { throw .cannotWrite(path: path, reason: errorText()) }
        // No write permission bit at all means read-only, also to a superuser whom `access` would let write.
        if info.st_mode & 0o222 == 0 { throw .readOnly(path: path) }
        guard access(target, W_OK) == 0 else {
            if errno == EACCES || errno == EROFS || errno == EPERM { throw .readOnly(path: path) }
            throw .cannotWrite(path: path, reason: errorText())
        }
        guard read(target) == expected else { throw .changedSinceRead(path: path) }
        let folder = folderOf(target)
        let name = String(target.split(separator: "/").last ?? Substring(target))
        let temporary = folder + "/." + name + ".citecheck-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EACCES || errno == EROFS || errno == EPERM { throw .readOnly(path: path) }
            throw .cannotWrite(path: path, reason: "cannot create a temporary file in \(folder): \(errorText())")
        }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var written = 0
            while written < buffer.count {
                let count = write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    return
                }
                written += count
            }
        }
        if failure == nil, fchmod(fd, info.st_mode & 0o7777) != 0 { failure = errorText() }
        if failure == nil, fsync(fd) != 0 { failure = errorText() }
        close(fd)
        // Checked once more just before the rename: the window in which an editor's save can be lost is the
        // rename itself.
        if failure == nil, read(target) != expected {
            unlink(temporary)
            throw .changedSinceRead(path: path)
        }
        if failure == nil, rename(temporary, target) != 0 { failure = errorText() }
        if let failure {
            unlink(temporary)
            throw .cannotWrite(path: path, reason: failure)
        }
    }

    /// The whole file, or nil when it cannot be read.
    static func read(_ path: String) -> [UInt8]? {
        FileBytes.read(path)
    }

    private static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    private static func folderOf(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
