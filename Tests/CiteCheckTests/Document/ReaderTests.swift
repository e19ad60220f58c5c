import Testing

@testable import CiteCheck

private func read(_ text: String, _ format: InputFormat) -> Document {
    DocumentReader.read(SourceFile(path: "t", text: text), format: format)
}

@Suite struct PlainTextReaderTests {
    @Test func paragraphsAndLabelledLines() {
        let doc = read("Title\n\nOne two\nthree.\n\nReferences:\n1) A\n  wrapped\n[2] B\n(3) C\n- D\n* E\n• F\nnot a label 2020.\n", .text)
        #expect(doc.blocks.map(\.text) == ["Title", "One two\nthree.", "References:", "A\nwrapped", "B", "C", "D", "E", "F\nnot a label 2020."])
        #expect(doc.blocks[3].kind == .listItem(marker: "1)", ordinal: 1))
        #expect(doc.blocks[4].kind == .listItem(marker: "[2]", ordinal: 2))
        #expect(doc.blocks[5].kind == .listItem(marker: "(3)", ordinal: 3))
        #expect(doc.blocks[8].kind == .listItem(marker: "•", ordinal: nil))
    }

    @Test func dedentEndsAnItem() {
        let doc = read("    1. Entry text\n    2. Second\nClosing line at the margin.\n", .text)
        #expect(doc.blocks.map(\.text) == ["Entry text", "Second", "Closing line at the margin."])
        #expect(doc.blocks[2].kind == .paragraph)
    }

    @Test func numbersThatAreNotLabels() {
        let doc = read("2020. A year-first line\n1.5 mg daily\n", .text)
        #expect(doc.blocks.count == 1)
        #expect(doc.blocks[0].kind == .paragraph)
    }

    @Test func directivesOnTheirOwnLine() {
        let doc = read(
            "Text\ncitecheck-disable-next-line cite-year-mismatch, ref-bad-pages\nMore\n  citecheck-disable\ncitecheck-enable ref-bad-pages\ncitecheck-disable is not a sentence here\n",
            .text)
        #expect(
            doc.directives == [
                SuppressionDirective(action: .disableNextLine, rules: ["cite-year-mismatch", "ref-bad-pages"], line: 2),
                SuppressionDirective(action: .disable, rules: [], line: 4, start: SourcePosition(line: 4, column: 3)),
                SuppressionDirective(action: .enable, rules: ["ref-bad-pages"], line: 5),
            ])
        #expect(doc.blocks.map(\.text) == ["Text", "More", "citecheck-disable is not a sentence here"])
    }
}

@Suite struct MarkdownReaderTests {
    @Test func headingsParagraphsAndLists() {
        let md = """
            # Title #

            Setext one
            ==========

            Setext two
            ---

            A *para* with **strong**, _under_ and snake_case and `co*de*` and 2 * 3.
            lazy line

            1. First item
            continued lazily
            2) Second
               indented continuation

               after a blank, still the item
            - Bullet

            ***
            > Quoted text

            """
        let doc = read(md, .markdown)
        #expect(
            doc.blocks.map(\.text) == [
                "Title", "Setext one", "Setext two",
                "A para with strong, under and snake_case and co*de* and 2 * 3.\nlazy line",
                "First item\ncontinued lazily", "Second\nindented continuation\nafter a blank, still the item", "Bullet",
                "Quoted text",
            ])
        #expect(doc.blocks[0].kind == .heading(level: 1))
        #expect(doc.blocks[1].kind == .heading(level: 1))
        #expect(doc.blocks[2].kind == .heading(level: 2))
        #expect(doc.blocks[4].kind == .listItem(marker: "1.", ordinal: 1))
        #expect(doc.blocks[5].kind == .listItem(marker: "2)", ordinal: 2))
        #expect(doc.blocks[6].kind == .listItem(marker: "-", ordinal: nil))
        #expect(doc.blocks[1].range.start == SourcePosition(line: 3, column: 1))
    }

    @Test func codeBlocksAreCode() {
        let md = "Intro\n\n```swift\nlet x = \"[1]\"\n```\n\n    indented code\n    more\n\n~~~\ntilde\n~~~\n"
        let doc = read(md, .markdown)
        #expect(doc.blocks.map(\.kind) == [.paragraph, .code, .code, .code])
        #expect(doc.blocks[1].text == "let x = \"[1]\"")
        #expect(doc.blocks[2].text == "indented code\nmore")
    }

    @Test func linksImagesEntitiesAndEscapes() {
        let md = """
            See [the trial](https://example.com/trial) and ![chart](chart.png) \\*not emphasis\\* &ndash; [ref][1].
            Feder A. Title. JAMA. 2014;71:681. [https://doi.org/10.1001/x](https://doi.org/10.1001/x) [link](https://doi.org/10.1/a_(b))
            <https://example.org/auto> <span class="x">inline</span> <!-- citecheck-disable-next-line ref-bad-pages -->

            [1]: https://example.com/ref
            """
        let doc = read(md, .markdown)
        #expect(doc.blocks.count == 1)
        #expect(
            doc.blocks[0].text == """
                See the trial and  *not emphasis* – ref.
                Feder A. Title. JAMA. 2014;71:681. https://doi.org/10.1001/x link (https://doi.org/10.1/a_(b))
                https://example.org/auto inline
                """)
        #expect(doc.directives == [SuppressionDirective(action: .disableNextLine, rules: ["ref-bad-pages"], line: 3, start: SourcePosition(line: 3, column: 58))])
    }

    @Test func superscriptsAreRecorded() {
        let doc = read("Ketamine helps^1,2^ and more<sup>3</sup> and notes[^note].\n\n[^note]: A note.\n", .markdown)
        let block = doc.blocks[0]
        let bytes = Array(block.text.utf8)
        let marked = block.superscripts.map { String(decoding: bytes[$0], as: UTF8.self) }
        #expect(marked == ["1,2", "3", "note"])
        #expect(doc.blocks[1].kind == .footnoteDefinition(name: "note"))
        #expect(doc.blocks[1].text == "A note.")
    }

    @Test func multiLineCommentIsNotProse() {
        let doc = read("Before\n\n<!--\ncitecheck-disable ref-missing-doi\n-->\nAfter\n", .markdown)
        #expect(doc.blocks.map(\.text) == ["Before", "After"])
        #expect(doc.directives == [SuppressionDirective(action: .disable, rules: ["ref-missing-doi"], line: 3)])
    }
}

@Suite struct HTMLReaderTests {
    @Test func blocksListsAndOrdinals() {
        let html = """
            <h2 class="x">Refs</h2><p>Para <strong>bold</strong>
            text</p><ol start="3"><li>Three</li><li value="9">Nine<li>Ten</ol><ul><li>Bullet</li></ul>
            <ol><li>Outer<ol><li>Inner</li></ol></li><li>Two</li></ol>
            """
        let doc = read(html, .html)
        #expect(doc.blocks.map(\.text) == ["Refs", "Para bold text", "Three", "Nine", "Ten", "Bullet", "Outer", "Inner", "Two"])
        #expect(
            doc.blocks.map(\.kind) == [
                .heading(level: 2), .paragraph,
                .listItem(marker: nil, ordinal: 3), .listItem(marker: nil, ordinal: 9), .listItem(marker: nil, ordinal: 10),
                .listItem(marker: nil, ordinal: nil),
                .listItem(marker: nil, ordinal: 1), .listItem(marker: nil, ordinal: 1), .listItem(marker: nil, ordinal: 2),
            ])
    }

    @Test func entitiesScriptsCommentsAndMalformedMarkup() {
        let html =
            "<p>a &lt; b &amp;&amp; c &gt; d &quot;q&quot; &apos;s&apos; &hellip; &#8211; &#x2013; &eacute; &bogus; & x < y 3<4</p><script>if (a < b) { x = '<p>' }</script><style>p{}</style><!-- citecheck-enable --><p>next<br/>line</p><p>unclosed <b>bold"
        let doc = read(html, .html)
        #expect(doc.blocks.map(\.text) == ["a < b && c > d \"q\" 's' … – – é &bogus; & x < y 3<4", "next\nline", "unclosed bold"])
        #expect(doc.directives == [SuppressionDirective(action: .enable, rules: [], line: 1, start: SourcePosition(line: 1, column: 178))])
    }

    @Test func superscriptsInHTML() {
        let doc = read("<p>Shown<sup>1,2</sup> and <sup><a href=\"#r3\">3</a></sup>.</p>", .html)
        let bytes = Array(doc.blocks[0].text.utf8)
        #expect(doc.blocks[0].superscripts.map { String(decoding: bytes[$0], as: UTF8.self) } == ["1,2", "3"])
    }

    @Test func paragraphsInsideListItemsStayOneItem() {
        let doc = read("<ol><li><p>First part</p><p>second part</p></li></ol>", .html)
        #expect(doc.blocks.map(\.text) == ["First part\nsecond part"])
    }
}

@Suite struct IndexedLinesTests {
    /// The lines made from the line index are the lines `SourceLine.split` finds, for every mix of line breaks.
    @Test func agreesWithSplittingTheBytes() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "bc", " ", "\n", "\r", "\r\n", "\n\r", "é"]
        var samples = ["", "\n", "\r\n", "x", "x\n", "x\r", "\n\nx", "x\r\n\r\ny"]
        for _ in 0..<300 {
            samples.append((0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined())
        }
        for sample in samples {
            let source = SourceFile(path: "t", text: sample)
            let bytes = Array(source.text.utf8)
            let indexed = IndexedLines(bytes: bytes, starts: source.lineStarts)
            let split = SourceLine.split(bytes)
            #expect(indexed.map { [$0.start, $0.end, $0.next] } == split.map { [$0.start, $0.end, $0.next] }, "\(sample.debugDescription)")
        }
    }
}
