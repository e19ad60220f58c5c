import Foundation
import Testing

@testable import CiteCheck

@Suite struct InputFilesLoadTests {
    /// A post over the size limit is refused with its size, before it is read; one at the limit is read.
    @Test func sizeLimit() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("post.md").path
        try Data(String(repeating: "a", count: 100).utf8).write(to: URL(fileURLWithPath: path))

        #expect(throws: InputError.tooLarge(path: path, size: 100, limit: 99)) {
            try InputFiles.load(path, maxFileSize: 99)
        }
        let source = try InputFiles.load(path, maxFileSize: 100)
        #expect(source.path == path)
        #expect(throws: InputError.unreadable(path: path + ".missing", reason: "no such file")) {
            try InputFiles.load(path + ".missing", maxFileSize: 100)
        }
    }
}
