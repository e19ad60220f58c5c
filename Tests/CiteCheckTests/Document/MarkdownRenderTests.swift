import Testing

@testable import CiteCheck

/// The Markdown reader reads posts as cmark-gfm renders them; every check names block kinds and exact positions.
@Suite struct MarkdownRenderTests {
    private func read(_ text: String) -> (Document, SourceFile) {
        let source = SourceFile(path: "t.md", text: text)
        return (DocumentReader.read(source, format: .markdown), source)
    }

    /// The file position of the first occurrence of `word` in a block's text.
    private func position(of word: String, in block: TextBlock, _ source: SourceFile) -> SourcePosition? {
        let bytes = Array(block.text.utf8)
        let needle = Array(word.utf8)
        guard bytes.count >= needle.count,
            let offset = (0...(bytes.count - needle.count)).first(where: { bytes[$0..<($0 + needle.count)].elementsEqual(needle) })
        else { return nil }
        return source.position(ofOffset: block.sourceMap.sourceOffset(forDerived: offset))
    }

    private func pos(_ line: Int, _ column: Int) -> SourcePosition { SourcePosition(line: line, column: column) }

    /// cmark turns a NUL byte into U+FFFD (three bytes for one): the text after it must still line up with the file
    /// (a fuzzer found paragraphs whose tail mapped past the end of the file).
    @Test func nulBytesKeepTheTextAlignedWithTheFile() {
        let (doc, source) = read("Gut bacteria\n\nThe clinic\u{0}\u{0} and how to join the waiting list.\n\nLast words here.\n")
        let length = source.text.utf8.count
        for block in doc.blocks {
            let derived = block.text.utf8.count
            for offset in [0, derived / 2, derived] {
                #expect((0...length).contains(block.sourceMap.sourceOffset(forDerived: offset)), "\(block.text)")
            }
        }
        #expect(position(of: "waiting", in: doc.blocks[1], source) == pos(3, 34))
        #expect(position(of: "Last", in: doc.blocks[2], source) == pos(5, 1))
    }

    @Test func footnoteDefinitionsMidPostAndOnTheNextLine() {
        let (doc, source) = read(
            """
            Intro cites[^a] and[^long].

            [^a]: Smith J. First. 2020.

            Middle paragraph.

            [^long]:
                Doe K. Second, on the next line. 2021.
            [^unused]: Roe P. Never cited. 2019.

            """)
        #expect(
            doc.blocks.map(\.kind) == [
                .paragraph, .footnoteDefinition(name: "a"), .paragraph, .footnoteDefinition(name: "long"),
                .footnoteDefinition(name: "unused"),
            ])
        #expect(doc.blocks[1].text == "Smith J. First. 2020.")
        #expect(doc.blocks[1].range.start == pos(3, 1))
        #expect(position(of: "Smith", in: doc.blocks[1], source) == pos(3, 7))
        #expect(doc.blocks[3].text == "Doe K. Second, on the next line. 2021.")
        #expect(doc.blocks[3].range.start == pos(7, 1))
        #expect(position(of: "Doe", in: doc.blocks[3], source) == pos(8, 5))
        #expect(position(of: "Roe", in: doc.blocks[4], source) == pos(9, 12))
        let marks = doc.blocks[0].superscripts.map { String(decoding: Array(doc.blocks[0].text.utf8)[$0], as: UTF8.self) }
        #expect(marks == ["a", "long"])
        #expect(doc.blocks[0].text == "Intro citesa andlong.")
    }

    @Test func linkReferenceDefinitionWithACitationInItsTitle() {
        let (doc, source) = read(
            """
            See [the trial][feder] for details.

            [feder]: https://doi.org/10.1001/jamapsychiatry.2014.62 "Feder A, et al. JAMA Psychiatry. 2014;71(6):681-8."
              [other]: <https://example.com/x>
              'Title on the next line'

            """)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .linkReferenceDefinition(label: "feder"), .linkReferenceDefinition(label: "other")])
        let definition = doc.blocks[1]
        #expect(definition.text == "Feder A, et al. JAMA Psychiatry. 2014;71(6):681-8.")
        #expect(definition.links.map(\.url) == ["https://doi.org/10.1001/jamapsychiatry.2014.62"])
        #expect(definition.range.start == pos(3, 58))
        #expect(position(of: "Feder", in: definition, source) == pos(3, 58))
        #expect(position(of: "681", in: definition, source) == pos(3, 102))
        #expect(doc.blocks[2].text == "Title on the next line")
        #expect(position(of: "Title", in: doc.blocks[2], source) == pos(5, 4))
        #expect(doc.blocks[2].links.first?.url == "https://example.com/x")
        // The reference link resolves: a DOI target is shown after the link text.
        #expect(doc.blocks[0].text == "See the trial (https://doi.org/10.1001/jamapsychiatry.2014.62) for details.")
        #expect(doc.blocks[0].links.first?.textRange == 4..<13)
    }

    @Test func definitionsOpeningAParagraph() {
        let (doc, source) = read(
            """
            [a]: https://doi.org/10.1/a "Smith J. First. 2020."
            [b]: https://example.org/b
              "Doe K. Second. 2021."
            Text after [the definitions][a].
            [c]: not a definition, inside the paragraph

            """)
        #expect(doc.blocks.map(\.kind) == [.linkReferenceDefinition(label: "a"), .linkReferenceDefinition(label: "b"), .paragraph])
        #expect(doc.blocks[1].text == "Doe K. Second. 2021.")
        #expect(position(of: "Doe", in: doc.blocks[1], source) == pos(3, 4))
        #expect(doc.blocks[2].text == "Text after the definitions (https://doi.org/10.1/a).\n[c]: not a definition, inside the paragraph")
        #expect(position(of: "Text", in: doc.blocks[2], source) == pos(4, 1))
        #expect(position(of: "definitions", in: doc.blocks[2], source) == pos(4, 17))
        #expect(position(of: "[c]", in: doc.blocks[2], source) == pos(5, 1))
    }

    @Test func blockQuotesAreQuoted() {
        let (doc, source) = read(
            """
            Before.

            > Quoted claim [1]
            > over two lines.
            >
            > - quoted item

            After.
            """)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .paragraph, .listItem(marker: "-", ordinal: nil), .paragraph])
        #expect(doc.blocks.map(\.isQuoted) == [false, true, true, false])
        #expect(doc.blocks[1].text == "Quoted claim [1]\nover two lines.")
        #expect(position(of: "over", in: doc.blocks[1], source) == pos(4, 3))
        #expect(doc.blocks[2].range.start == pos(6, 3))
    }

    @Test func lazyContinuationLines() {
        let (doc, source) = read(
            """
            > quoted start
            lazy line

            1. Item start
            lazy item line
            """)
        #expect(doc.blocks.map(\.text) == ["quoted start\nlazy line", "Item start\nlazy item line"])
        #expect(doc.blocks[0].isQuoted)
        #expect(position(of: "lazy", in: doc.blocks[0], source) == pos(2, 1))
        #expect(position(of: "lazy", in: doc.blocks[1], source) == pos(5, 1))
        #expect(doc.blocks[1].range == SourceRange(start: pos(4, 1), end: pos(5, 15)))
    }

    @Test func setextHeadings() {
        let (doc, _) = read("Title\n=====\n\nSub *title*\n---\n\nText\n")
        #expect(doc.blocks.map(\.kind) == [.heading(level: 1), .heading(level: 2), .paragraph])
        #expect(doc.blocks.map(\.text) == ["Title", "Sub title", "Text"])
        #expect(doc.blocks[1].range == SourceRange(start: pos(4, 1), end: pos(4, 11)))
        let (atx, source) = read("Intro\n\n  ## #1 in `refs` ##\n")
        #expect(atx.blocks[1].kind == .heading(level: 2))
        #expect(atx.blocks[1].text == "#1 in refs")
        #expect(atx.blocks[1].range.start == pos(3, 3))
        #expect(position(of: "#1", in: atx.blocks[1], source) == pos(3, 6))
        #expect(position(of: "refs", in: atx.blocks[1], source) == pos(3, 13))
    }

    @Test func codeSpansAndFencedCodeAreNeverText() {
        let (doc, source) = read(
            """
            Use `x &amp; [1]` here and ``a `b` c``.

            ```text
            Smith J. Fake. 2020;1:1-2.
            ```
            """)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .code])
        #expect(doc.blocks[0].text == "Use x &amp; [1] here and a `b` c.")
        #expect(position(of: "amp", in: doc.blocks[0], source) == pos(1, 9))
        #expect(position(of: "a `b", in: doc.blocks[0], source) == pos(1, 30))
        #expect(doc.blocks[1].text == "Smith J. Fake. 2020;1:1-2.")
        #expect(doc.blocks[1].range.start == pos(4, 1))
    }

    @Test func orderedListsRenderTheirNumbers() {
        let (doc, _) = read("1. One\n1. Two\n1. Three\n\n7) Seven\n7) Eight\n\n- bullet\n")
        #expect(
            doc.blocks.map(\.kind) == [
                .listItem(marker: "1.", ordinal: 1), .listItem(marker: "1.", ordinal: 1), .listItem(marker: "1.", ordinal: 1),
                .listItem(marker: "7)", ordinal: 7), .listItem(marker: "7)", ordinal: 7), .listItem(marker: "-", ordinal: nil),
            ])
        #expect(doc.blocks.map(\.renderedNumber) == [1, 2, 3, 7, 8, nil])
        #expect(doc.blocks[1].range.start == pos(2, 1))
    }

    @Test func hardLineBreaks() {
        let (doc, source) = read("Two spaces  \nbackslash\\\nend\r\nsoft\n")
        #expect(doc.blocks.map(\.text) == ["Two spaces\nbackslash\nend\nsoft"])
        #expect(position(of: "backslash", in: doc.blocks[0], source) == pos(2, 1))
        #expect(position(of: "end", in: doc.blocks[0], source) == pos(3, 1))
        #expect(position(of: "soft", in: doc.blocks[0], source) == pos(4, 1))
    }

    @Test func htmlBlocksInsideMarkdown() {
        let (doc, source) = read(
            """
            Text before.

            <div class="box">
            <p>Smith J. Boxed. 2020.</p>
            </div>

            <!-- citecheck-disable-next-line ref-missing-doi -->
            Text <span>after</span> &amp; more<sup>2</sup>.
            """)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .code, .paragraph])
        #expect(doc.blocks[1].range.start == pos(3, 1))
        #expect(doc.directives == [SuppressionDirective(action: .disableNextLine, rules: ["ref-missing-doi"], line: 7)])
        #expect(doc.blocks[2].text == "Text after & more2.")
        #expect(position(of: "after", in: doc.blocks[2], source) == pos(8, 12))
        #expect(position(of: "more", in: doc.blocks[2], source) == pos(8, 31))
        #expect(doc.blocks[2].superscripts.count == 1)
    }

    @Test func escapesEntitiesEmphasisAndLinksMapExactly() {
        let (doc, source) = read("A \\*b\\* &eacute;t&#233; **bold** [link *x*](https://e.org \"T\") ![img](i.png) z\n")
        let block = doc.blocks[0]
        #expect(block.text == "A *b* été bold link x  z")
        #expect(position(of: "*b", in: block, source) == pos(1, 3))
        #expect(position(of: "bold", in: block, source) == pos(1, 27))
        #expect(position(of: "link", in: block, source) == pos(1, 35))
        #expect(position(of: "x", in: block, source) == pos(1, 41))
        #expect(position(of: "z", in: block, source) == pos(1, 78))
        #expect(block.links == [TextLink(textRange: 17..<23, url: "https://e.org", title: "T")])
    }

    @Test func frontMatterAndTemplateTagsAreBlanked() {
        let (doc, source) = read(
            """
            ---
            title: "Smith J. Not a reference. 2020."
            ---
            Body {% include note.html %} text {{< cite "x" >}} end.

            {% citation author="Smith J" title="T" %}
            """)
        #expect(doc.blocks.count == 1)
        #expect(doc.blocks[0].kind == .paragraph)
        #expect(position(of: "Body", in: doc.blocks[0], source) == pos(4, 1))
        #expect(position(of: "end", in: doc.blocks[0], source) == pos(4, 52))
        #expect(!doc.blocks[0].text.contains("include"))
    }

    @Test func nestedListsTablesAndStrikethrough() {
        let (doc, source) = read(
            """
            1. Outer one
               - inner bullet
            2. Outer ~~two~~ two

            | Ref | Year |
            |-----|------|
            | Smith J | 2020 |

            """)
        #expect(
            doc.blocks.map(\.kind) == [
                .listItem(marker: "1.", ordinal: 1), .listItem(marker: "-", ordinal: nil), .listItem(marker: "2.", ordinal: 2),
                .paragraph, .paragraph,
            ])
        #expect(doc.blocks.map(\.text) == ["Outer one", "inner bullet", "Outer two two", "Ref Year", "Smith J 2020"])
        #expect(doc.blocks.map(\.renderedNumber) == [1, nil, 2, nil, nil])
        #expect(doc.blocks[1].range.start == pos(2, 4))
        #expect(doc.blocks[1].indent == 3)
        #expect(position(of: "2020", in: doc.blocks[4], source) == pos(7, 13))
    }

    @Test func deepQuotesAndListsStayLinearAndIterative() {
        let quotes = String(repeating: ">", count: 100_000) + " deep [1]\n"
        let (doc, _) = read(quotes)
        #expect(doc.blocks.last?.text == "deep [1]")
        #expect(doc.blocks.last?.isQuoted == true)
    }
}

@Suite struct MarkdownPreprocessorTests {
    @Test func keepsOffsetsAndLineBreaks() {
        let text = Array("+++\r\ntitle = 1\r\n+++\r\nA {%- x -%} b {{% y %}} c\n".utf8)
        let blanked = MarkdownPreprocessor.blank(text)
        #expect(blanked.count == text.count)
        #expect(String(decoding: blanked, as: UTF8.self) == "   \r\n         \r\n   \r\nA           b           c\n")
    }
}
