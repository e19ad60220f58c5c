import CiteCheck
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
                files += InputFiles.files(under: path) { $0.hasSuffix(".xml") || $0.hasSuffix(".xml.gz") }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
