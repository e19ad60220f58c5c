import Testing

@testable import CiteCheck

private func list(_ text: String, _ format: InputFormat, finder: ReferenceListFinder = ReferenceListFinder()) -> (Document, ReferenceList?) {
    let doc = DocumentReader.read(SourceFile(path: "t", text: text), format: format)
    return (doc, finder.find(in: doc))
}

private let ref1 = "Holick MF. Vitamin D deficiency. N Engl J Med. 2007;357(3):266-281."
private let ref2 = "Manson JE, Cook NR, Lee IM, et al. Vitamin D supplements and prevention of cancer. N Engl J Med. 2019;380(1):33-44."

@Suite struct ReferenceListFinderTests {
    @Test(arguments: [
        "References", "REFERENCES:", "references", "Reference list", "Bibliography", "Sources:", "Works Cited",
        "Literature cited", "Citations", "Notes", "Further reading",
        "7. References", "References and further reading", "Sources & Notes",
    ])
    func headingNames(_ heading: String) {
        let (_, found) = list("Body text here.\n\n\(heading)\n\n1. \(ref1)\n2. \(ref2)\n", .text)
        #expect(found?.heading == heading)
        #expect(found?.entries.count == 2)
    }

    @Test func headingFormsInMarkdownAndHTML() {
        for (text, format) in [
            ("Body.\n\n### References\n\n1. \(ref1)\n", InputFormat.markdown),
            ("Body.\n\n**References:**\n\n1. \(ref1)\n", .markdown),
            ("Body.\n\nReferences\n----------\n\n- \(ref1)\n", .markdown),
            ("<p>Body.</p><p><strong>References</strong></p><ol><li>\(ref1)</li></ol>", .html),
            ("<p>Body.</p><h4><span>References:</span></h4><p>1. \(ref1)</p>", .html),
            ("<p>Body.</p><p><b>Sources</b><br>\(ref1)<br>\(ref2)</p>", .html),
        ] {
            let (_, found) = list(text, format)
            #expect(found?.entries.first?.text == ref1, "\(text)")
        }
    }

    @Test func lastHeadingFollowedByEntriesWins() {
        let text = """
            Intro.

            References

            See the list at the end of this post.

            ## Part two

            More prose.

            References

            1. \(ref1)

            Sources

            Thanks for reading.
            """
        let (doc, found) = list(text, .markdown)
        #expect(found?.entries.map(\.text) == [ref1])
        #expect(found?.headingRange?.start == SourcePosition(line: 11, column: 1))
        #expect(found.map { doc.blocks[$0.firstBlockIndex].text } == [ref1].first)
    }

    @Test func headingThenUnlabelledLinesInOneParagraph() {
        let (doc, found) = list("Body.\n\nReferences\n\(ref1)\n\(ref2)\n", .text)
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        #expect(found?.entries.map(\.range.start) == [SourcePosition(line: 4, column: 1), SourcePosition(line: 5, column: 1)])
        #expect(found?.firstBlockIndex == 1)
        #expect(found?.endBlockIndex == doc.blocks.count)
    }

    @Test func closingRemarkIsNotAnEntry() {
        let text = "Body.\n\nReferences:\n\n    1. \(ref1)\n    2. \(ref2)\n\nIf you would like to learn more about our clinic, visit our Vitamin D page.\n"
        let (doc, found) = list(text, .text)
        #expect(found?.entries.count == 2)
        #expect(found?.endBlockIndex == doc.blocks.count - 1)
    }

    @Test(arguments: ["References to our earlier posts", "Sources of vitamin D", "Notes on dosing", "References and tips"])
    func notHeadingNames(_ heading: String) {
        #expect(!ReferenceListFinder().isHeadingName(heading))
    }

    @Test func noListInPlainProse() {
        let (_, found) = list("A post about sleep.\n\nIn 2019, a study of 200 people found that 10-20% slept badly.\n\nSee you next week.\n", .text)
        #expect(found == nil)
    }

    @Test func oneTrailingReferenceWithoutHeadingIsNotAList() {
        let (_, found) = list("A post.\n\n\(ref1)\n", .text)
        #expect(found == nil)
    }

    @Test func injectedTestDecidesForUnlabelledText() {
        let text = "Body.\n\nReferences\n\nSmith, a book I liked\n\nJones, another one\n"
        let (_, lenient) = list(text, .text, finder: ReferenceListFinder(looksLikeReference: { _ in true }))
        #expect(lenient?.entries.map(\.text) == ["Smith, a book I liked", "Jones, another one"])
        let (_, strict) = list(text, .text, finder: ReferenceListFinder(looksLikeReference: { _ in false }))
        #expect(strict == nil)
    }

    @Test func customHeadings() {
        let text = "Body.\n\nLesestoff\n\n1. \(ref1)\n"
        #expect(list(text, .text).1 == nil)
        #expect(list(text, .text, finder: ReferenceListFinder(headings: ["Lesestoff"])).1?.entries.count == 1)
    }

    @Test func htmlListItemsWithWrittenNumbersInsideBullets() {
        let (_, found) = list("<h2>References</h2><ul><li>[1] \(ref1)</li><li>[2] \(ref2)</li></ul>", .html)
        #expect(found?.entries.map(\.label) == ["[1]", "[2]"])
        #expect(found?.entries.map(\.number) == [1, 2])
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        #expect(found?.entries.first?.range.start == SourcePosition(line: 1, column: 28))
    }

    @Test func defaultHeuristic() {
        #expect(ReferenceHeuristics.looksLikeReference(ref1))
        #expect(ReferenceHeuristics.looksLikeReference("Feder, A., & Charney, D. S. (2014). Title. Journal, 71(6), 681–688."))
        #expect(ReferenceHeuristics.looksLikeReference("Feder A, Parides MK (2014) Title. Journal 71: 681–688."))
        #expect(ReferenceHeuristics.looksLikeReference("World Health Organization. Report on sleep. 2019. doi:10.1000/xyz123"))
        #expect(!ReferenceHeuristics.looksLikeReference("If you are interested in learning more about our therapy, visit our page."))
        #expect(!ReferenceHeuristics.looksLikeReference("Call us on 555-1234 to book."))
        #expect(!ReferenceHeuristics.looksLikeReference("In 2014, a trial found 10-20% fewer attacks."))
    }
}

@Suite struct PlatformFootnoteTests {
    @Test func substackFootnoteNumbersLabelTheirEntries() {
        let html = """
            <p>Body with a note.<a class="footnote-anchor" href="#footnote-1">1</a></p>
            <div class="footnote"><a class="footnote-number" href="#footnote-anchor-1">1</a><div class="footnote-content"><p>\(ref1)</p></div></div>
            <div class="footnote"><a class="footnote-number" href="#footnote-anchor-2">2</a><div class="footnote-content"><p>\(ref2)</p></div></div>
            """
        let (doc, found) = list(html, .html)
        #expect(found?.entries.map(\.number) == [1, 2])
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        // The range starts at the footnote number, the entry's label.
        #expect(found?.entries.first?.range.start == SourcePosition(line: 2, column: 76))
        #expect(found.map { $0.bodyBlockRanges(in: doc) } == [0..<1])
    }

    @Test func markdownGeneratedFootnotesDropBacklinks() {
        let html = "<p>Body.</p><hr><ol><li id=\"fn1\"><p>\(ref1) <a href=\"#fnref1\">↩︎</a></p></li><li id=\"fn2\"><p>\(ref2)&nbsp;<a href=\"#fnref2\">&#8617;</a></p></li></ol>"
        let (_, found) = list(html, .html)
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        #expect(found?.entries.map(\.number) == [1, 2])
    }

    @Test func bodyBlocksExcludeHeadingAndList() {
        let (doc, found) = list("Body one.\n\nBody two.\n\nReferences\n\n1. \(ref1)\n\nClosing remark.\n", .text)
        #expect(found?.headingBlockIndex(in: doc) == 2)
        #expect(found.map { $0.bodyBlockRanges(in: doc) } == [0..<2, 4..<5])
    }
}

@Suite struct ListEndTests {
    @Test func bulletListAfterNumberedEntriesEndsTheList() {
        let md = "Body.\n\n## References\n\n1. \(ref1)\n2. \(ref2)\n\n- Related: our post on sleep\n- Related: our post on diet\n"
        let (doc, found) = list(md, .markdown)
        #expect(found?.entries.count == 2)
        #expect(found?.endBlockIndex == doc.blocks.count - 2)
    }
}

@Suite struct HeadingChoiceTests {
    @Test func notesOfRemarksAfterTheReferencesDoNotWin() {
        let md = "Body.\n\n## References\n\n1. \(ref1)\n2. \(ref2)\n\n## Notes\n\n1. This post was updated in March.\n2. Not medical advice.\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.heading == "References")
        #expect(found?.entries.count == 2)
    }

    @Test func notesOfRemarksAloneAreNoReferenceList() {
        let md = "Body.\n\n## Notes\n\n1. Some remark.\n"
        let (_, found) = list(md, .markdown)
        #expect(found == nil)
    }
}

@Suite struct WordPressParagraphTests {
    @Test func paragraphPerReferenceWithNoBreakSpace() {
        let html = "<h3>References</h3>\n<p>1.&nbsp;\(ref1)</p>\n<p>&nbsp;</p><p>2.\u{00A0}\(ref2)</p>\n<p>&nbsp;</p>\n<p>Share this post!</p>"
        let (_, found) = list(html, .html)
        #expect(found?.entries.map(\.label) == ["1.", "2."])
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        #expect(found?.entries.map(\.range.start) == [SourcePosition(line: 2, column: 4), SourcePosition(line: 3, column: 17)])
    }
}

@Suite struct TableOfContentsTests {
    @Test func contentsEntryNamedReferencesDoesNotHideATrailingList() {
        let md = "- [Introduction](#intro)\n- [References](#refs)\n- [About](#about)\n\nBody.\n\n\(ref1)\n\n\(ref2)\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.heading == nil)
        #expect(found?.entries.map(\.text) == [ref1, ref2])
    }
}

@Suite struct SeveralListsTests {
    @Test func footnotesMidPostAndAReferencesSection() {
        let md = """
            Vitamin D matters.[^holick] More below.

            [^holick]: \(ref1)

            Trials disagree [1].

            ## References

            1. \(ref2)
            """
        let lists = ReferenceListFinder().findAll(in: DocumentReader.read(SourceFile(path: "t", text: md), format: .markdown))
        #expect(lists.map(\.kind) == [.footnotes, .section])
        let (_, combined) = list(md, .markdown)
        #expect(combined?.entries.map(\.index) == [1, 2])
        #expect(combined?.entries.map(\.listIndex) == [0, 1])
        #expect(combined?.entries.map(\.footnoteName) == ["holick", nil])
    }

    @Test func aFootnoteHoldingTwoCitationsGivesTwoReferences() {
        let md = "Both agree.[^1]\n\n[^1]: \(ref1) \(ref2)\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.entries.map(\.text) == [ref1, ref2])
        #expect(found?.entries.map(\.footnoteName) == ["1", "1"])
    }

    @Test func germanSectionWithEscapedNumbersAndAnnotations() {
        let md = "Text.\n\n# 8\\. Quellen\n\n1. \(ref1)\n\n(Deutsch: eine Übersicht)\n\n2. \(ref2)\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.heading == "8. Quellen")
        #expect(found?.entries.map(\.number) == [1, 2])
    }

    @Test func numberAndSpaceLabelsUnderASetextHeading() {
        let md = "Text [1], [2].\n\nReferences\n----------\n\n1 \(ref1)\n\n2 \(ref2)\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.entries.map(\.label) == ["1", "2"])
    }

    @Test func aGluedLabelInsideAnItemStartsTheNextEntry() {
        let md = "## References\n\n1. \(ref1)\n2.\(ref2)\n3. \(ref1)\n"
        let (_, found) = list(md, .markdown)
        #expect(found?.entries.map(\.number) == [1, 2, 3])
    }

    @Test func aPageFooterAfterNumberedEntriesIsNoEntry() {
        let html = "<h2>References</h2><p>1 \(ref1)</p><p>2 \(ref2)</p><footer><p>© 2022 Field Notes.</p></footer>"
        let (_, found) = list(html, .html)
        #expect(found?.entries.count == 2)
    }

    @Test func aReadingListOfLinksWithoutAHeading() {
        let md = """
            Books that helped me.

            - [The Noonday Demon: An Atlas of Depression](https://books.example.org/noonday)
            - [An Unquiet Mind: A Memoir](https://books.example.org/unquiet)
            - [Lost Connections](https://www.example.com/lost-connections)
            """
        let (_, found) = list(md, .markdown)
        #expect(found?.entries.count == 3)
    }

    @Test func relatedPostsOnThePostsOwnSiteAreNoList() {
        let md = """
            Read our [guide to sleep](https://clinic.example.org/sleep) first.

            - [Five myths about melatonin](https://clinic.example.org/melatonin)
            - [How much sleep do teenagers need](https://clinic.example.org/teen-sleep)
            """
        let (_, found) = list(md, .markdown)
        #expect(found == nil)
    }

    @Test func letterLabels() {
        let text = "Text.\n\nSources\n\na. \(ref1)\nb. \(ref2)\n"
        let (_, found) = list(text, .text)
        #expect(found?.entries.map(\.label) == ["a.", "b."])
        #expect(found?.entries.map(\.text) == [ref1, ref2])
    }
}
