import Testing

@testable import CiteCheck

@Suite struct CitationFinderTests {
    struct MarkerCase: CustomTestStringConvertible, Sendable {
        var text: String
        var numbers: [[Int]]
        var entries = 10
        var numbered = true
        var testDescription: String { text }
    }

    static let markerCases: [MarkerCase] = [
        MarkerCase(text: "Ketamine helped [1].", numbers: [[1]]),
        MarkerCase(text: "Two trials agree [2, 3].", numbers: [[2, 3]]),
        MarkerCase(text: "Two trials agree [2,3].", numbers: [[2, 3]]),
        MarkerCase(text: "Several trials [4–6] agree.", numbers: [[4, 5, 6]]),
        MarkerCase(text: "Several trials [4-6] agree.", numbers: [[4, 5, 6]]),
        MarkerCase(text: "Many trials [1, 4–6] agree.", numbers: [[1, 4, 5, 6]]),
        MarkerCase(text: "It was effective (1) and safe (2, 3).", numbers: [[1], [2, 3]]),
        MarkerCase(text: "It was effective (1).", numbers: [], numbered: false),
        MarkerCase(text: "It was effective (12).", numbers: [], entries: 6),
        MarkerCase(text: "Out of range [12] still counts as a marker.", numbers: [[12]], entries: 6),
        MarkerCase(text: "Approved in that year (2014) by regulators.", numbers: []),
        MarkerCase(text: "A small sample (n = 12) was studied.", numbers: []),
        MarkerCase(text: "The effect was significant (p < 0.05).", numbers: []),
        MarkerCase(text: "The effect was significant (p < .05).", numbers: []),
        MarkerCase(text: "The COVID-19 [sic] pandemic.", numbers: []),
        MarkerCase(text: "Ketamine cures everything [citation needed].", numbers: []),
        MarkerCase(text: "Patients got 6 infusions over 2 weeks (0.5 mg/kg).", numbers: []),
        MarkerCase(text: "Two aims: (1) relieve pain and (2) reduce fear.", numbers: []),
        MarkerCase(text: "Two aims: (1) relieve pain, (2) reduce fear. It helped (3).", numbers: []),
        MarkerCase(text: "Two aims: (1) relieve pain. It helped (4).", numbers: [[4]]),
        MarkerCase(text: "(1) Relieve pain first.", numbers: []),
        MarkerCase(text: "Shown (ref. 3) and [refs 4, 5] and (reference 2).", numbers: [[3], [4, 5], [2]], numbered: false),
        MarkerCase(text: "See the [reference manual] and (refs).", numbers: []),
        MarkerCase(text: "A trial¹² found", numbers: [[12]], entries: 12),
        MarkerCase(text: "A trial¹² found", numbers: [[1, 2]], entries: 6),
        MarkerCase(text: "A trial¹⁻³ found", numbers: [[1, 2, 3]]),
        MarkerCase(text: "A trial¹,² found", numbers: [[1, 2]]),
        MarkerCase(text: "Shown before.³ Next sentence.", numbers: [[3]]),
        MarkerCase(text: "About 10⁶ cells per mm² and R² = 0.4.", numbers: []),
    ]

    @Test(arguments: markerCases) func numberedMarkers(_ c: MarkerCase) {
        let found = CitationFixture.cites(c.text, entries: c.entries, numbered: c.numbered)
        #expect(found.map(\.numbers).filter { !$0.isEmpty } == c.numbers)
    }

    @Test func markerTextAndSourceRange() {
        let text = "Ketamine helped [2, 3] here."
        let block = CitationFixture.block(text, offset: 100)
        let found = CitationFinder(entryNumbers: [1, 2, 3], listIsNumbered: true).find(in: block, blockIndex: 4)
        #expect(found.count == 1)
        #expect(found.first?.text == "[2, 3]")
        #expect(found.first?.range == 16..<22)
        #expect(found.first?.sourceRange == 116..<122)
        #expect(found.first?.blockIndex == 4)
    }

    @Test func markupSuperscripts() {
        // `effective<sup>1,2</sup> and m<sup>2</sup>`, stripped to text with superscript ranges.
        let text = "effective1,2 and m2 and 102"
        let found = CitationFixture.cites(text, superscripts: [9..<12, 18..<19, 26..<27])
        #expect(found.map(\.numbers) == [[1, 2]])
        #expect(CitationFixture.cites("shown [1]", superscripts: [6..<9]).map(\.numbers) == [[1]])
        #expect(CitationFixture.cites("shown 3", superscripts: [6..<7]).map(\.numbers) == [[3]])
        if case .numbered(_, let form) = found.first?.kind { #expect(form == .superscript) } else { Issue.record("no marker") }
    }

    @Test func footnoteReferences() {
        let found = CitationFixture.cites("As shown[^1] and again[^feder].")
        #expect(found.map(\.kind) == [.footnote(name: "1"), .footnote(name: "feder")])
        #expect(found.map(\.text) == ["[^1]", "[^feder]"])
    }

    @Test func markdownFootnoteReferencesReadAsSuperscripts() {
        // The Markdown reader turns `[^1]` into a superscript `1`; the source tells it apart from `^1^`.
        let source = "As shown[^1] and[^feder] and^2^."
        let text = "As shown1 andfeder and2."
        let map = SourceMap(anchors: [
            .init(derived: 0, source: 0), .init(derived: 8, source: 10), .init(derived: 9, source: 12),
            .init(derived: 13, source: 18), .init(derived: 18, source: 24), .init(derived: 22, source: 29),
            .init(derived: 23, source: 31),
        ])
        let block = TextBlock(
            kind: .paragraph, text: text, sourceMap: map,
            range: SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 1)),
            superscripts: [8..<9, 13..<18, 22..<23])
        let found = CitationFinder(entryNumbers: [1, 2]).find(in: block, blockIndex: 0, source: Array(source.utf8))
        #expect(found.map(\.kind) == [.footnote(name: "1"), .footnote(name: "feder"), .numbered(numbers: [2], form: .superscript)])
        #expect(found.first?.sourceRange == 8..<12)
        #expect(found.first?.text == "[^1]")
        // Without the source, a list footnote name still reads as a footnote reference.
        let named = CitationFinder(footnoteNames: ["feder"]).find(in: block, blockIndex: 0)
        #expect(named.map(\.kind) == [.numbered(numbers: [1], form: .superscript), .footnote(name: "feder"), .numbered(numbers: [2], form: .superscript)])
    }

    struct AuthorYearCase: CustomTestStringConvertible, Sendable {
        var text: String
        var authors: [[String]]
        var years: [Int]
        var etAl: [Bool]? = nil
        var parenthetical: Bool? = nil
        var suffix: String? = nil
        var testDescription: String { text }
    }

    static let authorYearCases: [AuthorYearCase] = [
        AuthorYearCase(text: "It works (Feder et al., 2014).", authors: [["Feder"]], years: [2014], etAl: [true], parenthetical: true),
        AuthorYearCase(text: "It works (Feder et al. 2014).", authors: [["Feder"]], years: [2014]),
        AuthorYearCase(text: "It works (Duman, 2014; Krystal et al., 2019).", authors: [["Duman"], ["Krystal"]], years: [2014, 2019], etAl: [false, true]),
        AuthorYearCase(text: "It works (Feder & Charney, 2014).", authors: [["Feder", "Charney"]], years: [2014]),
        AuthorYearCase(text: "Feder et al. (2014) found it works.", authors: [["Feder"]], years: [2014], etAl: [true], parenthetical: false),
        AuthorYearCase(text: "As Feder and Charney (2014) found.", authors: [["Feder", "Charney"]], years: [2014], parenthetical: false),
        AuthorYearCase(text: "Taylor and colleagues (2018) ran a crossover trial.", authors: [["Taylor"]], years: [2018], etAl: [true]),
        AuthorYearCase(text: "A review by Duman (2014) argued this.", authors: [["Duman"]], years: [2014], etAl: [false]),
        AuthorYearCase(text: "It works (Feder et al., 2014a).", authors: [["Feder"]], years: [2014], suffix: "a"),
        AuthorYearCase(text: "It works (see Feder et al., 2014).", authors: [["Feder"]], years: [2014]),
        AuthorYearCase(text: "It works (e.g., Duman, 2014).", authors: [["Duman"]], years: [2014]),
        AuthorYearCase(text: "In mice, van der Berg et al. (2019) saw it.", authors: [["van der Berg"]], years: [2019]),
        AuthorYearCase(text: "It works (Müller & Ødegaard, 2020).", authors: [["Müller", "Ødegaard"]], years: [2020]),
        AuthorYearCase(text: "It works (Feder, Parides, & Charney, 2014, p. 5).", authors: [["Feder", "Parides", "Charney"]], years: [2014]),
        AuthorYearCase(text: "It works (Feder, 2014, 2016).", authors: [["Feder"], ["Feder"]], years: [2014, 2016]),
        AuthorYearCase(text: "The drug was approved (2014) quickly.", authors: [], years: []),
        AuthorYearCase(text: "Published results (since 2014) vary.", authors: [], years: []),
        AuthorYearCase(text: "It rose in (January 2014) sharply.", authors: [], years: []),
        AuthorYearCase(text: "In (2014) it changed.", authors: [], years: []),
        AuthorYearCase(text: "The effect (Smith 2014 data) held.", authors: [], years: []),
        AuthorYearCase(text: "As summarised (Cochrane Review, 2019) and shown (Figure 2, 2019).", authors: [], years: []),
        AuthorYearCase(
            text: "As Feder et al. (2014) and (Duman, 2014) and Taylor and colleagues (2018) said.",
            authors: [["Feder"], ["Duman"], ["Taylor"]], years: [2014, 2014, 2018]),
    ]

    @Test(arguments: authorYearCases) func authorYearCitations(_ c: AuthorYearCase) {
        let found = CitationFixture.cites(c.text).filter {
            if case .authorYear = $0.kind { return true }
            return false
        }
        #expect(found.map { $0.claims.authors.map(\.value) } == c.authors)
        #expect(found.compactMap { $0.claims.year?.value } == c.years)
        if let etAl = c.etAl { #expect(found.map(\.claims.etAl) == etAl) }
        if let parenthetical = c.parenthetical { #expect(found.first?.kind == .authorYear(parenthetical: parenthetical)) }
        if let suffix = c.suffix { #expect(found.first?.claims.yearSuffix == suffix) }
        // No narrative mention is made from the names inside an author-year citation.
        #expect(!CitationFixture.cites(c.text).contains { $0.kind == .mention && !$0.claims.authors.isEmpty && !c.authors.isEmpty })
    }

    @Test func authorYearClaimPositions() {
        let text = "It works (Feder et al., 2014)."
        let found = CitationFinder().find(in: CitationFixture.block(text, offset: 50), blockIndex: 0)
        #expect(found.count == 1)
        #expect(found.first?.text == "Feder et al., 2014")
        #expect(found.first?.claims.year?.sourceRange == 74..<78)
        #expect(found.first?.claims.authors.first?.sourceRange == 60..<65)
    }

    struct MentionCase: CustomTestStringConvertible, Sendable {
        var text: String
        var year: Int? = nil
        var journal: String? = nil
        var institution: String? = nil
        var author: String? = nil
        var studyTypes: [String]? = nil
        var none = false
        var testDescription: String { text }
    }

    static let mentionCases: [MentionCase] = [
        MentionCase(text: "A 2016 study found relief.", year: 2016),
        MentionCase(text: "A 2016 crossover study found relief.", year: 2016, studyTypes: ["crossover"]),
        MentionCase(text: "In 2014, researchers found relief.", year: 2014),
        MentionCase(text: "A trial published in JAMA Psychiatry found relief.", journal: "JAMA Psychiatry"),
        MentionCase(text: "Work published in the American Journal of Psychiatry agreed.", journal: "American Journal of Psychiatry"),
        MentionCase(text: "Results were published in 2019 by the team.", year: 2019),
        MentionCase(text: "Results were published in March 2019.", year: 2019),
        MentionCase(text: "Patients in a JAMA Psychiatry study improved.", journal: "JAMA Psychiatry"),
        MentionCase(text: "Researchers at Yale showed it.", institution: "Yale"),
        MentionCase(
            text: "Researchers from Yale University ran a randomized, placebo-controlled crossover trial.",
            institution: "Yale University", studyTypes: ["randomized", "placebo-controlled", "crossover"]),
        MentionCase(text: "A team at Mount Sinai tried it.", institution: "Mount Sinai"),
        MentionCase(text: "Feder and colleagues found relief.", author: "Feder"),
        MentionCase(text: "Later, Feder et al. found relief.", author: "Feder"),
        MentionCase(text: "Duman's group proposed a mechanism.", author: "Duman"),
        MentionCase(text: "In 2014, the FDA approved it.", none: true),
        MentionCase(text: "The 2020 pandemic changed clinics.", none: true),
        MentionCase(text: "By 2019 most clinics offered it to 300 patients.", none: true),
        MentionCase(text: "A randomized, controlled crossover trial showed it.", none: true),
        MentionCase(text: "It was published in March.", none: true),
        MentionCase(text: "The Yale team was in New York.", none: true),
    ]

    @Test(arguments: mentionCases) func narrativeMentions(_ c: MentionCase) {
        let mentions = CitationFixture.cites(c.text).filter { $0.kind == .mention }
        if c.none {
            #expect(mentions.isEmpty)
            return
        }
        #expect(mentions.count == 1)
        guard let m = mentions.first else { return }
        #expect(m.claims.year?.value == c.year)
        #expect(m.claims.journal?.value == c.journal)
        #expect(m.claims.institution?.value == c.institution)
        #expect(m.claims.authors.first?.value == c.author)
        if let types = c.studyTypes { #expect(m.claims.studyTypes == types) }
    }

    @Test func claimsOfOneSentenceGatherIntoOneMention() {
        let found = CitationFixture.cites("A 2016 crossover study published in JAMA Psychiatry found relief [3]. A 2018 trial agreed.")
        #expect(found.map(\.kind) == [.mention, .numbered(numbers: [3], form: .bracket), .mention])
        #expect(found[0].claims.year?.value == 2016)
        #expect(found[0].claims.journal?.value == "JAMA Psychiatry")
        #expect(found[0].sentence == found[1].sentence)
        #expect(found[2].sentence != found[1].sentence)
        #expect(found[1].claims.studyTypes == ["crossover"])
    }

    @Test func aCitationBetweenClaimsSeparatesMentions() {
        let found = CitationFixture.cites("A 2016 study [2] and a trial published in JAMA Psychiatry [3] agree.")
        #expect(found.map(\.kind) == [.mention, .numbered(numbers: [2], form: .bracket), .mention, .numbered(numbers: [3], form: .bracket)])
        #expect(found[0].claims.journal == nil)
        #expect(found[2].claims.journal?.value == "JAMA Psychiatry")
        #expect(found[2].claims.year == nil)
    }

    @Test func skipsCodeAndTheReferenceList() {
        let blocks = [
            CitationFixture.block("Body text [1]."),
            CitationFixture.block("let x = a[2]", kind: .code),
            CitationFixture.block("References", kind: .heading(level: 2)),
            CitationFixture.block("Feder A. (2014) Title [3].", kind: .listItem(marker: "1.", ordinal: 1)),
            CitationFixture.block("Trailing note [4].", kind: .paragraph),
        ]
        let found = CitationFinder(entryNumbers: [1, 2, 3, 4]).find(in: blocks, excluding: [2..<4])
        #expect(found.map(\.blockIndex) == [0, 4])
    }

    @Test func documentEntryPointUsesTheList() {
        let doc = CitationFixture.document("Intro (2) and [1].\n\nReferences\n\n1. A\n\n2. B\n")
        let entries = CitationFixture.seedReferences.prefix(2).map(\.entry)
        let list = ReferenceList(heading: "References", headingRange: doc.blocks[1].range, entries: entries, firstBlockIndex: 2, endBlockIndex: 4)
        let found = CitationFinder.find(in: doc, list: list)
        #expect(found.map(\.numbers) == [[2], [1]])
        #expect(found.map(\.blockIndex) == [0, 0])
    }

    @Test func hostileInputIsLinearAndDoesNotCrash() {
        let pieces = [
            String(repeating: "(", count: 50_000), String(repeating: "[", count: 50_000), String(repeating: "¹", count: 20_000),
            String(repeating: "[1-", count: 20_000), String(repeating: "Feder and ", count: 20_000) + "(2014)",
            String(repeating: "(Feder, 2014; ", count: 5_000), String(repeating: "a 2016 ", count: 20_000),
            String(repeating: "published in ", count: 20_000), "\u{0301}(\u{00B9}", "[^", "(", "¹⁻", "[4–]", "é.", "",
        ]
        for piece in pieces {
            _ = CitationFixture.cites(piece)
            _ = CitationFixture.cites(piece, superscripts: [0..<3, 2..<9_999_999])
        }
    }
}
