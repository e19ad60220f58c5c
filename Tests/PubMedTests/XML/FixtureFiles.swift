import Foundation

/// Paths of test fixtures and of the shared data set (which tests use only when it is present).
enum FixtureFiles {
    /// The repository root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ relative: String) -> URL {
        root.appendingPathComponent(relative)
    }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    static let sharedPubMed = URL(fileURLWithPath: "/work/shared/data/pubmed")

    static var sharedDataPresent: Bool {
        FileManager.default.fileExists(atPath: sharedPubMed.path)
    }

    /// Files directly inside a shared data folder, sorted; empty when the data is absent.
    static func sharedFiles(_ folder: String) -> [URL] {
        let directory = sharedPubMed.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.sorted().map { directory.appendingPathComponent($0) }
    }
}
