import CiteCheck
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Whole-file reads and atomic writes with POSIX calls (this module stays free of Foundation).
///
/// A write goes to a temporary file in the destination's folder, is flushed to disk, then renamed over the
/// destination: a reader sees the old file or the new one, never half of one, and a process killed mid-write
/// leaves only a temporary file (named `.<name>.tmp-<pid>-<random>`), which no reader ever opens and the next
/// run that writes to the folder removes once it is an hour old.
enum AtomicFile {
    /// What names a temporary file, after `.<name>`.
    static let temporaryMarker = ".tmp-"

    /// Temporary files older than this were abandoned by a killed writer (a live one renames within milliseconds).
    static let abandonedAfter = 3600

    /// Folders whose abandoned temporary files this process has already removed.
    private static let swept = Mutex<Set<String>>([])

    /// Why a file could not be written or read. One line each.
    struct Failure: Error, CustomStringConvertible, Sendable {
        var path: String
        var reason: String
        var description: String { "\(path): \(reason)" }
    }

    /// Writes `bytes` to `path` atomically, creating missing parent folders.
    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let (folder, name) = split(path)
        try makeDirectories(folder)
        let temporary = folder + "/." + name + temporaryMarker + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(path: path, reason: "cannot create a temporary file (\(errorText()))") }
        var written = 0
        var failed: String?
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let count = Glibc.write(fd, buffer.baseAddress! + written, buffer.count - written)
                if count < 0 {
                    if errno == EINTR { continue }
                    failed = errorText()
                    return
                }
                written += count
            }
        }
        if failed == nil, fsync(fd) != 0 { failed = errorText() }
        close(fd)
        if failed == nil, rename(temporary, path) != 0 { failed = errorText() }
        if let failed {
            unlink(temporary)
            throw Failure(path: path, reason: "cannot write (\(failed))")
        }
        if swept.withLock({ $0.insert(folder).inserted }) { removeAbandonedTemporaries(in: folder) }
    }

    /// Removes the temporary files in `folder` that writers killed mid-write left behind (older than
    /// `olderThan` seconds); other files, and temporaries a live writer may still rename, are left alone.
    static func removeAbandonedTemporaries(in folder: String, olderThan seconds: Int = abandonedAfter) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let now = time(nil)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix("."), name.contains(temporaryMarker) else { continue }
            let path = folder + "/" + name
            if let age = age(path, now: now), age > seconds { unlink(path) }
        }
    }

    /// The whole file, or nil when it does not exist, cannot be read, or is larger than `maxBytes`.
    static func read(_ path: String, maxBytes: Int) -> [UInt8]? {
        FileBytes.read(path, maxBytes: maxBytes)
    }

    /// Seconds since the file was last modified, nil when it does not exist.
    static func age(_ path: String, now: Int = time(nil)) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return now - info.st_mtim.tv_sec
    }

    /// Whether `path` names a folder.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its missing parents (like `mkdir -p`).
    static func makeDirectories(_ path: String) throws(Failure) {
        guard !path.isEmpty, !isDirectory(path) else { return }
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw Failure(path: path, reason: "cannot create the folder (\(errorText()))")
            }
            prefix += "/"
        }
        guard isDirectory(path) else { throw Failure(path: path, reason: "exists and is not a folder") }
    }

    /// Removes a file, ignoring a missing one.
    static func remove(_ path: String) {
        unlink(path)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
