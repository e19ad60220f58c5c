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

    /// A link whose start tag the end of the file cuts off: its DOI is shown after the text, and every offset of the
    /// item still maps inside the file (a fuzzer found the end mapped one byte past it).
    @Test func aLinkCutOffByTheEndOfTheFileMapsInsideIt() {
        let (doc, source) = read("<ol><li>Cohn L. Asthma. Chest. 2002;121:1051-7. <a href=\"https://doi.org/10.1378/chest.121.3")
        let length = source.text.utf8.count
        #expect(doc.blocks.contains { $0.text.contains("(https://doi.org/10.1378/chest.121.3)") })
        for block in doc.blocks {
            let derived = block.text.utf8.count
            for offset in [0, derived / 2, derived] {
                #expect((0...length).contains(block.sourceMap.sourceOffset(forDerived: offset)), "\(block.text)")
            }
        }
    }

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
        let (doc, _) = read(
            """
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

    @Test func orderedListStartAndValueWithPositions() {
        let (doc, source) = read(
            "<h2>Sources</h2>\n<ol start=\"7\">\n  <li>Smith J. Seven. 2020.\n  <li value=\"12\">Doe K. Twelve. 2021.</li>\n  <li>Roe P. Thirteen.</li>\n</ol>")
        #expect(
            doc.blocks.map(\.kind) == [
                .heading(level: 2), .listItem(marker: nil, ordinal: 7), .listItem(marker: nil, ordinal: 12), .listItem(marker: nil, ordinal: 13),
            ])
        #expect(doc.blocks.map(\.renderedNumber) == [nil, 7, 12, 13])
        #expect(doc.blocks.map(\.range.start) == [pos(1, 5), pos(3, 7), pos(4, 18), pos(5, 7)])
        #expect(position(of: "Seven", in: doc.blocks[1], source) == pos(3, 16))
        #expect(position(of: "Twelve", in: doc.blocks[2], source) == pos(4, 25))
    }

    @Test func theDocumentsOwnCharsetIsIgnored() {
        // The bytes are UTF-8 (the input layer checked them); a stale <meta charset> must not turn them into Latin-1.
        let (doc, source) = read("<html><head><meta charset=\"iso-8859-1\"><title>T</title></head>\n<body><p>Müller É, Ørsted Å. Über.</p></body></html>")
        #expect(doc.blocks.map(\.text) == ["Müller É, Ørsted Å. Über."])
        #expect(position(of: "É", in: doc.blocks[0], source) == pos(2, 17))
        #expect(position(of: "Über", in: doc.blocks[0], source) == pos(2, 30))
    }

    @Test func numericReferencesToC1ControlsReadAsWindows1252() {
        let (doc, source) = read("<p>Pages 10&#150;12 &#147;quoted&#148; &#x2014; end</p>")
        #expect(doc.blocks[0].text == "Pages 10–12 “quoted” — end")
        #expect(position(of: "–", in: doc.blocks[0], source) == pos(1, 12))
        #expect(position(of: "12", in: doc.blocks[0], source) == pos(1, 18))
        #expect(position(of: "quoted", in: doc.blocks[0], source) == pos(1, 27))
        #expect(position(of: "end", in: doc.blocks[0], source) == pos(1, 49))
    }

    @Test func commentsAreDirectivesOnTheirLine() {
        let (doc, source) = read("<p>One</p>\n<!--\ncitecheck-disable ref-missing-doi\n-->\n<p>Two <!-- citecheck-enable --> three</p>\n<p>Open <!-- never closed\n")
        #expect(
            doc.directives == [
                SuppressionDirective(action: .disable, rules: ["ref-missing-doi"], line: 2),
                SuppressionDirective(action: .enable, rules: [], line: 5, start: SourcePosition(line: 5, column: 8)),
            ])
        #expect(doc.blocks.map(\.text).prefix(2) == ["One", "Two three"])
        #expect(position(of: "three", in: doc.blocks[1], source) == pos(5, 34))
    }

    @Test func crlfLinesAndBibliographicLinkTargets() {
        let (doc, source) = read("<p>Smith J. Title.\r\n  <a href=\"https://doi.org/10.1000/xyz\" title=\"A &amp; B\">Full text</a>.</p>")
        let block = doc.blocks[0]
        #expect(block.text == "Smith J. Title. Full text (https://doi.org/10.1000/xyz).")
        #expect(block.links == [TextLink(textRange: 16..<25, url: "https://doi.org/10.1000/xyz", title: "A & B")])
        #expect(position(of: "Full", in: block, source) == pos(2, 59))
        #expect(position(of: "https", in: block, source) == pos(2, 12))
        #expect(position(of: "xyz", in: block, source) == pos(2, 36))
    }

    @Test func impliedAndStrayTags() {
        let (doc, source) = read("Loose text first.\n<p>Para</div></span> tail<li>Orphan item</li>\n<table><tr><td>Cell one<td>Cell two</table>")
        #expect(doc.blocks.map(\.text) == ["Loose text first.", "Para tail", "Orphan item", "Cell one", "Cell two"])
        #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph, .listItem(marker: nil, ordinal: nil), .paragraph, .paragraph])
        #expect(position(of: "tail", in: doc.blocks[1], source) == pos(2, 22))
        #expect(doc.blocks[2].range.start == pos(2, 30))
        #expect(doc.blocks[4].range.start == pos(3, 28))
    }

    @Test func hostileMarkupReadsCleanly() {
        // A 2 MB attribute, control characters libxml2 drops, 10,000 unclosed inline tags, a never-closed script.
        let huge = String(repeating: "x", count: 2_000_000)
        let (doc, source) = read("<p title=\"\(huge)\">Big \u{01}attr\u{08} here</p>" + String(repeating: "<b><i>", count: 10_000) + "<p>After\n<script>never closed <p>not text")
        #expect(doc.blocks.map(\.text) == ["Big attr here", "After"])
        #expect(position(of: "here", in: doc.blocks[0], source) == pos(1, 2_000_024))
        #expect(position(of: "After", in: doc.blocks[1], source) == pos(1, 2_060_035))
    }
}
