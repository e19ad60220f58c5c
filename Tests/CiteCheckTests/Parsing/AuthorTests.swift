import Testing

@testable import CiteCheck

@Suite struct AuthorTests {
    let parser = ReferenceParser()

    @Test(
        arguments: [
            ("van der Berg JH, Smith A. Title here. J Foo. 2010;1:1-2.", ["van der Berg", "Smith"]),
            ("Aan Het Rot M, Collins KA, Murrough JW. Title here. Biol Psychiatry. 2010;67(2):139-45.", ["Aan Het Rot", "Collins", "Murrough"]),
            ("aan het Rot M, de Vries A. Title here. J Foo. 2010;1:1-2.", ["aan het Rot", "de Vries"]),
            ("Le Bihan D, von Neumann J. Title here. J Foo. 2010;1:1-2.", ["Le Bihan", "von Neumann"]),
            ("Landeros-Weisenberger A, O'Meara B, d’Eysmond T. Title here. J Foo. 2010;1:1-2.", ["Landeros-Weisenberger", "O'Meara", "d’Eysmond"]),
            ("Curry Rogers K, dos Santos R. Title here. J Foo. 2010;1:1-2.", ["Curry Rogers", "dos Santos"]),
            ("de Roever, W.-P., & van Os, J. (2001). Title here. J Foo, 1(2), 3–4.", ["de Roever", "van Os"]),
            ("A. Cau, R. Kuiper, and W.-P. de Roever. Formalising Dijkstra's development strategy. J Foo 1(1):1-10, 1992.", ["Cau", "Kuiper", "de Roever"]),
        ] as [(String, [String])])
    func familyNames(_ text: String, _ families: [String]) {
        #expect(parser.parse(text).authors.map(\.family) == families)
    }

    @Test(arguments: [
        ("Smith JR Jr, Jones A. Title here. J Foo. 2010;1:1-2.", "Jr"),
        ("Chapin FS III, Shaver GR (1985) Title here. Ecology 77: 822–840.", "III"),
        ("King, M. L., Jr., & Doe, J. (1999). Title here. J Foo, 1, 2–3.", "Jr"),
    ])
    func suffixes(_ text: String, _ suffix: String) {
        let first = parser.parse(text).authors.first
        #expect(first?.suffix == suffix)
        #expect(first?.given.contains(suffix) == false)
    }

    @Test func groupAuthorVancouver() {
        let r = parser.parse("World Health Organization. Global report on diabetes. Geneva: World Health Organization; 2016.")
        #expect(r.authors == [Author(family: "World Health Organization", isGroup: true)])
        #expect(r.title == "Global report on diabetes")
        #expect(r.year == 2016)
    }

    @Test func groupAuthorBeforeYear() {
        let r = parser.parse("Centers for Disease Control and Prevention (2012) Progress toward global eradication of dracunculiasis. MMWR Morb Mortal Wkly Rep 61: 854–7.")
        #expect(r.authors.map(\.family) == ["Centers for Disease Control and Prevention"])
        #expect(r.authors.first?.isGroup == true)
        #expect(r.pages?.last == "857")
    }

    @Test func groupAmongPeople() {
        let r = parser.parse(
            "The Cancer Genome Atlas Research Network, Weinstein JN, Collisson EA (2013) The Cancer Genome Atlas Pan-Cancer analysis project. Nat Genet 45: 1113–1120.")
        #expect(r.authors.map(\.family) == ["The Cancer Genome Atlas Research Network", "Weinstein", "Collisson"])
        #expect(r.title == "The Cancer Genome Atlas Pan-Cancer analysis project")
    }

    @Test(arguments: ["et al.", "et al", "et. al.", "and others"])
    func etAlSpellings(_ spelling: String) {
        let r = parser.parse("Feder A, Parides MK, \(spelling) (2014) Title here. JAMA Psychiatry 71: 681–688.")
        #expect(r.etAl)
        #expect(r.authors.map(\.family) == ["Feder", "Parides"])
        #expect(r.title == "Title here")
    }

    @Test(arguments: [
        ("Proc Natl Acad Sci U S A. 1987 May;84(9):2658-62", "Proc Natl Acad Sci U S A"),
        ("J Gen Virol. 1975 Aug;28(2):207-17", "J Gen Virol"),
        ("J Clin Invest. 2016 Dec 1;126(12):4537-4553", "J Clin Invest"),
    ])
    func journalOnlyCitations(_ text: String, _ journal: String) {
        let r = parser.parse(text)
        #expect(r.authors.isEmpty)
        #expect(r.title == nil)
        #expect(r.journal == journal)
        #expect(r.month?.contains(" ") == false)
    }

    @Test func noAuthors() {
        let r = parser.parse("Hum Genet. 2006 Sep;120(2):262-9")
        #expect(r.authors.isEmpty)
        #expect(r.journal == "Hum Genet")
        #expect(r.month == "Sep")
        #expect(r.pages?.last == "269")
    }
}
