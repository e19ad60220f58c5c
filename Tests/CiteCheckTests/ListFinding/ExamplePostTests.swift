import Foundation
import Testing

@testable import CiteCheck

/// The example post, as written (Markdown) and laid out as the post the project was created from (plain text,
/// `References:`, entries indented four spaces, a closing remark): see `ExamplePost`.
@Suite struct ExamplePostTests {
    @Test func seedShapedPostGivesSixEntries() throws {
        let source = SourceFile(path: "seed-shaped.txt", text: try ExamplePost.seedShaped())
        let document = DocumentReader.read(source, format: .text)
        let list = try #require(ReferenceListFinder().find(in: document))
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let headingLine = try #require(lines.firstIndex(of: "References:")) + 1
        #expect(list.heading == "References:")
        #expect(list.headingRange?.start == SourcePosition(line: headingLine, column: 1))
        #expect(list.entries.count == 6)
        #expect(list.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(list.entries.map(\.label) == ["1.", "2.", "3.", "4.", "5.", "6."])
        for (k, entry) in list.entries.enumerated() {
            let line = headingLine + 2 + k
            let written = lines[line - 1]
            #expect(entry.range.start == SourcePosition(line: line, column: 5))
            #expect(entry.range.end == SourcePosition(line: line, column: written.count + 1))
            // The text is the line without its indentation and label.
            #expect(entry.text == String(written.dropFirst(7)))
            #expect(source.position(ofOffset: entry.sourceMap.sourceOffset(forDerived: 0)) == SourcePosition(line: line, column: 8))
        }
        // The closing remark is body text after the list, not an entry.
        #expect(list.endBlockIndex < document.blocks.count)
        #expect(document.blocks[list.endBlockIndex].text == ExamplePost.closingRemark)
        // No paragraph of the body reads as a reference.
        for block in document.blocks[..<(list.firstBlockIndex - 1)] {
            #expect(!ReferenceHeuristics.looksLikeReference(block.text.replacingNewlines), "\(block.range)")
        }
        // Everything before the heading is body text.
        #expect(document.blocks[list.firstBlockIndex - 1].text == "References:")
    }

    @Test func seedShapedPostReadAsMarkdownGivesTheSameEntries() throws {
        let source = SourceFile(path: "seed-shaped.md", text: try ExamplePost.seedShaped())
        let asText = try #require(ReferenceListFinder().find(in: DocumentReader.read(source, format: .text)))
        let asMarkdown = try #require(ReferenceListFinder().find(in: DocumentReader.read(source, format: .markdown)))
        #expect(asMarkdown.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(asMarkdown.entries.map(\.range) == asText.entries.map(\.range))
        #expect(asMarkdown.entries.map(\.text) == asText.entries.map(\.text))
    }

    @Test func examplePostGivesSixEntries() throws {
        let source = SourceFile(path: ExamplePost.path, text: try ExamplePost.markdown())
        let document = DocumentReader.read(source, format: .markdown)
        let list = try #require(ReferenceListFinder().find(in: document))
        let lines = source.text.split(separator: "\n", omittingEmptySubsequences: false)
        let headingLine = try #require(lines.firstIndex(of: "## References")) + 1
        #expect(list.heading == "References")
        #expect(list.headingRange?.start == SourcePosition(line: headingLine, column: 1))
        #expect(list.entries.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(list.entries.map(\.text) == (try ExamplePost.entries()))
        for (k, entry) in list.entries.enumerated() {
            let line = headingLine + 2 + k
            #expect(entry.range.start == SourcePosition(line: line, column: 1))
            #expect(entry.range.end == SourcePosition(line: line, column: lines[line - 1].count + 1))
        }
        #expect(list.endBlockIndex == document.blocks.count)
    }
}
