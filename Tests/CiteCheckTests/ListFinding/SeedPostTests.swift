import Foundation
import Testing
@testable import CiteCheck

/// The post the project was created from; read only when the shared data is present.
@Suite struct SeedPostTests {
    static let path = "/work/shared/seed/000_d90224a046dd4b7f.txt"

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SeedPostTests.path)))
    func seedPostGivesSixEntries() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.path))
        let source = try SourceFile(path: "seed.txt", bytes: Array(data))
        let document = DocumentReader.read(source, format: .text)
        let list = try #require(ReferenceListFinder().find(in: document))
        #expect(list.heading == "References:")
        #expect(list.headingRange?.start == SourcePosition(line: 41, column: 1))
        #expect(list.entries.count == 6)
        #expect(list.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(list.entries.map(\.label) == ["1.", "2.", "3.", "4.", "5.", "6."])
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let ends = [205, 207, 208, 248, 202, 157]
        for (k, entry) in list.entries.enumerated() {
            let line = 43 + k
            #expect(entry.range.start == SourcePosition(line: line, column: 5))
            #expect(entry.range.end == SourcePosition(line: line, column: ends[k]))
            // The text is the line without its indentation and label.
            let written = String(lines[line - 1].dropFirst(7))
            #expect(entry.text == written)
            #expect(source.position(ofOffset: entry.sourceMap.sourceOffset(forDerived: 0)) == SourcePosition(line: line, column: 8))
        }
        // The closing promotion is body text after the list, not an entry.
        #expect(list.endBlockIndex < document.blocks.count)
        #expect(document.blocks[list.endBlockIndex].text.hasPrefix("If you are interested"))
        // No paragraph of the body reads as a reference.
        for block in document.blocks[..<(list.firstBlockIndex - 1)] {
            #expect(!ReferenceHeuristics.looksLikeReference(block.text.replacingNewlines), "\(block.range)")
        }
        // Everything before the heading is body text.
        #expect(document.blocks[list.firstBlockIndex - 1].text == "References:")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: SeedPostTests.path)))
    func seedPostReadAsMarkdownGivesTheSameEntries() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: Self.path))
        let source = try SourceFile(path: "seed.md", bytes: Array(data))
        let asText = try #require(ReferenceListFinder().find(in: DocumentReader.read(source, format: .text)))
        let asMarkdown = try #require(ReferenceListFinder().find(in: DocumentReader.read(source, format: .markdown)))
        #expect(asMarkdown.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(asMarkdown.entries.map(\.range) == asText.entries.map(\.range))
        #expect(asMarkdown.entries.map(\.text) == asText.entries.map(\.text))
    }
}
