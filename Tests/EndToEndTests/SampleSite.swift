import Foundation

/// A blog's repository made in a temporary folder for one test: posts copied from `examples/`, optionally a git
/// work tree, removed when the test ends.
struct SampleSite {
    let root: URL

    /// A fresh, empty site folder.
    static func make() throws -> SampleSite {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-site-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        return SampleSite(root: root)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The example post, which has two planted errors and one info finding.
    static var examplePost: String {
        get throws { try String(contentsOf: CLI.root.appendingPathComponent("examples/ketamine-anxiety.md"), encoding: .utf8) }
    }

    /// Writes `text` to `relativePath`, making its folders.
    @discardableResult
    func write(_ text: String, to relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(relativePath), encoding: .utf8)
    }

    /// Makes the site a git work tree (nothing committed: untracked files count as the site's files).
    func gitInit() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "init", "-q", root.path]
        try process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "git init failed")
    }

    /// citecheck run in the site's folder.
    func citecheck(_ arguments: [String], stdin: Data? = nil) throws -> CLI.Result {
        try CLI.run(arguments, stdin: stdin, in: root)
    }

    /// The paths of the files a JSON report covers.
    static func reportedFiles(_ json: String) throws -> [String] {
        guard let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let files = object["files"] as? [[String: Any]]
        else { return [] }
        return files.compactMap { $0["path"] as? String }
    }
}
