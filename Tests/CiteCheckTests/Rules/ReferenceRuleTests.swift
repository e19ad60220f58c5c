import Testing

@testable import CiteCheck

/// The reference-list rules on hand-built references (the pipeline examples run in RuleExampleTests).
@Suite struct ReferenceRuleTests {
    // MARK: ref-unparsed

    @Test func unparsedEntryIsReportedOverTheWholeEntry() {
        var post = TestPost("Intro.\n\nReferences\n\n1. See our earlier newsletter\n2. Smith J. A title. Lancet. 2001;1:2-3.\n")
        post.add(label: "1.", "See our earlier newsletter")
        post.add(label: "2.", "Smith J. A title. Lancet. 2001;1:2-3.") {
            $0.title = "A title"
            $0.journal = "Lancet"
            $0.year = 2001
        }
        let found = post.run(RefUnparsedRule.self)
        #expect(found.map(\.reference) == [1])
        #expect(found.first?.range == SourceRange(start: .init(line: 5, column: 1), end: .init(line: 5, column: 30)))
        #expect(found.first?.severity == .warning)
    }

    // MARK: ref-missing-field

    @Test func missingFieldsGiveOneFindingEach() {
        var post = TestPost("R\n\n1. Smith J. A title. Lancet.\n")
        post.add(label: "1.", "Smith J. A title. Lancet.") { article(&$0, authors: ["Smith J"], title: "A title", journal: "Lancet", year: nil, volume: nil, pages: nil) }
        let found = post.run(RefMissingFieldRule.self)
        #expect(found.map(\.field) == [.year, .volume, .pages])
        #expect(found.allSatisfy { $0.message.hasPrefix("reference 1 has no ") })
    }

    @Test func aYearTheParserMissedIsNotMissing() {
        var post = TestPost("R\n\n1. Meilhac N., Destainville N. (2011) Clusters. J Phys Chem B 115: 7190-7199.\n2. Swami V (in press) Validity. J Pers Assess.\n")
        post.add(label: "1.", "Meilhac N., Destainville N. (2011) Clusters. J Phys Chem B 115: 7190-7199.") {
            article(
                &$0, authors: ["Meilhac N"], title: "Destainville N. (2011) Clusters", journal: "J Phys Chem B", year: nil, volume: "115",
                pages: PageRange(first: "7190", last: "7199"))
        }
        post.add(label: "2.", "Swami V (in press) Validity. J Pers Assess.") {
            article(&$0, authors: ["Swami V"], title: "Validity", journal: "J Pers Assess", year: nil, volume: nil, pages: nil)
        }
        #expect(post.run(RefMissingFieldRule.self).map(\.field) == [.volume, .pages])
        #expect(RefMissingFieldRule.mentionsYear("Cell 12345 and 99, p. 3020") == false)
        #expect(RefMissingFieldRule.mentionsYear("Smith (1999) x"))
    }

    @Test func webPageWithLinkNeedsOnlyAYear() {
        var post = TestPost("R\n\n1. Agency. Page title. 2021. https://example.org/x\n2. Agency. Other page.\n")
        post.add(label: "1.", "Agency. Page title. 2021. https://example.org/x") {
            $0.title = "Page title"
            $0.year = 2021
            $0.url = "https://example.org/x"
        }
        post.add(label: "2.", "Agency. Other page.") { $0.title = "Other page" }
        // Entry 1 needs nothing more; entry 2 has neither journal nor year, so it is ref-unparsed, not a list of
        // missing fields.
        #expect(post.run(RefMissingFieldRule.self).isEmpty)
        #expect(post.run(RefUnparsedRule.self).map(\.reference) == [2])
    }

    @Test func aheadOfPrintNeedsNoVolumeOrPages() {
        var post = TestPost("R\n\n1. Smith J. A title. Lancet. 2026. Epub ahead of print.\n")
        post.add(label: "1.", "Smith J. A title. Lancet. 2026. Epub ahead of print.") {
            article(&$0, authors: ["Smith J"], title: "A title", journal: "Lancet", year: 2026, volume: nil, pages: nil)
            $0.notes = [ReferenceNote(kind: .epubAheadOfPrint, text: "Epub ahead of print")]
        }
        #expect(post.run(RefMissingFieldRule.self).isEmpty)
    }

    // MARK: ref-bad-pages

    @Test(arguments: [
        (PageRange(first: "2475", last: "2483", lastAsWritten: "83"), false),
        (PageRange(first: "2475", last: "2483"), false),
        (PageRange(first: "681", last: "688"), false),
        (PageRange(first: "e0229981"), false),
        (PageRange(first: "S12", last: "S18", lastAsWritten: "S18"), false),
        (PageRange(first: "325", last: "333"), false),
        (PageRange(first: "xii", last: "xiv"), false),
        (PageRange(first: "99", last: "102", lastAsWritten: "102"), false),
        (PageRange(first: "90S", last: "97S", lastAsWritten: "7S"), false),
        (PageRange(first: "031114", last: "1", lastAsWritten: "1"), false),
        (PageRange(first: "E2F"), false),
        (PageRange(first: "pp"), true),
        (PageRange(first: "90S", last: "80S", lastAsWritten: "80S"), true),
        (PageRange(first: "2475", last: "2403"), true),
        (PageRange(first: "2475", last: "2424", lastAsWritten: "24"), true),
        (PageRange(first: "688", last: "681"), true),
        (PageRange(first: "681", last: "6880"), true),
        (PageRange(first: "12", last: "1x"), true),
        (PageRange(first: "S12", last: "e18", lastAsWritten: "e18"), true),
        (PageRange(first: "439", last: "e5", lastAsWritten: "e5"), false),
        (PageRange(first: "701", last: "707e5", lastAsWritten: "707e5"), false),
        (PageRange(first: "701", last: "707.e5", lastAsWritten: "707.e5"), false),
        (PageRange(first: "65", last: "6P", lastAsWritten: "6P"), false),
        (PageRange(first: "65", last: "4P", lastAsWritten: "4P"), true),
        (PageRange(first: "1549", last: "155858", lastAsWritten: "155858"), true),
        (PageRange(first: "64Suppl", last: "95s", lastAsWritten: "95s"), true),
    ])
    func pageRanges(pages: PageRange, bad: Bool) {
        #expect((RefBadPagesRule.problem(with: pages) != nil) == bad, "\(pages)")
    }

    @Test func badPagesPointAtThePages() {
        var post = TestPost("R\n\n1. Smith J. A title. Lancet. 2001;38(12):2475-24.\n")
        post.add(label: "1.", "Smith J. A title. Lancet. 2001;38(12):2475-24.", fields: [.pages: "2475-24"]) {
            article(&$0, authors: ["Smith J"], title: "A title", journal: "Lancet", year: 2001, volume: "38", pages: PageRange(first: "2475", last: "2424", lastAsWritten: "24"))
        }
        let found = post.run(RefBadPagesRule.self)
        #expect(found.count == 1)
        #expect(found.first?.range.start == SourcePosition(line: 3, column: 42))
        #expect(found.first?.range.end == SourcePosition(line: 3, column: 49))
        #expect(found.first?.message == "reference 1: page range \"2475-24\" ends before it starts (24 read as 2424)")
        #expect(found.first?.found == "2475-24")
    }

    // MARK: ref-bad-year

    @Test func futureAndAncientYearsAreErrors() {
        var post = TestPost("R\n\n1. A. B. 2061;1:1.\n2. C. D. 1750;1:1.\n3. E. F. 2026;1:1.\n4. G. H. 2027;1:1. Epub 2026.\n5. I. J. 2027;1:1.\n")
        for (text, year, epub) in [
            ("A. B. 2061;1:1.", 2061, nil), ("C. D. 1750;1:1.", 1750, nil), ("E. F. 2026;1:1.", 2026, nil), ("G. H. 2027;1:1. Epub 2026.", 2027, 2026),
            ("I. J. 2027;1:1.", 2027, nil),
        ] as [(String, Int, Int?)] {
            post.add(label: "\(post.references.count + 1).", text) {
                $0.title = "T"
                $0.year = year
                $0.epubYear = epub
            }
        }
        let found = post.run(RefBadYearRule.self, year: 2026)
        #expect(found.map(\.reference) == [1, 2, 5])
        var misread = TestPost("R\n\n1. Hazra A. Title. Clin Infect Dis 2023;76(8):1504–1507.\n2. Nielsen K. 2014. Title. J Speech Lang Hear Res 57(6).2065–75.\n")
        misread.add(label: "1.", "Hazra A. Title. Clin Infect Dis 2023;76(8):1504–1507.") {
            $0.title = "Title"
            $0.year = 1507
        }
        misread.add(label: "2.", "Nielsen K. 2014. Title. J Speech Lang Hear Res 57(6).2065–75.") {
            $0.title = "Title"
            $0.year = 2065
        }
        #expect(misread.run(RefBadYearRule.self).isEmpty)
        #expect(found.first?.message == "reference 1: year 2061 is in the future (it is 2026 now)")
        #expect(found.allSatisfy { $0.severity == .error && $0.field == .year })
    }

    // MARK: ref-duplicate

    @Test func duplicatesByIdentifierOrFields() {
        var post = TestPost("R\n\n1. one\n2. two\n3. three\n4. four\n5. five\n")
        post.add(label: "1.", "one") {
            article(
                &$0, authors: ["Hoge EA"], title: "Mindfulness for anxiety: a trial", journal: "J Clin Psychiatry", year: 2013, volume: "74",
                pages: PageRange(first: "786", last: "792"))
        }
        post.add(label: "2.", "two") {
            article(
                &$0, authors: ["Hoge E"], title: "Mindfulness for Anxiety - A Trial.", journal: "J Clin Psychiatry", year: 2013, volume: "74",
                pages: PageRange(first: "786", last: "792"))
        }
        post.add(label: "3.", "three") {
            article(&$0, authors: ["Hoge EA"], title: "Another trial", journal: "JAMA Psychiatry", year: 2023, volume: "80", pages: PageRange(first: "13", last: "21"))
            $0.doi = "10.1001/X"
        }
        post.add(label: "4.", "four") {
            article(&$0, authors: ["Other Z"], title: "Different title", journal: "Lancet", year: 2020, volume: "1", pages: nil)
            $0.doi = "10.1001/x"
        }
        post.add(label: "5.", "five") {
            article(&$0, authors: ["Hoge EA"], title: "A short version", journal: "J Clin Psychiatry", year: 2013, volume: "74", pages: PageRange(first: "786"))
        }
        let found = post.run(RefDuplicateRule.self)
        #expect(found.map(\.reference) == [2, 4, 5])
        #expect(
            found.map(\.message) == [
                "reference 2 cites the same work as reference 1 (same first author, year and title)",
                "reference 4 cites the same work as reference 3 (same DOI 10.1001/x)",
                "reference 5 cites the same work as reference 1 (same first author, year, journal, volume and first page)",
            ])
    }

    @Test func differentPagesAreDifferentWorks() {
        var post = TestPost("R\n\n1. one\n2. two\n")
        for (label, page) in [("1.", "2122"), ("2.", "2813")] {
            post.add(label: label, label == "1." ? "one" : "two") {
                article(&$0, authors: ["Bruender NA"], title: "Biochemistry", journal: nil, year: 2016, volume: "55", pages: PageRange(first: page))
            }
        }
        #expect(post.run(RefDuplicateRule.self).isEmpty)
    }

    @Test func differentDOIsAreDifferentWorks() {
        var post = TestPost("R\n\n1. one\n2. two\n")
        for label in ["1.", "2."] {
            post.add(label: label, label == "1." ? "one" : "two") {
                article(&$0, authors: ["Smith J"], title: "Same title", journal: "Lancet", year: 2001, volume: "1", pages: PageRange(first: "1"))
                $0.doi = label == "1." ? "10.1/a" : "10.1/b"
            }
        }
        #expect(post.run(RefDuplicateRule.self).isEmpty)
    }

    // MARK: ref-numbering

    @Test func numberingSkipsRepeatsAndGoesBackwards() {
        let numbers = [2, 3, 5, 5, 4, 6]
        var text = "R\n\n"
        for (i, n) in numbers.enumerated() { text += "\(n). entry \(i)\n" }
        var post = TestPost(text)
        for (i, n) in numbers.enumerated() { post.add(label: "\(n).", "entry \(i)") { $0.title = "t" } }
        let found = post.run(RefNumberingRule.self)
        #expect(
            found.map(\.message) == [
                "the numbered list starts at 2, not 1",
                "reference number 5 follows 3; 4 is missing",
                "reference number 5 is used twice (also entry 3)",
                "reference number 4 comes after 5",
            ])
        #expect(found[1].range == SourceRange(start: .init(line: 5, column: 1), end: .init(line: 5, column: 3)))
    }

    @Test func footnotesAndBulletsAreNotNumbered() {
        var post = TestPost("R\n\n- one\n- two\n")
        post.add(label: "-", "one")
        post.add(label: "-", "two")
        #expect(post.run(RefNumberingRule.self).isEmpty)
    }

    // MARK: ref-epub-year

    @Test func epubYearIsInformationNamingBothYears() {
        var post = TestPost(
            "R\n\n1. T. Neuropsychopharmacology. 2018;43:325-333 (online 2017).\n2. Dietterich TG (2000) Ensemble methods. Multiple Classifier Systems 1857: 1-15.\n")
        post.add(label: "1.", "T. Neuropsychopharmacology. 2018;43:325-333 (online 2017).", fields: [.epubYear: "2017"]) {
            $0.title = "T"
            $0.year = 2018
            $0.epubYear = 2017
        }
        post.add(label: "2.", "Dietterich TG (2000) Ensemble methods. Multiple Classifier Systems 1857: 1-15.") {
            $0.title = "Ensemble methods"
            $0.year = 2000
            $0.epubYear = 1857
        }
        let found = post.run(RefEpubYearRule.self)
        // The second entry's "online year" is a misread volume: not reported.
        #expect(found.count == 1)
        #expect(found.first?.severity == .info)
        #expect(found.first?.message.contains("2018 is the print (issue) year") == true)
        #expect(found.first?.message.contains("not an error") == true)
        #expect(found.first?.range.start == SourcePosition(line: 3, column: 56))
    }
}
