import Foundation

@testable import CiteCheck

/// Reads fixture posts from `fixtures/posts/` in the repository.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func source(_ name: String) throws -> SourceFile {
        let url = root.appendingPathComponent("fixtures/posts").appendingPathComponent(name)
        let data = try Data(contentsOf: url)
        return try SourceFile(path: name, bytes: Array(data))
    }

    static func document(_ name: String) throws -> Document {
        let source = try source(name)
        let format = InputFormat(pathExtension: (name as NSString).pathExtension)
        return DocumentReader.read(source, format: format)
    }
}
