import Glibc

/// Finds the PubMed XML files named by `--fixtures` arguments.
enum FixtureFiles {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): no such fixture file or folder" }
    }

    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else { throw Missing(path: path) }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                files += walk(path).sorted()
            } else {
                files.append(path)
            }
        }
        return files
    }

    private static func walk(_ directory: String) -> [String] {
        var found: [String] = []
        var pending = [directory]
        while let folder = pending.popLast() {
            guard let handle = opendir(folder) else { continue }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafePointer(to: entry.pointee.d_name) {
                    $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
                }
                if name.hasPrefix(".") { continue }
                let path = folder + "/" + name
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else if name.hasSuffix(".xml") || name.hasSuffix(".xml.gz") {
                    found.append(path)
                }
            }
        }
        return found
    }
}
