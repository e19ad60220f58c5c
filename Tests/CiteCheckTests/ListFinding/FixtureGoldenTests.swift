import Testing

@testable import CiteCheck

/// What one found entry must be: number and label as written, the position of the entry (label included),
/// and its text (exactly, or its start and end when `text` is nil).
struct ExpectedEntry: Sendable, CustomStringConvertible {
    var number: Int?
    var label: String?
    var start: String
    var end: String
    var prefix: String
    var suffix: String

    init(_ number: Int?, _ label: String?, _ start: String, _ end: String, _ prefix: String, _ suffix: String = "") {
        self.number = number
        self.label = label
        self.start = start
        self.end = end
        self.prefix = prefix
        self.suffix = suffix
    }

    var description: String { "\(number.map(String.init) ?? "-") \(label ?? "-") \(start)" }
}

func check(_ name: String, heading: String?, headingAt: String? = nil, blocks: Range<Int>? = nil, _ expected: [ExpectedEntry]) throws {
    let document = try Fixtures.document(name)
    let list = try #require(ReferenceListFinder().find(in: document), "no reference list in \(name)")
    #expect(list.heading == heading, "\(name)")
    if let headingAt { #expect(list.headingRange?.start.description == headingAt, "\(name)") }
    if let blocks { #expect(list.firstBlockIndex..<list.endBlockIndex == blocks, "\(name)") }
    #expect(list.entries.count == expected.count, "\(name): \(list.entries.map(\.text))")
    for (entry, want) in zip(list.entries, expected) {
        #expect(entry.number == want.number, "\(name) \(want)")
        #expect(entry.label == want.label, "\(name) \(want)")
        #expect(entry.range.start.description == want.start, "\(name) \(want)")
        #expect(entry.range.end.description == want.end, "\(name) \(want)")
        #expect(entry.text.hasPrefix(want.prefix), "\(name) \(want): \(entry.text)")
        #expect(entry.text.hasSuffix(want.suffix), "\(name) \(want): \(entry.text)")
        #expect(!entry.text.contains("\n"), "\(name) \(want)")
    }
    #expect(list.entries.map(\.index) == Array(0..<list.entries.count).map { $0 + 1 })
}

@Suite struct FixtureGoldenTests {
    @Test func numberedPlainText() throws {
        try check(
            "numbered.txt", heading: "References", headingAt: "14:1", blocks: 6..<9,
            [
                ExpectedEntry(1, "1.", "16:1", "16:182", "Tang H, Fang Z, Sun Y, Li B, Shi Z et al. (2010) YKL-40", "Eur Respir J 35: 757–760."),
                ExpectedEntry(2, "2.", "18:1", "18:177", "Chupp GL, Lee CG", "N Engl J Med 357: 2016–2027."),
                // The number skips 3 and is kept as written.
                ExpectedEntry(4, "4.", "20:1", "20:187", "Priftis KN, Loukopoulou S", "Pediatr Allergy Immunol 17: 194–198."),
            ])
    }

    @Test func indentedUnderSourcesWithClosingRemark() throws {
        try check(
            "indented.txt", heading: "Sources:", headingAt: "7:1", blocks: 4..<7,
            [
                ExpectedEntry(1, "1.", "9:5", "9:151", "Qin J, Li Y, Cai Z, Li S, Zhu J, et al. A metagenome-wide", "Nature. 2012;490(7418):55–60."),
                ExpectedEntry(2, "2.", "10:5", "10:167", "Karlsson FH, Tremaroli V", "Nature. 2013;498(7452):99–103."),
                ExpectedEntry(3, "3.", "11:5", "11:168", "Jagannathan M, McDonnell M", "Diabetologia. 2010;53(7):1461–71."),
            ])
    }

    @Test func markdownNumberedWithWrapsAndLinks() throws {
        try check(
            "numbered.md", heading: "References", headingAt: "14:1", blocks: 7..<10,
            [
                ExpectedEntry(
                    1, "1.", "16:1", "17:85",
                    "Gallacher K, Jani B, Morrison D, Macdonald S, Blane D, et al. Qualitative systematic reviews of treatment burden in stroke",
                    "diabetes. BMC Med Res Methodol. 2013;13:10."),
                // The link text shows the DOI already: the target is not repeated.
                ExpectedEntry(2, "2.", "18:1", "19:67", "Bane C, Hughes CM, McElnay JC. Determinants", "Int J Pharm Pract. 2006;14:197–204. doi:10.1211/ijpp.14.3.0006"),
                // A lazy continuation line, and a DOI target kept visible after its link text.
                ExpectedEntry(
                    3, "3.", "20:1", "21:95", "Montuschi P, Barnes PJ. New perspectives",
                    "asthma. Drug Discov Today. 2011;16:1084–1091. Full text (https://doi.org/10.1016/j.drudis.2011.09.005)"),
            ])
    }

    @Test func markdownFootnotesWithoutHeading() throws {
        try check(
            "footnotes.md", heading: nil, blocks: 2..<5,
            [
                ExpectedEntry(
                    1, "[^1]:", "9:1", "10:100", "Papakonstantinou E, Klagas I, Karakiulakis G, et al. Steroids and β2-agonists regulate hyaluronan metabolism",
                    "Am J Respir Cell Mol Biol. 2012;47:759-767."),
                ExpectedEntry(2, "[^2]:", "11:1", "11:189", "Priftis KN", "2006;17:194–198."),
                ExpectedEntry(3, "[^3]:", "12:1", "12:123", "Shifren A, Witt C", "J Allergy. 2012;2012:316049."),
            ])
        let list = try #require(ReferenceListFinder().find(in: try Fixtures.document("footnotes.md")))
        #expect(list.entries.map(\.footnoteName) == ["1", "2", "3"])
    }

    @Test func markdownAuthorYearParagraphs() throws {
        try check(
            "author-year.md", heading: "References", headingAt: "6:1", blocks: 3..<5,
            [
                ExpectedEntry(
                    nil, nil, "8:1", "9:84",
                    "Noor, M. A., Zimmerman, K. J., & Teeter, K. C. (2006). Data sharing: How much doesn't get submitted to GenBank? PLoS Biology, 4(7), e228.",
                    "https://doi.org/10.1371/journal.pbio.0040228"),
                ExpectedEntry(nil, nil, "11:1", "12:93", "Simarro, P. P., Cecchi, G.", "PLoS Neglected Tropical Diseases, 6(10), e1859."),
            ])
    }

    @Test func htmlOrderedList() throws {
        try check(
            "numbered.html", heading: "References", headingAt: "11:5", blocks: 3..<7,
            [
                ExpectedEntry(1, nil, "13:5", "13:166", "Anderson GP. Endotyping asthma", "Lancet. 2008;372(9643):1107–1119."),
                ExpectedEntry(2, nil, "14:5", "14:264", "Hunter CJ", "Chest. 2002;121(4):1051-1057. doi:10.1378/chest.121.4.1051"),
                // Unclosed <li>; a PubMed link target is kept visible.
                ExpectedEntry(3, nil, "15:5", "15:192", "Cohn L, Elias JA", "2004;22:789–815. PubMed (https://pubmed.ncbi.nlm.nih.gov/15032597/)"),
                ExpectedEntry(4, nil, "16:5", "16:102", "Specjalski K, Jassem E.", "J Asthma. 2011;48(8):767–772."),
            ])
    }

    @Test func wordpressParagraphWithBreaksThenList() throws {
        try check(
            "wordpress.html", heading: "Sources:", headingAt: "4:12", blocks: 2..<5,
            [
                ExpectedEntry(1, "1.", "5:1", "5:77", "Holick MF. Vitamin D deficiency. N Engl J Med. 2007;357(3):266–281.", "266–281."),
                ExpectedEntry(2, "2.", "6:1", "6:216", "Bischoff-Ferrari HA", "Am J Clin Nutr. 2006;84(1):18–28."),
                ExpectedEntry(3, "3.", "7:1", "7:152", "Manson JE", "2019;380(1):33–44."),
                ExpectedEntry(4, nil, "9:37", "9:184", "Pittas AG", "2019;381(6):520–530."),
                ExpectedEntry(5, nil, "10:37", "10:213", "Bouillon R", "Endocr Rev. 2019;40(4):1109–1151."),
            ])
    }

    @Test func hangingIndentWithoutLabels() throws {
        try check(
            "hanging-indent.txt", heading: "Bibliography", headingAt: "6:1", blocks: 3..<4,
            [
                ExpectedEntry(
                    nil, nil, "8:1", "9:52",
                    "Derry CJ, Derry S, Moore RA. Caffeine as an analgesic adjuvant for acute pain in adults. Cochrane Database Syst Rev. 2014;(12):CD009281."),
                ExpectedEntry(nil, nil, "10:1", "11:32", "Alstadhaug KB, Andreou AP. Caffeine and primary (migraine) headaches - friend or foe? Front Neurol. 2019;10:1275."),
                ExpectedEntry(nil, nil, "12:1", "13:52", "Lipton RB", "patients with headache. J Headache Pain. 2017;18(1):107."),
            ])
    }

    @Test func trailingReferencesWithoutHeading() throws {
        try check(
            "no-heading.txt", heading: nil, blocks: 2..<3,
            [
                ExpectedEntry(nil, nil, "6:1", "6:123", "Cohn L, Elias JA, Chupp GL (2004)", "Annu Rev Immunol 22: 789–815."),
                ExpectedEntry(nil, nil, "7:1", "7:148", "Anderson GP (2008)", "Lancet 372(9643): 1107–1119."),
                ExpectedEntry(nil, nil, "8:1", "8:136", "Montuschi P, Barnes PJ (2011)", "Drug Discov Today 16: 1084–1091."),
            ])
    }

    @Test func crlfWithRepeatedNumber() throws {
        try check(
            "crlf.txt", heading: "References:", headingAt: "7:1", blocks: 4..<7,
            [
                ExpectedEntry(1, "[1]", "8:1", "8:134", "Bane C, Hughes CM, McElnay JC.", "Int J Pharm Pract. 2006;14:197–204."),
                ExpectedEntry(
                    2, "[2]", "9:1", "10:66", "Gallacher K, Jani B, Morrison D, et al. Qualitative systematic reviews of treatment burden in stroke, heart failure and diabetes.",
                    "BMC Med Res Methodol. 2013;13:10."),
                ExpectedEntry(2, "[2]", "11:1", "11:165", "Jagannathan M", "Diabetologia. 2010;53(7):1461–71."),
            ])
        let document = try Fixtures.document("crlf.txt")
        #expect(document.directives == [SuppressionDirective(action: .disableNextLine, rules: ["ref-missing-doi"], line: 4)])
        #expect(!document.blocks.contains { $0.text.contains("citecheck-") })
    }

    @Test func byteOrderMarkAndMultibyteText() throws {
        try check(
            "bom.txt", heading: "Works cited", headingAt: "7:1", blocks: 4..<6,
            [
                ExpectedEntry(1, "(1)", "8:1", "8:187", "Priftis KN", "Pediatr Allergy Immunol. 2006;17:194–198."),
                ExpectedEntry(
                    2, "(2)", "9:1", "9:185", "Papakonstantinou E, Klagas I, Karakiulakis G, Hostettler K, Teck S’ng C, et al. Steroids and β2-agonists",
                    "2012;47:759–767."),
            ])
        let document = try Fixtures.document("bom.txt")
        #expect(document.blocks.first?.text == "“Stéroïdes” et asthme de l’enfant")
        #expect(document.blocks.first?.range.end == SourcePosition(line: 1, column: 34))
    }
}
