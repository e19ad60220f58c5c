import Testing

@testable import CiteCheck

/// Identifiers written only inside links, DOIs glued to the next word or broken by a space, garbled dashes.
@Suite struct LinkIdentifierTests {
    let parser = ReferenceParser()

    @Test(arguments: [
        ("Milk and sclerosis (http://www.ncbi.nlm.nih.gov/pubmed/1291895)", "1291895"),
        ("Omega-3 and mood https://pubmed.ncbi.nlm.nih.gov/31234567/", "31234567"),
        ("Old link http://www.ncbi.nlm.nih.gov/entrez/query.fcgi?cmd=Retrieve&db=PubMed&list_uids=9876543&dopt=Abstract", "9876543"),
        ("Europe PMC https://europepmc.org/article/MED/24740528", "24740528"),
    ])
    func pmidFromURL(_ text: String, _ pmid: String) {
        let r = parser.parse(text)
        #expect(r.pmid == pmid)
        #expect(r.title.map { !$0.contains("http") && !$0.contains("(") } ?? true, "\(r.title ?? "")")
        #expect(r.kind == .article)
    }

    @Test func pmcidFromURL() {
        let r = parser.parse("Vitamin D in winter (https://www.ncbi.nlm.nih.gov/pmc/articles/PMC3356951/)")
        #expect(r.pmcid == "PMC3356951")
        #expect(r.title == "Vitamin D in winter")
    }

    @Test(arguments: [
        ("Trial https://onlinelibrary.wiley.com/doi/full/10.1002/ajh.25123", "10.1002/ajh.25123"),
        ("Trial https://onlinelibrary.wiley.com/doi/abs/10.1002/ajh.25123", "10.1002/ajh.25123"),
        ("Trial https://www.nejm.org/doi/pdf/10.1056/NEJMoa2001316?articleTypes=x", "10.1056/NEJMoa2001316"),
        ("Trial https://www.example.com/doi/10.1177/0956797612447805.pdf", "10.1177/0956797612447805"),
        ("Trial https://journals.example.org/doi/10.1111/jsr.12345/full", "10.1111/jsr.12345"),
        ("Trial (https://doi.org/10.1016/S0140-6736(14)60123-4)", "10.1016/S0140-6736(14)60123-4"),
        ("Trial https://dx.doi.org/10.1371/journal.pmed.1000097.", "10.1371/journal.pmed.1000097"),
    ])
    func doiFromURL(_ text: String, _ doi: String) {
        let r = parser.parse(text)
        #expect(r.doi == doi)
        #expect(r.title == "Trial")
        #expect(r.pages == nil)
    }

    @Test func doiGluedToTheNextWord() {
        let r = parser.parse("Ward P, Diaz R. Bone health in cyclists. PeerJ. 2016;4:e1605. doi: 10.7717/peerj.1605.PubMed PMID: 26855863")
        #expect(r.doi == "10.7717/peerj.1605")
        #expect(r.pmid == "26855863")
        #expect(r.pages?.first == "e1605")
    }

    @Test func doiBrokenByASpace() {
        let r = parser.parse("Smith J, Lee K. Cancer prevention trial. Cancer Prev Res. 2015;8(1):12-20. doi: 10.1158/1940 6207.CAPR-14-0362")
        #expect(r.doi == nil)
        #expect(r.malformedDOI == "10.1158/1940 6207.CAPR-14-0362")
        #expect(r.doiSuggestion == "10.1158/1940-6207.CAPR-14-0362")
        #expect(r.pages == PageRange(first: "12", last: "20", lastAsWritten: "20"))
        #expect(r.unparsed == nil)
        let json = ReferenceJSON.object(r)
        #expect(json.contains("\"doiSuggestion\":\"10.1158/1940-6207.CAPR-14-0362\""))
    }

    @Test func doiThenPageIsNotBroken() {
        let r = parser.parse("Smith J. Title. J Foo. 2015;8:12. doi:10.1000/12345 12345678")
        #expect(r.malformedDOI == nil)
        #expect(r.doi == "10.1000/12345")
    }

    @Test(arguments: ["1405ï¿½1408", "1405\u{FFFD}1408"])
    func garbledDash(_ pages: String) {
        let text = "Brown A. Sleep and memory. J Sleep Res. 2001;10(4):\(pages)."
        let r = parser.parse(text)
        #expect(r.pages == PageRange(first: "1405", last: "1408", lastAsWritten: "1408"))
        #expect(r.garbledCharacters.count == 1)
        if let g = r.garbledCharacters.first {
            let bytes = Array(text.utf8)[g]
            #expect(String(decoding: bytes, as: UTF8.self) == (pages.contains("\u{FFFD}") ? "\u{FFFD}" : "ï¿½"))
        }
    }

    @Test func garbledLetterStaysInTheName() {
        let r = parser.parse("M\u{FFFD}ller A, Berg B. Title. J Foo. 2001;10:1-2.")
        #expect(r.authors.first?.family == "M\u{FFFD}ller")
        #expect(r.garbledCharacters.count == 1)
    }

    @Test(arguments: [
        ("https://www.example.de/fsme.html (aufgerufen am 14.08.2020), FSME-Virus, Beispiel-Lexikon", "aufgerufen am 14.08.2020"),
        ("Sleep Foundation. Naps. Retrieved 2017-07-28, from https://www.example.org/naps", "Retrieved 2017-07-28"),
    ])
    func accessDatesAreNotVolumes(_ text: String, _ note: String) {
        let r = parser.parse(text)
        #expect(r.volume == nil)
        #expect(r.pages == nil)
        #expect(r.notes.contains(ReferenceNote(kind: .other, text: note)), "\(r.notes)")
        #expect(r.kind == .web)
    }

    @Test func publicationDateGivesTheYear() {
        let r = parser.parse("Lena Hahn (10.08.2020), Viele Zecken im Landkreis, Lokalblatt")
        #expect(r.year == 2020)
        #expect(r.volume == nil)
        #expect(r.pages == nil)
    }

    @Test func monthDayYearIsADate() {
        let r = parser.parse("Sleep Lab. Episode notes. June-19-2017. https://example.org/notes")
        #expect(r.year == 2017)
        #expect(r.pages == nil)
        #expect(r.volume == nil)
    }
}
