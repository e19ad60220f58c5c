import Testing

@testable import CiteCheck

@Suite struct IdentifierTests {
    let parser = ReferenceParser()

    @Test func vancouverIdentifiersAndEpub() {
        let r = parser.parse(
            "Smith A, Jones B. Title here. Neuropsychopharmacology. 2013 Nov;38(12):2475-83. doi: 10.1038/npp.2013.150. Epub 2013 Jun 12. PMID: 23783065; PMCID: PMC3799067.")
        #expect(r.doi == "10.1038/npp.2013.150")
        #expect(r.pmid == "23783065")
        #expect(r.pmcid == "PMC3799067")
        #expect(r.epubYear == 2013)
        #expect(r.notes.contains(ReferenceNote(kind: .epub, text: "Epub 2013 Jun 12")))
        #expect(r.unparsed == nil)
        #expect(r.pages?.last == "2483")
    }

    @Test(arguments: [
        ("Smith A. Title. J Foo. 2014;1:1-2. doi:10.1001/jama.2014.62", "10.1001/jama.2014.62"),
        ("Smith, A. (2014). Title. J Foo, 1, 1–2. https://doi.org/10.1001/jama.2014.62", "10.1001/jama.2014.62"),
        ("Smith A. Title. J Foo. 2014;1:1-2. http://dx.doi.org/10.1016/S0140-6736(14)60123-4.", "10.1016/S0140-6736(14)60123-4"),
        ("Smith A (2014) Title. J Foo 1: 1–2. DOI: 10.1371/journal.pone.0024357", "10.1371/journal.pone.0024357"),
    ])
    func dois(_ text: String, _ doi: String) {
        let r = parser.parse(text)
        #expect(r.doi == doi)
        #expect(r.url == nil)
        #expect(r.pages?.first == "1")
    }

    @Test func urlIsNotADOI() {
        let r = parser.parse("World Health Organization. Mental health atlas. Geneva: WHO; 2018. Available from: https://www.who.int/publications/i/item/9789241514019.")
        #expect(r.url == "https://www.who.int/publications/i/item/9789241514019")
        #expect(r.doi == nil)
    }

    @Test func epubAheadOfPrintAndCorrection() {
        let r = parser.parse("Smith A. Title here. J Foo. 2019 Sep 17. [Epub ahead of print] [published correction appears in J Foo. 2020;3:4]")
        #expect(r.notes.map(\.kind) == [.epubAheadOfPrint, .correction])
        #expect(r.notes.last?.text == "published correction appears in J Foo. 2020;3:4")
        #expect(r.year == 2019)
        #expect(r.journal == "J Foo")
    }

    @Test func publishedOnline() {
        let r = parser.parse("Smith A, Jones B. Title here. JAMA. 2018;320(1):10-20. Published online March 3, 2017.")
        #expect(r.epubYear == 2017)
        #expect(r.notes.first?.kind == .epub)
        #expect(r.year == 2018)
        #expect(r.volume == "320")
    }

    @Test func leftoversAreKept() {
        let r = parser.parse("Smith A. Title here. J Foo. 2014;1:1-2. Some trailing remark")
        #expect(r.unparsed == "Some trailing remark")
    }

    @Test func publishedOnlineOnly() {
        let r = parser.parse("Smith J, Jones K. Ketamine infusion outcomes. JAMA. Published online June 3, 2020. doi:10.1001/jama.2020.1234")
        #expect(r.journal == "JAMA")
        #expect(r.year == 2020)
        #expect(r.epubYear == 2020)
        #expect(r.doi == "10.1001/jama.2020.1234")
    }

    @Test func apaWebPage() {
        let r = parser.parse("World Health Organization. (2020). Mental health atlas 2020. https://www.who.int/publications/i/item/9789240036703")
        #expect(r.authors.first?.family == "World Health Organization")
        #expect(r.title == "Mental health atlas 2020")
        #expect(r.journal == nil)
        #expect(r.year == 2020)
        #expect(r.url == "https://www.who.int/publications/i/item/9789240036703")
    }

    @Test func vancouverInternetCitedNotes() {
        let r = parser.parse(
            "Smith J. Patient portals and adherence. J Med Internet Res [Internet]. 2019 [cited 2020 Jan 1];21(3):e123. Available from: https://www.jmir.org/2019/3/e123")
        #expect(r.journal == "J Med Internet Res")
        #expect(r.year == 2019)
        #expect(r.volume == "21")
        #expect(r.pages?.first == "e123")
        #expect(r.notes.map(\.text) == ["Internet", "cited 2020 Jan 1"])
        #expect(r.url == "https://www.jmir.org/2019/3/e123")
    }
}
