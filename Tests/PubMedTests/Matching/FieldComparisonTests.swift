import CiteCheck
import Testing

@testable import PubMed

@Suite struct FieldComparisonTests {
    let feder = MatchingFixtures.seedRecords[0]
    let glue = MatchingFixtures.seedRecords[3]

    func federReference(pages: String = "681-688", year: Int = 2014, journal: String = "JAMA Psychiatry", authors: String = "Feder A,Parides MK,Murrough JW", etAl: Bool = true)
        -> ParsedReference
    {
        let parts = pages.split(whereSeparator: { $0 == "-" || $0 == "–" }).map(String.init)
        let first = parts.first ?? pages
        let lastWritten = parts.count > 1 ? parts[1] : nil
        let last = lastWritten.map { Normalization.expandedLastPage(first: first, last: $0) }
        return MatchingFixtures.reference(
            "\(authors). Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder. \(journal). \(year);71(6):\(pages).",
            authors: authors, etAl: etAl,
            title: "Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder",
            journal: journal, year: year, volume: "71", issue: "6", pages: (first, last, lastWritten), pagesText: pages, style: .vancouver
        )
    }

    @Test func abbreviatedRangeIsTheSamePages() {
        #expect(FieldComparison.compare(federReference(pages: "681-8"), with: feder).isEmpty)
        #expect(FieldComparison.compare(federReference(pages: "681–688"), with: feder).isEmpty)
    }

    @Test func expectedPagesFollowTheReferenceForm() {
        let abbreviated = FieldComparison.compare(federReference(pages: "681-9"), with: feder)
        #expect(abbreviated.first?.expected == "681-8")
        #expect(abbreviated.first?.found == "681-9")
        let dashed = FieldComparison.compare(federReference(pages: "681–698"), with: feder)
        #expect(dashed.first?.expected == "681–688")
        #expect(dashed.first?.message == "pages 681–698 differ from PubMed's 681–688")
    }

    @Test func yearOffIsAnErrorElectronicYearIsInfo() {
        let wrong = FieldComparison.compare(federReference(year: 2015), with: feder)
        #expect(wrong.map(\.rule) == ["pubmed-year"])
        #expect(wrong.first?.expected == "2014")
        var r = MatchingFixtures.seedReferences[3]
        r.year = 2019
        r.pages = PageRange(first: "267", last: "272", lastAsWritten: "272")
        r.title = glue.title
        let epub = FieldComparison.compare(r, with: glue)
        #expect(epub.map(\.rule) == ["pubmed-epub-year"])
        #expect(epub.first?.severity == .info)
        #expect(epub.first?.found == "2019")
        #expect(epub.first?.expected == "2020")
    }

    @Test func journalExpectedInTheReferenceForm() {
        let abbreviated = FieldComparison.compare(federReference(journal: "Am J Psychiatry"), with: feder)
        #expect(abbreviated.map(\.rule) == ["pubmed-journal"])
        #expect(abbreviated.first?.expected == "JAMA Psychiatry")
        let ajp = MatchingFixtures.seedRecords[1]
        var r = MatchingFixtures.seedReferences[1]
        r.journal = "Journal of Psychopharmacology"
        let full = FieldComparison.compare(r, with: ajp)
        #expect(full.first?.expected == "American Journal of Psychiatry")
        r.journal = "J Psychopharmacol"
        #expect(FieldComparison.compare(r, with: ajp).first?.expected == "Am J Psychiatry")
    }

    @Test func authorsMissingOutOfOrderAndEtAl() {
        #expect(FieldComparison.compare(federReference(authors: "Feder A"), with: feder).isEmpty)
        let missing = FieldComparison.compare(federReference(authors: "Feder A,Murrough JW,Perez AM"), with: feder)
        #expect(missing.map(\.rule) == ["pubmed-authors"])
        #expect(missing.first?.message == "author list lacks Parides MK (PubMed's author 2)")
        #expect(missing.first?.expected == "Feder A, Parides MK, Murrough JW")
        let order = FieldComparison.compare(federReference(authors: "Parides MK,Feder A"), with: feder)
        #expect(order.first?.message == "authors are out of order")
        let stranger = FieldComparison.compare(federReference(authors: "Feder A,Parides MK,Smith J"), with: feder)
        #expect(stranger.first?.message.contains("\"Smith J\" is not among PubMed's authors") == true)
        // Particles and diacritics are form.
        let record = PubMedRecord(pmid: "1", title: "T", authors: MatchingFixtures.authors("Aan Het Rot M,Müller K"))
        var r = ParsedReference(raw: "")
        r.authors = [Author(family: "aan het Rot", given: "M"), Author(family: "Muller", given: "K")]
        #expect(FieldComparison.compare(r, with: record).isEmpty)
    }

    @Test func titleWordsThatDifferAreNamed() {
        var r = federReference()
        r.title = "Efficacy of intravenous esketamine for treatment of chronic posttraumatic stress disorder: a randomized trial"
        let findings = FieldComparison.compare(r, with: feder)
        #expect(findings.map(\.rule) == ["pubmed-title"])
        #expect(findings.first?.message == "title lacks \"clinical\"; title has \"esketamine\" where PubMed has \"ketamine\"")
        r.title = "EFFICACY OF INTRAVENOUS KETAMINE FOR TREATMENT OF CHRONIC POST-TRAUMATIC STRESS DISORDERS: A RANDOMISED CLINICAL TRIAL"
        #expect(FieldComparison.compare(r, with: feder).first?.message == "title has \"RANDOMISED\" where PubMed has \"randomized\"")
    }

    @Test func missingIssueAndDOIForms() {
        var r = federReference()
        r.issue = nil
        r.doi = "10.1001/JAMAPSYCHIATRY.2014.62"
        #expect(FieldComparison.compare(r, with: feder).isEmpty)
        r.doi = "10.1001/jamapsychiatry.2014.63"
        #expect(FieldComparison.compare(r, with: feder).map(\.rule) == ["pubmed-doi"])
    }

    @Test func retractionConcernAndErratum() {
        var record = feder
        record.corrections = [
            .init(refType: "RetractionIn", refSource: "JAMA Psychiatry. 2015;72(1):1", pmid: "1"),
            .init(refType: "ExpressionOfConcernIn", refSource: "JAMA Psychiatry. 2014;71(9):1"),
            .init(refType: "ErratumIn", refSource: "JAMA Psychiatry. 2014;71(8):2"),
        ]
        let findings = FieldComparison.compare(federReference(), with: record)
        #expect(findings.map(\.rule) == ["pubmed-retracted", "pubmed-concern", "pubmed-erratum"])
        #expect(findings.map(\.severity) == [.error, .warning, .info])
        var noted = federReference()
        noted.notes = [ReferenceNote(kind: .retraction, text: "Retracted"), ReferenceNote(kind: .correction, text: "Erratum in …")]
        #expect(FieldComparison.compare(noted, with: record).map(\.rule) == ["pubmed-concern"])
    }

    @Test func articleNumbersMatchELocationIDs() {
        let record = PubMedRecord(pmid: "5", title: "T", volume: "9", elocationIDs: ["e0123456"])
        var r = ParsedReference(raw: "")
        r.pages = PageRange(first: "e0123456")
        #expect(FieldComparison.compare(r, with: record).isEmpty)
    }
}

@Suite struct SupplementFormTests {
    @Test func supplementPagesAndVolumesAreForm() {
        #expect(Normalization.expandedLastPage(first: "S12", last: "5") == "S15")
        #expect(Normalization.expandedLastPage(first: "S12", last: "15") == "S15")
        let record = PubMedRecord(pmid: "7", title: "T", volume: "71 Suppl 1", issue: "Suppl 1", medlinePages: "S12-5")
        var r = ParsedReference(raw: "")
        r.volume = "71"
        r.issue = "Suppl 1"
        r.pages = PageRange(first: "S12", last: "S15", lastAsWritten: "S15")
        #expect(FieldComparison.compare(r, with: record).isEmpty)
        r.volume = "72"
        #expect(FieldComparison.compare(r, with: record).map(\.rule) == ["pubmed-volume"])
    }
}

@Suite struct TitleAndNameFormTests {
    @Test func misspelledAuthorIsNamedAsSuch() {
        let record = MatchingFixtures.seedRecords[4]
        var r = MatchingFixtures.seedReferences[4]
        r.authors[0] = Author(family: "Rodriquez", given: "CI")
        let findings = FieldComparison.compare(r, with: record)
        #expect(findings.map(\.message) == ["author Rodriquez is spelled Rodriguez in PubMed"])
    }

    @Test func translatedTitlesAndMarkup() {
        let record = PubMedRecord(
            pmid: "9", title: "[The pineal body].", journalTitle: "Journal of the South African Veterinary Association",
            authors: MatchingFixtures.authors("Terblanche HM"))
        var r = ParsedReference(raw: "")
        r.title = "Die Zirbeldrüse"
        #expect(FieldComparison.compare(r, with: record).isEmpty)
        r.title = "The pineal gland"
        #expect(FieldComparison.compare(r, with: record).first?.message == "title has \"gland\" where PubMed has \"body\"")
        let tagged = PubMedRecord(pmid: "10", title: "Growth of <i>Escherichia coli</i> in milk.")
        var t = ParsedReference(raw: "")
        t.title = "Growth of Escherichia coli in milk"
        #expect(FieldComparison.compare(t, with: tagged).isEmpty)
        #expect(MatchWords.editDistance("rodriguez", "rodriquez") == 1)
    }
}

@Suite struct MedlineFormTests {
    @Test func pagesCopiedFromMedlinePgnAgree() {
        let record = PubMedRecord(pmid: "399297", title: "[The pineal body].", volume: "50", medlinePages: "87-5")
        var reference = ParsedReference(raw: "Smith A. The pineal body. J S Afr Vet Assoc. 1979;50(2):87-5.")
        reference.pages = PageRange(first: "87", last: "95", lastAsWritten: "5")
        let end = reference.raw.utf8.count - 1  // before the final period
        reference.fieldRanges[.pages] = (end - 4)..<end
        #expect(FieldComparison.comparePages(reference, record).isEmpty)
        reference.pages = PageRange(first: "87", last: "99", lastAsWritten: "99")
        reference.raw = "Smith A. The pineal body. J S Afr Vet Assoc. 1979;50(2):87-99."
        reference.fieldRanges[.pages] = nil
        #expect(FieldComparison.comparePages(reference, record).map(\.rule) == ["pubmed-pages"])
    }

    @Test func bracketedMedlineAnnotationsAreNoPartOfTheTitle() {
        let record = PubMedRecord(pmid: "1", title: "Influence of calcium ions on glycogen breakdown in hepatocyte suspensions [proceedings].")
        var reference = ParsedReference(raw: "")
        reference.title = "Influence of calcium ions on glycogen breakdown in hepatocyte suspensions"
        #expect(FieldComparison.compareTitle(reference, record).isEmpty)
        reference.title = "Influence of calcium ions on glycogen breakdown in suspensions"
        #expect(FieldComparison.compareTitle(reference, record).map(\.rule) == ["pubmed-title"])
        #expect(FieldComparison.withoutBracketedNotes("A study [letter].") == "A study.")
    }
}
