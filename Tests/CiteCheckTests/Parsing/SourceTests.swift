import Testing

@testable import CiteCheck

@Suite struct SourceTests {
    let parser = ReferenceParser()

    /// A prime after a number (`5'-`, `3' untranslated`) inside a Harvard title in straight single quotes does not
    /// close the title; a quote after a year at the title's end does.
    @Test(
        arguments: [
            (
                "Baggott, J.E. and Krumdieck, C.L. (1979) 'Folylpoly-gamma-glutamates as cosubstrates of 10-formyltetrahydrofolate:5'-phosphoribosyl-5-amino-4-imidazolecarboxamide formyltransferase', Biochemistry, 18(6), pp. 1036–1041.",
                "Folylpoly-gamma-glutamates as cosubstrates of 10-formyltetrahydrofolate:5'-phosphoribosyl-5-amino-4-imidazolecarboxamide formyltransferase",
                "Biochemistry"
            ),
            (
                "Smith, J. and Lee, K. (2010) 'Regulation of the 3' untranslated region in neurons', Journal of Neuroscience, 30(2), pp. 100–110.",
                "Regulation of the 3' untranslated region in neurons", "Journal of Neuroscience"
            ),
            (
                "Jones, A. (2015) 'Mortality trends 1990-2010', The Lancet, 385(9963), pp. 117–171.",
                "Mortality trends 1990-2010", "The Lancet"
            ),
        ] as [(String, String, String)])
    func primesInSingleQuotedTitles(_ text: String, _ title: String, _ journal: String) {
        let r = parser.parse(text)
        #expect(r.title == title)
        #expect(r.journal == journal)
    }

    @Test func abbreviatedLastPageAndMonth() {
        let r = parser.parse("Smith A, Jones B. Title here. Neuropsychopharmacology. 2013 Nov;38(12):2475-83.")
        #expect(r.month == "Nov")
        #expect(r.pages == PageRange(first: "2475", last: "2483", lastAsWritten: "83"))
    }

    @Test(
        arguments: [
            ("Smith A. Title here. BMC Genomics. 2010;11 Suppl 2:S1.", "11", nil, "Suppl 2", "S1"),
            ("Smith A. Title here. Am J Trop Med Hyg. 2007;77(6 Suppl):1-10.", "77", "6", "Suppl", "1"),
            ("Smith A (2010) Title here. Sex Transm Infect 86 (Suppl 2) ii28–ii34.", "86", nil, "Suppl 2", "ii28"),
        ] as [(String, String, String?, String, String)])
    func supplements(_ text: String, _ volume: String, _ issue: String?, _ supplement: String, _ first: String) {
        let r = parser.parse(text)
        #expect(r.volume == volume)
        #expect(r.issue == issue)
        #expect(r.supplement == supplement)
        #expect(r.pages?.first == first)
    }

    @Test(arguments: [
        ("Noor MA (2006) Data sharing. PLoS Biol 4: e228", "e228"),
        ("Smith A, Jones B. Title here. PLoS One. 2014;9(5):e0123456.", "e0123456"),
        ("Smith, A. (2020). Title here. Heliyon, 6(3), Article 100288.", "100288"),
        ("Smith A. Title here. Cochrane Database Syst Rev. 2014;(6):CD001234.", "CD001234"),
    ])
    func articleNumbers(_ text: String, _ number: String) {
        let r = parser.parse(text)
        #expect(r.pages?.first == number)
        #expect(r.pages?.last == nil)
    }

    @Test func articleNumberFlag() {
        #expect(PageRange(first: "e0123456").isArticleNumber)
        #expect(!PageRange(first: "681", last: "688").isArticleNumber)
    }

    @Test(arguments: [
        ("2475", "83", "2483"), ("681", "688", "688"), ("1029", "30", "1030"), ("S12", "5", "S15"), ("e1", "e9", "e9"),
    ])
    func expandLastPage(_ first: String, _ last: String, _ expanded: String) {
        #expect(ReferenceParser.expandLastPage(first: first, last: last) == expanded)
    }

    @Test func pagesOnlyWithLabel() {
        let r = parser.parse("Segal A, Thrun S (2009) Generalized-ICP. Proc ECCV: 418–432.")
        #expect(r.journal == "Proc ECCV")
        #expect(r.pages?.first == "418")
        #expect(r.volume == nil)
    }

    @Test func journalWithAbbreviationPeriods() {
        let r = parser.parse("Sastry GM, Sherman W. Protein and ligand preparation. J. Comput. Aid. Mol. Des. 2013; 27: 221–234.")
        #expect(r.title == "Protein and ligand preparation")
        #expect(r.journal == "J. Comput. Aid. Mol. Des")
        #expect(r.volume == "27")
    }

    @Test func multiSentenceTitle() {
        let r = parser.parse("Piwowar HA (2011) Who shares? Who doesn't? Factors associated with openly archiving raw research data. PLoS ONE 6: e18657")
        #expect(r.title == "Who shares? Who doesn't? Factors associated with openly archiving raw research data")
        #expect(r.journal == "PLoS ONE")
    }

    @Test func monthRangeAndExtraPages() {
        let r = parser.parse("J Mol Graph. 1996 Jul-Aug;14(1):33-8, 27-8")
        #expect(r.month == "Jul-Aug")
        #expect(r.volume == "14")
        #expect(r.pages == PageRange(first: "33", last: "38", lastAsWritten: "8"))
        #expect(r.unparsed == "27-8")
        #expect(r.style == .vancouver)
    }

    @Test func lancetSpacing() {
        let r = parser.parse("Fitzpatrick ME, Kunisaki KM, Morris A. Pulmonary disease in HIV-infected adults in the era of antiretroviral therapy. AIDS 2018; 32: 277-292.")
        #expect(r.journal == "AIDS")
        #expect(r.year == 2018)
        #expect(r.volume == "32")
        #expect(r.pages?.last == "292")
    }

    @Test func natureYearAfterDOI() {
        let r = parser.parse("Overstreet, D. H. & Wegener, G. The flinders sensitive line rat model. Pharmacol. Rev. 65, 143–155. https://doi.org/10.1124/pr.111.005397 (2013).")
        #expect(r.journal == "Pharmacol. Rev")
        #expect(r.year == 2013)
        #expect(r.doi == "10.1124/pr.111.005397")
        #expect(r.style == .nature)
    }

    @Test func bookWithEditionAndPublisher() {
        let r = parser.parse(
            "American Psychiatric Association. Diagnostic and Statistical Manual of Mental Disorders. 5th ed. Arlington, VA: American Psychiatric Publishing; 2013.")
        #expect(r.authors.first?.isGroup == true)
        #expect(r.title == "Diagnostic and Statistical Manual of Mental Disorders")
        #expect(r.journal == nil)
        #expect(r.year == 2013)
        #expect(r.unparsed == "5th ed. Arlington, VA: American Psychiatric Publishing")
    }

    @Test func conferenceYearBeforePages() {
        let r = parser.parse(
            "Catalano D, Fiore D and Gennaro R. Certificateless Onion Routing. Proceedings of the 16th ACM Conference on Computer and Communications Security, 2009, pp. 151–160.")
        #expect(r.authors.map(\.family) == ["Catalano", "Fiore", "Gennaro"])
        #expect(r.journal == "Proceedings of the 16th ACM Conference on Computer and Communications Security")
        #expect(r.year == 2009)
        #expect(r.pages?.first == "151")
    }
}

/// Where the lexicon alone would split title and journal wrongly, the journal catalog decides.
@Suite struct CatalogJournalSplitTests {
    let parser = ReferenceParser()

    @Test(arguments: [
        ("Chua B, Elson C. Growth-dependent factors in Tetrahymena. Biochim. Biophys. Acta 478, 474–485 (1977).", "Biochim. Biophys. Acta"),
        ("Fagius J. Pseudoclaudication caused by a tumour of the cauda equina. J. Neurol. Neurosurg. Psychiatry 42, 187–189 (1979).", "J. Neurol. Neurosurg. Psychiatry"),
        (
            "Jacobsen JR. Cervical aortic arch with ventricular septal defect. A differential diagnosis from interrupted aortic arch. Eur J Cardiol. 1979 Apr;9(4):277-83.",
            "Eur J Cardiol"
        ),
        (
            "Wilkins RA, Hatfield A. (1977). Cholangiopancreatography in carcinoma of the pancreas. AJR. American Journal of Roentgenology, 128(5), 747–749.",
            "AJR. American Journal of Roentgenology"
        ),
        ("Smith A, Jones B. Title here. Neuropsychopharmacology. 2013 Nov;38(12):2475-83.", "Neuropsychopharmacology"),
    ])
    func journalIsTheLongestKnownTail(_ text: String, _ journal: String) {
        let parsed = parser.parse(text)
        #expect(parsed.journal == journal)
        #expect(parsed.title.map { !$0.contains(journal) } ?? false)
    }
}
