import Testing

@testable import CiteCheck

/// Books, chapters and web pages: a publisher is no journal, an editor is no author, `from` is no journal.
@Suite struct BookVariantTests {
    let parser = ReferenceParser()

    @Test(arguments: [
        ("Walker M. The body keeps time. London: Penguin; 2017.", "London: Penguin"),
        ("Walker, M. (2017). The body keeps time. Oxford University Press.", "Oxford University Press"),
        ("Walker, M. (2017) The body keeps time. London: Penguin.", "London: Penguin"),
        ("Walker, Matthew. 2017. The Body Keeps Time. New York: Scribner.", "New York: Scribner"),
    ])
    func publisherIsNoJournal(_ text: String, _ publisher: String) {
        let r = parser.parse(text)
        #expect(r.title?.lowercased() == "the body keeps time")
        #expect(r.journal == nil)
        #expect(r.unparsed == publisher)
        #expect(r.year == 2017)
        #expect(r.kind == .book)
    }

    @Test func chapterWithEditor() {
        let r = parser.parse("Nagel S. Sleep in infancy. In: Ruiz P, ed. Pediatric Care. New York: Springer; 2011. p. 45-60.")
        #expect(r.authors.map(\.family) == ["Nagel"])
        #expect(r.title == "Sleep in infancy")
        #expect(r.journal == "Pediatric Care")
        #expect(r.pages == PageRange(first: "45", last: "60", lastAsWritten: "60"))
        #expect(r.kind == .chapter)
    }

    @Test func germanChapterWithHrsg() {
        let r = parser.parse("Müller K. Schlaf. In: Bauer A (Hrsg.). Handbuch Schlaf. Berlin: Springer; 2018. S. 12–14.")
        #expect(r.title == "Schlaf")
        #expect(r.journal == "Handbuch Schlaf")
        #expect(r.year == 2018)
        #expect(r.pages == PageRange(first: "12", last: "14", lastAsWritten: "14"))
        #expect(r.kind == .chapter)
    }

    @Test func retrievedDateThenFrom() {
        let r = parser.parse("Sleep Foundation. Naps. Retrieved 2017-07-28, from https://www.example.org/naps")
        #expect(r.journal == nil)
        #expect(r.url == "https://www.example.org/naps")
        #expect(r.notes == [ReferenceNote(kind: .other, text: "Retrieved 2017-07-28")])
        #expect(r.kind == .web)
    }
}
