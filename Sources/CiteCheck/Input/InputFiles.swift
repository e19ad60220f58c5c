internal import Foundation

/// Turns the paths a user names into posts to check, and reads them.
public enum InputFiles {
    /// The extensions a folder walk picks up.
    public static let postExtensions: Set<String> = ["txt", "text", "md", "markdown", "mdown", "mkd", "mdx", "html", "htm", "xhtml"]

    /// Expands folders into the posts below them (sorted, hidden entries skipped); files and `-` pass through.
    /// A path that does not exist is kept, so reading it reports the error for that file alone.
    public static func expand(_ paths: [String]) -> [String] {
        var result: [String] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard path != "-", manager.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                result.append(path)
                continue
            }
            result += files(under: path) { postExtensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }
        }
        return result
    }

    /// The files below `directory` (hidden entries skipped) whose path passes `include`, sorted, each spelled as
    /// `directory` followed by its relative path.
    public static func files(under directory: String, where include: (String) -> Bool) -> [String] {
        let base = URL(fileURLWithPath: directory)
        guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else {
            return []
        }
        var found: [String] = []
        for case let url as URL in walker where include(url.path) {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let relative = url.path.hasPrefix(base.path) ? String(url.path.dropFirst(base.path.count)) : "/" + url.lastPathComponent
            found.append(directory.hasSuffix("/") ? directory + relative.dropFirst() : directory + relative)
        }
        return found.sorted()
    }

    /// Reads and decodes one post (`-` reads standard input), named `name` (default: its path) in findings.
    public static func load(_ path: String, name: String? = nil, maxFileSize: Int = InputLimits.default.maxFileSize) throws(InputError) -> SourceFile {
        let name = name ?? path
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file")
            }
            if isDirectory.boolValue { throw .unreadable(path: path, reason: "is a folder with no posts") }
            // lstat, as `attributesOfItem` did, without its owner and group lookups (/etc/passwd, /etc/group).
            var status = stat()
            if lstat(path, &status) == 0, Int(status.st_size) > maxFileSize {
                throw .tooLarge(path: path, size: Int(status.st_size), limit: maxFileSize)
            }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw .unreadable(path: path, reason: "permission denied or I/O error")
            }
        }
        if data.count > maxFileSize { throw .tooLarge(path: name, size: data.count, limit: maxFileSize) }
        return try SourceFile(path: name, bytes: data)
    }

    /// The format a path's extension names.
    public static func format(of path: String) -> InputFormat {
        InputFormat(pathExtension: URL(fileURLWithPath: path).pathExtension)
    }
}
