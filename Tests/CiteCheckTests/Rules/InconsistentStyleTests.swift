import Testing

@testable import CiteCheck

@Suite struct InconsistentStyleTests {
    /// A list shaped like the seed post's: entries 1–3 quote their titles and 4–6 do not, entry 2 spells its
    /// journal in full while the others abbreviate (or use one-word names), entry 3 adds an online year.
    static func seedShapedPost() -> TestPost {
        let lines = [
            "Alpha A, Beta B, et al. “Trial one.” JAMA Psychiatry. 2014;71(6):681–688.",
            "Alpha A, Gamma C, et al. “Trial two.” American Journal of Psychiatry. 2021;178(2):193–202.",
            "Delta D, Eps E, et al. “Trial three.” Neuropsychopharmacology. 2018;43:325–333 (online 2017).",
            "Zeta Z, Eta E, et al. Study four. J Psychopharmacol. 2020;34(3):267-277.",
            "Theta T, Iota I, et al. Study five. Neuropsychopharmacology. 2013;38(12):2475-2483.",
            "Kappa K. Review six. Depress Anxiety. 2014;31(3):199-212.",
        ]
        var text = "A post.\n\nReferences:\n\n"
        for (i, line) in lines.enumerated() { text += "    \(i + 1). \(line)\n" }
        var post = TestPost(text)
        let fields: [(title: String, quoted: Bool, journal: String, year: Int, volume: String, pages: PageRange, epub: Int?)] = [
            ("Trial one", true, "JAMA Psychiatry", 2014, "71", PageRange(first: "681", last: "688"), nil),
            ("Trial two", true, "American Journal of Psychiatry", 2021, "178", PageRange(first: "193", last: "202"), nil),
            ("Trial three", true, "Neuropsychopharmacology", 2018, "43", PageRange(first: "325", last: "333"), 2017),
            ("Study four", false, "J Psychopharmacol", 2020, "34", PageRange(first: "267", last: "277"), nil),
            ("Study five", false, "Neuropsychopharmacology", 2013, "38", PageRange(first: "2475", last: "2483"), nil),
            ("Review six", false, "Depress Anxiety", 2014, "31", PageRange(first: "199", last: "212"), nil),
        ]
        for (i, line) in lines.enumerated() {
            let f = fields[i]
            let titleText = f.quoted ? "“\(f.title).”" : f.title
            post.add(label: "\(i + 1).", line, fields: [.title: titleText, .journal: f.journal]) {
                article(
                    &$0, authors: [String(line.prefix { $0 != "," && $0 != "." })], title: f.title, quoted: f.quoted, journal: f.journal,
                    year: f.year, volume: f.volume, pages: f.pages, style: f.quoted ? .ama : .vancouver)
                $0.epubYear = f.epub
            }
        }
        return post
    }

    @Test func seedShapedListGivesNoErrorsAndReportsQuotingAndJournal() {
        let found = Self.seedShapedPost().lint()
        #expect(!found.contains { $0.severity == .error })
        let style = found.filter { $0.rule == "ref-inconsistent-style" }
        #expect(style.map(\.reference) == [2, 4])
        let journal = style.first { $0.field == .journal }
        #expect(journal?.reference == 2)
        #expect(journal?.message == "reference 2 gives the journal name in full; most references (2 of 3) use abbreviated journal names")
        #expect(journal?.range.start == SourcePosition(line: 6, column: 46))
        let quoting = style.first { $0.field == .title }
        #expect(quoting?.reference == 4)
        #expect(quoting?.message == "the reference list mixes quoted titles (references 1–3) and unquoted titles (references 4–6) with no majority; use one convention")
        #expect(found.filter { $0.rule == "ref-epub-year" }.map(\.reference) == [3])
        // House style: infos, not warnings.
        #expect(style.allSatisfy { $0.severity == .info })
        #expect(found.filter { $0.severity == .warning }.isEmpty)
    }

    @Test func strictMajorityReportsEachMinorityEntry() {
        var post = TestPost("R\n\n1. a\n2. b\n3. c\n4. d\n")
        for (i, quoted) in [false, true, false, true].enumerated() where i < 3 {
            post.add(label: "\(i + 1).", ["a", "b", "c"][i]) {
                $0.title = "T"
                $0.titleQuoted = quoted
            }
        }
        let found = post.run(RefInconsistentStyleRule.self)
        #expect(found.map(\.reference) == [2])
        #expect(found.first?.message == "reference 2 has its title in quotes; most references (2 of 3) use unquoted titles")
        #expect(found.first?.expected == "unquoted")
        #expect(found.first?.found == "quoted")
    }

    @Test func configuredStyleReportsEveryOtherStyleOnce() {
        var post = TestPost("R\n\n1. a\n2. b\n3. c\n")
        for (i, style) in [CitationStyle.apa, .apa, .vancouver].enumerated() {
            post.add(label: "\(i + 1).", ["a", "b", "c"][i]) {
                $0.title = "T"
                $0.style = style
                $0.titleQuoted = style == .vancouver
                $0.authors = [Author(family: "Smith", given: style == .apa ? "J." : "J")]
            }
        }
        let configured = post.run(RefInconsistentStyleRule.self, Configuration(style: .style(.vancouver)))
        #expect(configured.map(\.reference) == [1, 2])
        #expect(configured.first?.message == "reference 1 is written in APA style; the configuration asks for Vancouver/AMA")
        let majority = post.run(RefInconsistentStyleRule.self)
        // Entry 3 differs in style; its quoting and author format are not reported again.
        #expect(majority.map(\.reference) == [3])
        #expect(majority.first?.message == "reference 3 is written in Vancouver/AMA style; most references (2 of 3) use APA style")
    }

    @Test func authorFormats() {
        #expect(RefInconsistentStyleRule.authorFormat(Author(family: "Feder", given: "A"), raw: "Feder A") == "initials without periods (Feder A)")
        #expect(RefInconsistentStyleRule.authorFormat(Author(family: "Feder", given: "A."), raw: "Feder, A.") == "initials with periods (Feder, A.)")
        #expect(RefInconsistentStyleRule.authorFormat(Author(family: "Feder", given: "Adriana"), raw: "Adriana Feder and") == "given name first (Adriana Feder)")
        #expect(RefInconsistentStyleRule.authorFormat(Author(family: "Feder", given: "Adriana"), raw: "Feder, Adriana") == "full given names (Feder, Adriana)")
    }

    @Test func journalFormFallback() {
        #expect(LintNormalization.journalForm("American Journal of Psychiatry") == .full)
        #expect(LintNormalization.journalForm("Am J Psychiatry") == .abbreviated)
        #expect(LintNormalization.journalForm("J. Psychopharmacol.") == .abbreviated)
        #expect(LintNormalization.journalForm("Depress Anxiety") == .abbreviated)
        #expect(LintNormalization.journalForm("JAMA Psychiatry") == nil)
        #expect(LintNormalization.journalForm("Neuropsychopharmacology") == nil)
        #expect(LintNormalization.journalForm("Science") == nil)
        #expect(LintNormalization.journalForm("Science Commun") == .abbreviated || LintNormalization.journalForm("Science Commun") == nil)
        #expect(LintNormalization.journalForm("Journal of Vision") == .full)
        #expect(LintNormalization.journalForm("Clinical Psychology Review") == .full)
    }

    @Test func aQuotedPhraseAtTheStartIsNotAQuotedTitle() {
        func parsed(_ raw: String, title: String) -> ParsedReference {
            var p = ParsedReference(raw: raw)
            p.titleQuoted = true
            p.title = title
            let bytes = Array(raw.utf8)
            let needle = Array(title.utf8)
            let start = TestPost.find(needle, in: bytes) ?? 0
            p.fieldRanges[.title] = start..<(start + needle.count)
            return p
        }
        #expect(
            !RefInconsistentStyleRule.isWhollyQuoted(
                parsed("Wood JP (2010) ‘Getting back to real living’: a qualitative study. Clin Rehabil 24: 1045.", title: "‘Getting back to real living’: a qualitative study")))
        #expect(RefInconsistentStyleRule.isWhollyQuoted(parsed("Feder A. “Efficacy of ketamine.” JAMA Psychiatry. 2014.", title: "Efficacy of ketamine")))
        #expect(RefInconsistentStyleRule.isWhollyQuoted(parsed("Feder A. “Does it work?” JAMA Psychiatry. 2014.", title: "Does it work?")))
        // The parser may take the quoted phrase alone as the title; what follows the quote tells.
        #expect(
            !RefInconsistentStyleRule.isWhollyQuoted(
                parsed("Wood JP (2010) ‘Getting back to real living’: a qualitative study. Clin Rehabil 24: 1045.", title: "Getting back to real living")))
        #expect(!RefInconsistentStyleRule.isWhollyQuoted(parsed("Hotez PJ (2010) “Manifesto” for advancing control. PLOS Negl Trop Dis 4: e718.", title: "Manifesto")))
        #expect(RefInconsistentStyleRule.isWhollyQuoted(parsed("Smith, J. (2001) 'A title', Lancet, 1, pp. 1-2.", title: "A title")))
    }
}
