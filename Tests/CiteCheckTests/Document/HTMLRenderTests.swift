import Testing
@testable import CiteCheck

/// HTML posts: block kinds, rendered numbers, quotes, links and exact positions.
@Suite struct HTMLRenderTests {
    private func read(_ text: String) -> (Document, SourceFile) {
        let source = SourceFile(path: "t.html", text: text)
        return (DocumentReader.read(source, format: .html), source)
    }

    private func position(of word: String, in block: TextBlock, _ source: SourceFile) -> SourcePosition? {
        let bytes = Array(block.text.utf8)
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count,
              let offset = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        return source.position(ofOffset: block.sourceMap.sourceOffset(forDerived: offset))
    }

    private func pos(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    @Test func unclosedTags() {
        let (doc, source) = read("<p>First <b>bold\n<p>Second <i>it\n<li>Loose item\n")
        #expect(doc.blocks.map(\.text) == ["First bold", "Second it", "Loose item"])
        #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph, .listItem(marker: nil, ordinal: nil)])
        #expect(position(of: "bold", in: doc.blocks[0], source) == pos(1, 13))
        #expect(position(of: "it", in: doc.blocks[1], source) == pos(2, 14))
        #expect(doc.blocks[2].range.start == pos(3, 5))
    }

    @Test func entitiesMapToTheirReferences() {
        let (doc, source) = read("<p>Caf&eacute; &amp; co &#8211; Smith&nbsp;J. &unknown; x</p>")
        let block = doc.blocks[0]
        #expect(block.text == "Café & co – Smith\u{00A0}J. &unknown; x")
        #expect(position(of: "é", in: block, source) == pos(1, 7))
        #expect(position(of: "& co", in: block, source) == pos(1, 16))
        #expect(position(of: "–", in: block, source) == pos(1, 25))
        #expect(position(of: "J.", in: block, source) == pos(1, 44))
        #expect(position(of: "&unknown", in: block, source) == pos(1, 47))
    }

    @Test func superscriptLinksToNotes() {
        let (doc, source) = read("<p>Shown<sup><a href=\"#f1\" title=\"Note\">1</a></sup> here.</p>\n<ol><li id=\"f1\">Smith J. Note. 2020.</li></ol>")
        let block = doc.blocks[0]
        #expect(block.text == "Shown1 here.")
        #expect(block.superscripts == [5..<6])
        #expect(block.links == [TextLink(textRange: 5..<6, url: "#f1", title: "Note")])
        #expect(position(of: "1", in: block, source) == pos(1, 41))
        #expect(doc.blocks[1].kind == .listItem(marker: nil, ordinal: 1))
        #expect(doc.blocks[1].renderedNumber == 1)
        #expect(doc.blocks[1].range.start == pos(2, 17))
    }

    @Test func nestedListsNumberEachList() {
        let (doc, _) = read("""
        <ol start="4">
          <li>Outer four
            <ol><li>Inner one</li><li>Inner two</li></ol>
          </li>
          <li value="9">Outer nine</li>
          <li>Outer ten</li>
        </ol>
        <ul><li>Bullet</li></ul>
        """)
        #expect(doc.blocks.map(\.text) == ["Outer four", "Inner one", "Inner two", "Outer nine", "Outer ten", "Bullet"])
        #expect(doc.blocks.map(\.renderedNumber) == [4, 1, 2, 9, 10, nil])
        #expect(doc.blocks[1].range.start == pos(3, 13))
        #expect(doc.blocks[4].range.start == pos(6, 7))
    }

    @Test func breakSeparatedEntries() {
        let (doc, source) = read("<h2>References</h2>\n<p>1. Smith J. One. 2020.<br>\n2. Doe K. Two. 2021.<br/>3. Roe P. Three. 2019.</p>")
        #expect(doc.blocks.map(\.kind) == [.heading(level: 2), .paragraph])
        #expect(doc.blocks[1].text == "1. Smith J. One. 2020.\n2. Doe K. Two. 2021.\n3. Roe P. Three. 2019.")
        #expect(position(of: "2. Doe", in: doc.blocks[1], source) == pos(3, 1))
        #expect(position(of: "3. Roe", in: doc.blocks[1], source) == pos(3, 26))
        let list = ReferenceListFinder().find(in: doc)
        #expect(list?.entries.map(\.number) == [1, 2, 3])
        #expect(list?.entries.map(\.range.start) == [pos(2, 4), pos(3, 1), pos(3, 26)])
    }

    @Test func blockQuotesAreQuoted() {
        let (doc, _) = read("<p>Ours.</p><blockquote><p>Theirs [1].</p><p>More of theirs.</p></blockquote><p>Ours again.</p>")
        #expect(doc.blocks.map(\.text) == ["Ours.", "Theirs [1].", "More of theirs.", "Ours again."])
        #expect(doc.blocks.map(\.isQuoted) == [false, true, true, false])
    }
}
