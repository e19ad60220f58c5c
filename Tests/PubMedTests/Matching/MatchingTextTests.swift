import CiteCheck
import Testing

@testable import PubMed

@Suite struct MatchingTextTests {
    @Test func foldsCaseAndDiacritics() {
        #expect(Normalization.comparisonFold("Müller-Lüdenscheidt") == "muller-ludenscheidt")
        #expect(Normalization.name("Aan Het Rot") == "aanhetrot")
        #expect(MatchWords.words("TNF-α & IL-6").map(\.folded) == ["tnf", "alpha", "and", "il", "6"])
    }

    @Test func titleSimilarityToleratesFormAndOneWord() {
        let pubmed =
            "Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: Exploratory double-blind psychoactive-controlled replication study."
        let written =
            "“Effects of Ketamine in Patients with Treatment-Refractory Generalized Anxiety and Social Anxiety Disorders: Double-Blind, Psychoactive-Controlled Replication Study.”"
        #expect(TitleMatching.titleSimilarity(written, pubmed) > 0.9)
        #expect(TitleMatching.titleSimilarity("Post-traumatic stress", "Posttraumatic stress.") == 1)
        // Subtitle left out.
        #expect(
            TitleMatching.titleSimilarity(
                "Efficacy of intravenous ketamine for chronic posttraumatic stress disorder",
                "Efficacy of intravenous ketamine for chronic posttraumatic stress disorder: a randomized clinical trial.") == 1)
        // A different paper on the same subject.
        #expect(
            TitleMatching.titleSimilarity(
                "Ketamine and the neurobiology of posttraumatic stress disorder",
                "Efficacy of intravenous ketamine for chronic posttraumatic stress disorder: a randomized clinical trial.") < 0.7)
    }

    @Test func journalsAgreeAcrossForms() {
        let ajp = MatchingFixtures.seedRecords[1]
        #expect(JournalMatching.sameJournal("American Journal of Psychiatry", ajp))
        #expect(JournalMatching.sameJournal("Am J Psychiatry", ajp))
        #expect(JournalMatching.sameJournal("Am. J. Psychiatry.", ajp))
        #expect(JournalMatching.sameJournal("The American Journal of Psychiatry", ajp))
        #expect(!JournalMatching.sameJournal("JAMA Psychiatry", ajp))
        let jp = MatchingFixtures.seedRecords[3]
        #expect(JournalMatching.sameJournal("Journal of Psychopharmacology", jp))
        #expect(!JournalMatching.sameJournal("Neuropsychopharmacology", jp))
    }

    @Test func abbreviationIsRecognised() {
        #expect(Normalization.isAbbreviatedJournal("J Psychopharmacol"))
        #expect(Normalization.isAbbreviatedJournal("Am. J. Psychiatry"))
        #expect(!Normalization.isAbbreviatedJournal("American Journal of Psychiatry"))
        #expect(!Normalization.isAbbreviatedJournal("Neuropsychopharmacology"))
    }

    @Test func pagesExpandAndAbbreviate() {
        #expect(Normalization.expandedLastPage(first: "2475", last: "83") == "2483")
        #expect(Normalization.expandedLastPage(first: "681", last: "8") == "688")
        #expect(Normalization.abbreviatedLastPage(first: "291", last: "296") == "6")
        #expect(Normalization.abbreviatedLastPage(first: "2475", last: "2483") == "83")
        #expect(Normalization.abbreviatedLastPage(first: "99", last: "102") == "102")
        let record = PubMedRecord(pmid: "1", title: "T", medlinePages: "123-33")
        #expect(RecordKeys.recordPages(record) == PageRange(first: "123", last: "133", lastAsWritten: "33"))
        #expect(RecordKeys.recordPages(PubMedRecord(pmid: "2", title: "T")) == nil)
    }

    @Test func identifiersNormalise() {
        #expect(RecordKeys.doiKey("https://doi.org/10.1001/JAMAPsychiatry.2014.62.") == "10.1001/jamapsychiatry.2014.62")
        #expect(RecordKeys.pmcidKey("pmc123") == "PMC123")
    }

    @Test func badInputDoesNotCrash() {
        #expect(TitleMatching.titleTokens("").isEmpty)
        #expect(TitleMatching.titleSimilarity("", "x") == 0)
        #expect(JournalMatching.key("(") == "")
        #expect(RecordKeys.recordPages(PubMedRecord(pmid: "1", title: "", medlinePages: "-")) == nil)
        #expect(MatchWords.trim("  \n ") == "")
    }
}

@Suite struct MatchingFormTests {
    @Test func compoundsAndJournalMainTitles() {
        #expect(TitleMatching.dice(["single", "pigment", "shift"], ["singlepigment", "shift"]) == 1)
        let ca = PubMedRecord(pmid: "1", title: "T", journalTitle: "CA: a cancer journal for clinicians", isoAbbreviation: "CA Cancer J Clin")
        #expect(JournalMatching.sameJournal("CA", ca))
        #expect(JournalMatching.sameJournal("CA Cancer J Clin", ca))
        #expect(!JournalMatching.sameJournal("Cancer", ca))
    }

    @Test func shortMainTitleWithEveryOtherFieldIsAccepted() {
        let record = PubMedRecord(
            pmid: "401443", title: "The practice consultant: pros, cons, alternatives.", journalTitle: "Impressions",
            isoAbbreviation: "Impressions (Orange)", volume: "1", issue: "3", year: 1979, medlinePages: "7-9",
            authors: MatchingFixtures.authors("Cunningham RL"))
        let r = MatchingFixtures.reference(
            "Cunningham, R. L. The practice consultant. Impressions (Orange) 1, 7–9 (1979).", authors: "Cunningham R. L.", etAl: false,
            title: "The practice consultant", journal: "Impressions (Orange)", year: 1979, volume: "1", issue: nil,
            pages: ("7", "9", "9"), style: .nature
        )
        let verification = Verifier().verify(r, candidates: [record])
        #expect(verification.result.record?.pmid == "401443")
        #expect(verification.findings.isEmpty)
    }
}

@Suite struct JournalAcronymTests {
    @Test func wellKnownAcronyms() {
        #expect(JournalMatching.isAcronym("NEJM", of: "The New England journal of medicine"))
        #expect(JournalMatching.isAcronym("PNAS", of: "Proceedings of the National Academy of Sciences of the United States of America"))
        #expect(JournalMatching.isAcronym("JACC", of: "Journal of the American College of Cardiology"))
        #expect(JournalMatching.isAcronym("CMAJ", of: "CMAJ : Canadian Medical Association journal = journal de l'Association medicale canadienne") == false)
        #expect(!JournalMatching.isAcronym("Nejm", of: "The New England journal of medicine"))
        #expect(!JournalMatching.isAcronym("BMJ", of: "The New England journal of medicine"))
        let nejm = PubMedRecord(pmid: "1", title: "T", journalTitle: "The New England journal of medicine", isoAbbreviation: "N Engl J Med")
        #expect(JournalMatching.sameJournal("NEJM", nejm))
        #expect(JournalMatching.sameJournal("N. Engl. J. Med.", nejm))
        #expect(JournalMatching.sameJournal("New England Journal of Medicine", nejm))
    }
}
