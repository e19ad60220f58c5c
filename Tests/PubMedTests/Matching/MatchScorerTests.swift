import CiteCheck
import Testing

@testable import PubMed

@Suite struct MatchScorerTests {
    let index = RecordIndex(records: MatchingFixtures.seedRecords + MatchingFixtures.distractors)

    @Test func sameAuthorAndYearWithAnotherTitleIsNotAMatch() {
        // A Duman 2014 paper that is in neither record: must not be matched to the Duman 2014 records.
        let r = MatchingFixtures.reference(
            "Duman RS. Synaptic plasticity and mood disorders. Mol Psychiatry. 2014;7:29-34.",
            authors: "Duman RS", etAl: false, title: "Synaptic plasticity and mood disorders", journal: "Mol Psychiatry",
            year: 2014, volume: "7", issue: nil, pages: ("29", "34", "34")
        )
        let verification = Verifier().verify(r, in: index)
        #expect(verification.result.outcome == .notFound)
        #expect(verification.findings.map(\.rule) == ["pubmed-not-found"])
        #expect(verification.findings.first?.message.hasPrefix("no PubMed record matches") == true)
        #expect(verification.findings.first?.message.contains("fake") == false)
    }

    @Test func titleJournalYearWithoutAuthorIsAccepted() {
        // First author replaced: title, journal and year still identify the paper; the author is the finding.
        let r = MatchingFixtures.reference(
            "Smith J, Costi S. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.",
            authors: "Smith J,Costi S", etAl: false,
            title: "A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder",
            journal: "Am J Psychiatry", year: 2021, volume: "178", issue: "2", pages: ("193", "202", "202")
        )
        let verification = Verifier().verify(r, in: index)
        #expect(verification.result.record?.pmid == "33397139")
        #expect(verification.findings.map(\.rule) == ["pubmed-authors"])
        #expect(verification.findings.first?.message == "first author is Feder A in PubMed, not Smith J")
        #expect(verification.findings.first?.expected == "Feder A, Costi S")
    }

    @Test func twoEquallyGoodRecordsAreAmbiguous() {
        var twin = MatchingFixtures.seedRecords[5]
        twin.pmid = "90000009"
        let twins = RecordIndex(records: [MatchingFixtures.seedRecords[5], twin])
        let r = MatchingFixtures.seedReferences[5]
        let verification = Verifier().verify(r, in: twins)
        guard case .ambiguous(let records) = verification.result.outcome else {
            Issue.record("expected ambiguous, got \(verification.result.outcome)")
            return
        }
        #expect(Set(records.map(\.pmid)) == ["24616149", "90000009"])
        #expect(verification.findings.map(\.rule) == ["pubmed-ambiguous"])
    }

    @Test func doiOfAnotherPaperIsAConflictNotAMatch() {
        var r = MatchingFixtures.seedReferences[0]
        r.doi = "10.1002/da.22227"  // Duman's DOI on Feder's paper
        let verification = Verifier().verify(r, in: index)
        #expect(verification.result.record?.pmid == "24740528")
        #expect(verification.findings.map(\.rule) == ["pubmed-doi"])
        let finding = verification.findings.first
        #expect(finding?.found == "10.1002/da.22227")
        #expect(finding?.expected == "10.1001/jamapsychiatry.2014.62")
        #expect(finding?.pmid == "24740528")
        #expect(finding?.message.contains("24616149") == true)
    }

    @Test func matchingDOIWinsEvenWithWrongFields() {
        var r = MatchingFixtures.seedReferences[5]
        r.doi = "10.1002/DA.22227"
        r.title = nil
        r.journal = "Depression and Anxiety"
        let result = index.match(r)
        #expect(result.record?.pmid == "24616149")
    }

    @Test func aMatchIsSettledOnlyWhenNoOtherRecordCouldChangeIt() {
        let scorer = MatchScorer()
        let record = MatchingFixtures.seedRecords[5]
        var clean = ParsedReference(raw: record.title)
        clean.title = record.title
        clean.authors = record.authors.map { Author(family: $0.lastName, given: $0.initials) }
        clean.journal = record.isoAbbreviation
        clean.year = record.year
        clean.volume = record.volume
        clean.issue = record.issue
        clean.pages = record.pages
        let decided = scorer.decide(clean, candidates: [record])
        #expect(decided.record?.pmid == record.pmid)
        // All six fields agree: the highest total there is.
        #expect(scorer.isSettled(clean, decided))
        // A wrong first page leaves room for a rival found by its title only.
        var wrongPage = clean
        wrongPage.pages = PageRange(first: "9999", last: nil)
        let placedElsewhere = scorer.decide(wrongPage, candidates: [record])
        #expect(placedElsewhere.record?.pmid == record.pmid)
        #expect(!scorer.isSettled(wrongPage, placedElsewhere))
        // The same reference with the record's DOI written: the identifier and the exact title settle it.
        var withDOI = wrongPage
        withDOI.doi = record.doi
        #expect(scorer.isSettled(withDOI, scorer.decide(withDOI, candidates: [record])))
        // … but not with a title a rival could beat by the title gap.
        withDOI.title = "Ketamine and anxiety"
        let named = scorer.decide(withDOI, candidates: [record])
        #expect(!scorer.isSettled(withDOI, named))
        #expect(!scorer.isSettled(clean, scorer.decide(clean, candidates: [])))
    }

    @Test func pmidWrittenInTheReferenceIsUsed() {
        var r = ParsedReference(raw: "Duman RS. PMID: 24616149")
        r.authors = [Author(family: "Duman", given: "RS")]
        r.pmid = "24616149"
        r.year = 2014
        #expect(index.match(r).record?.pmid == "24616149")
    }

    @Test func candidatesComeFromEveryKey() {
        var r = ParsedReference(raw: "")
        r.journal = "Depress Anxiety"
        r.volume = "31"
        r.pages = PageRange(first: "291")
        #expect(index.candidates(for: r).map(\.pmid) == ["24616149"])
        var byAuthor = ParsedReference(raw: "")
        byAuthor.authors = [Author(family: "Feder", given: "A")]
        byAuthor.year = 2015
        #expect(Set(index.candidates(for: byAuthor).map(\.pmid)) == ["24740528", "90000003"])
        var byTitle = ParsedReference(raw: "")
        byTitle.title = "obsessive compulsive crossover"
        #expect(index.candidates(for: byTitle, limit: 1).map(\.pmid) == ["23783065"])
    }

    @Test func duplicatePMIDKeepsOneRecord() {
        var newer = MatchingFixtures.seedRecords[0]
        newer.issue = "7"
        let index = RecordIndex(records: [MatchingFixtures.seedRecords[0], newer])
        #expect(index.count == 1)
        #expect(index.record(pmid: "24740528")?.issue == "7")
    }

    @Test func emptyReferenceFindsNothing() {
        let verification = Verifier().verify(ParsedReference(raw: "???"), in: index)
        #expect(verification.result.outcome == .notFound)
        #expect(verification.findings.isEmpty)  // nothing PubMed could hold: no not-found warning either
    }
}

@Suite struct CompanionPaperTests {
    /// Two papers by the same authors in the same issue, titles one word apart (as in MEDLINE 406293/406294).
    let companions = [
        PubMedRecord(
            pmid: "1", title: "Ultrastructure of rumen entodiniomorphs by electron microscopy.", journalTitle: "Journal of dairy science",
            isoAbbreviation: "J. Dairy Sci.", volume: "60", issue: "6", year: 1977, medlinePages: "902-10",
            authors: MatchingFixtures.authors("Stern MD,Hoover WH,Summers RG,Rittenburg JH")),
        PubMedRecord(
            pmid: "2", title: "Ultrastructure of rumen holotrichs by electron microscopy.", journalTitle: "Journal of dairy science",
            isoAbbreviation: "J. Dairy Sci.", volume: "60", issue: "6", year: 1977, medlinePages: "911-8",
            authors: MatchingFixtures.authors("Stern MD,Hoover WH,Leonard C")),
    ]

    @Test func theExactTitleDecidesBetweenCompanionPapers() {
        let r = MatchingFixtures.reference(
            "Stern, M. D. et al. Ultrastructure of rumen entodiniomorphs by electron microscopy. J. Dairy Sci. 60, 899–910 (1977).",
            authors: "Stern M. D.", etAl: true, title: "Ultrastructure of rumen entodiniomorphs by electron microscopy",
            journal: "J. Dairy Sci.", year: 1977, volume: "60", issue: nil, pages: ("899", "910", "910"), pagesText: "899–910", style: .nature
        )
        let verification = Verifier().verify(r, candidates: companions)
        #expect(verification.result.record?.pmid == "1")
        #expect(verification.findings.map(\.rule) == ["pubmed-pages"])
        #expect(verification.findings.first?.expected == "902–910")
    }

    @Test func withoutTheDistinguishingWordItIsAmbiguous() {
        let r = MatchingFixtures.reference(
            "Stern, M. D. et al. Ultrastructure of rumen by electron microscopy. J. Dairy Sci. 60 (1977).",
            authors: "Stern M. D.", etAl: true, title: "Ultrastructure of rumen by electron microscopy",
            journal: "J. Dairy Sci.", year: 1977, volume: "60", issue: nil, pages: nil, style: .nature
        )
        let verification = Verifier().verify(r, candidates: companions)
        #expect(verification.findings.map(\.rule) == ["pubmed-ambiguous"])
    }
}

@Suite struct BareCitationTests {
    let index = RecordIndex(records: MatchingFixtures.seedRecords + MatchingFixtures.distractors)

    @Test func journalVolumePageAndYearIdentifyABareCitation() {
        let r = MatchingFixtures.reference(
            "Depress Anxiety. 2014 Apr;31(4):291-6", authors: "", etAl: false, title: nil, journal: "Depress Anxiety",
            year: 2014, volume: "31", issue: "4", pages: ("291", "296", "6"), pagesText: "291-6", style: .vancouver
        )
        let verification = Verifier().verify(r, in: index)
        #expect(verification.result.record?.pmid == "24616149")
        #expect(verification.findings.isEmpty)
    }

    @Test func aBareCitationWithAWrongFieldIsNotMatched() {
        let r = MatchingFixtures.reference(
            "Depress Anxiety. 2014;31(3):199-212", authors: "", etAl: false, title: nil, journal: "Depress Anxiety",
            year: 2014, volume: "31", issue: "3", pages: ("199", "212", "212"), style: .vancouver
        )
        #expect(Verifier().verify(r, in: index).result.outcome == .notFound)
    }
}

@Suite struct IdentifierDecisionTests {
    let partOne = PubMedRecord(
        pmid: "11", title: "Ketamine in depression. Part I: design of a randomized trial.", journalTitle: "Journal of affective disorders",
        isoAbbreviation: "J Affect Disord", volume: "10", issue: "1", year: 2010, medlinePages: "1-10",
        authors: MatchingFixtures.authors("Smith J,Jones K"), doi: "10.1000/part1")
    let partTwo = PubMedRecord(
        pmid: "12", title: "Ketamine in depression. Part II: results of a randomized trial.", journalTitle: "Journal of affective disorders",
        isoAbbreviation: "J Affect Disord", volume: "10", issue: "1", year: 2010, medlinePages: "11-20",
        authors: MatchingFixtures.authors("Smith J,Jones K"), doi: "10.1000/part2")

    func reference(doi: String?) -> ParsedReference {
        var r = MatchingFixtures.reference(
            "Smith J, Jones K. Ketamine in depression. Part I: design of a randomized trial. J Affect Disord. 2010;10(1):1-10.",
            authors: "Smith J,Jones K", etAl: false, title: "Ketamine in depression. Part I: design of a randomized trial",
            journal: "J Affect Disord", year: 2010, volume: "10", issue: "1", pages: ("1", "10", "10")
        )
        r.doi = doi
        return r
    }

    @Test func aCompanionPapersDOIIsAConflictAndFieldsAreComparedWithTheCitedPaper() {
        let verification = Verifier().verify(reference(doi: "10.1000/part2"), candidates: [partOne, partTwo])
        #expect(verification.result.record?.pmid == "11")
        #expect(verification.findings.map(\.rule) == ["pubmed-doi"])
        #expect(verification.findings.first?.expected == "10.1000/part1")
        #expect(verification.findings.first?.found == "10.1000/part2")
    }

    @Test func theRightDOIMatches() {
        let verification = Verifier().verify(reference(doi: "10.1000/part1"), candidates: [partOne, partTwo])
        #expect(verification.result.record?.pmid == "11")
        #expect(verification.findings.isEmpty)
    }

    @Test func aDOIOfAnUnrelatedPaperWithNoOtherMatchIsStillReported() {
        let other = PubMedRecord(
            pmid: "13", title: "Soil bacteria of the high Andes.", journalTitle: "Microbial ecology", volume: "3", year: 1999,
            authors: MatchingFixtures.authors("Perez M"), doi: "10.1000/soil")
        let verification = Verifier().verify(reference(doi: "10.1000/soil"), candidates: [other])
        #expect(verification.result.outcome == .notFound)
        #expect(verification.findings.map(\.rule) == ["pubmed-doi"])
        #expect(verification.findings.first?.pmid == "13")
    }
}

/// Look-alikes found in MEDLINE when the cited record is missing from the index: none may be accepted.
@Suite struct LookAlikeTests {
    func record(_ pmid: String, _ title: String, _ authors: String, journal: String, volume: String, issue: String, year: Int, pages: String) -> PubMedRecord {
        PubMedRecord(
            pmid: pmid, title: title, isoAbbreviation: journal, volume: volume, issue: issue, year: year, medlinePages: pages,
            authors: MatchingFixtures.authors(authors))
    }

    func reference(_ title: String, _ authors: String, journal: String, volume: String, issue: String?, year: Int, pages: (String, String?)) -> ParsedReference {
        MatchingFixtures.reference(
            "", authors: authors, etAl: false, title: title, journal: journal, year: year, volume: volume, issue: issue,
            pages: (pages.0, pages.1, pages.1))
    }

    @Test func companionPaperWithASwappedWordIsNotAccepted() {
        let other = record(
            "413008", "Sex steroid binding protein in the plasma of Macaca nemestrina.", "Schiller HS,Langley JW,Petra PH",
            journal: "J Steroid Biochem", volume: "8", issue: "6", year: 1977, pages: "631-5")
        let r = reference(
            "Corticosteroid binding protein in the plasma of Macaca nemestrina", "Schiller HS,Langley JW,Petra PH",
            journal: "J Steroid Biochem", volume: "8", issue: "6", year: 1977, pages: ("647", "653"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func partTwoIsNotPartOne() {
        let other = record(
            "427121", "H1 histone subfractions of mammalian testes. 2. Organ specificity in mice and rabbits.", "Seyedin SM,Kistler WS",
            journal: "Biochemistry", volume: "18", issue: "7", year: 1979, pages: "1376-9")
        let r = reference(
            "H1 histone subfractions of mammalian testes. 1. Organ specificity in the rat", "Seyedin SM,Kistler WS",
            journal: "Biochemistry", volume: "18", issue: "9", year: 1979, pages: ("1371", "1375"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func anotherCommentaryUnderTheSameTitleIsNotAccepted() {
        let other = record(
            "429056", "A condemned man's last wish: organ donation & a 'meaningful' death. Commentary.", "Zeik M",
            journal: "Hastings Cent Rep", volume: "9", issue: "1", year: 1979, pages: "17")
        let r = reference(
            "A condemned man's last wish: organ donation & a 'meaningful' death. Commentary", "Bedau HA",
            journal: "Hastings Cent Rep", volume: "9", issue: "1", year: 1979, pages: ("16", "17"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func twoItemsOnOnePageAreNotConfused() {
        let other = record(
            "423690", "Child not main issue in failed vasectomy.", "Gregory DR", journal: "Leg Aspects Med Pract",
            volume: "7", issue: "3", year: 1979, pages: "49")
        let r = reference(
            "GP could not be liable for specialist's negligence", "Gregory DR", journal: "Leg Aspects Med Pract",
            volume: "7", issue: "3", year: 1979, pages: ("49", "50"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func anArticleOfAnotherIssueStartingOnTheSamePageIsNotAccepted() {
        let other = record(
            "403621", "National health expenditures, fiscal year 1976.", "Gibson RM,Mueller MS", journal: "Soc Secur Bull",
            volume: "40", issue: "4", year: 1977, pages: "3-22")
        let r = reference(
            "Age differences in health care spending, fiscal year 1976", "Gibson RM,Mueller MS,Fisher CR",
            journal: "Soc Secur Bull", volume: "40", issue: "8", year: 1977, pages: ("3", "14"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func aRecurringColumnTitleNeedsItsPlace() {
        let other = record(
            "425947", "Radiological case of the month. Scurvy: almost historic, but not quite.", "Young LW", journal: "Am J Dis Child",
            volume: "133", issue: "2", year: 1979, pages: "191-2")
        let r = reference(
            "Radiological case of the month", "Young LW", journal: "Am J Dis Child", volume: "133", issue: nil, year: 1979,
            pages: ("203", "204"))
        #expect(Verifier().verify(r, candidates: [other]).result.outcome == .notFound)
    }

    @Test func aShortMainTitleWithEverythingElseIsAccepted() {
        let own = record(
            "409236", "The trichorhinophalangeal syndrome: study of 16 patients in one family.", "Felman AH,Frias JL",
            journal: "AJR Am J Roentgenol", volume: "129", issue: "4", year: 1977, pages: "631-8")
        let r = reference(
            "The trichorhinophalangeal syndrome", "Felman AH,Frias JL", journal: "AJR Am. J. Roentgenol.", volume: "129",
            issue: nil, year: 1977, pages: ("631", "638"))
        #expect(Verifier().verify(r, candidates: [own]).result.record?.pmid == "409236")
    }
}
