import CiteCheck
import Foundation
import Testing

@testable import PubMed

/// Record mapping, on real EFetch answers and MEDLINE records copied into fixtures/pubmed-samples/.
@Suite struct PubMedRecordMappingTests {
    func record(_ name: String) throws -> PubMedRecord {
        let records = try PubMedArticleSetParser.records(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/\(name).xml"))
        try #require(records.count == 1)
        return records[0]
    }

    @Test func inlineMarkupInTitlesIsFlattened() throws {
        #expect(
            try record("37167981").title
                == "Monte Carlo simulation of micro-x-ray fluorescence (μ-XRF) based detection of immunomagnetically labeled tumor cells.")
        // `SnO<sub>2</sub>thin`: no space is added that PubMed did not write.
        #expect(try record("38914053").title.hasPrefix("Doped SnO2thin films"))
    }

    @Test func electronicOnlyArticleWithoutPagination() throws {
        let record = try record("37167981")
        #expect(record.pmid == "37167981")
        #expect(record.journalTitle == "Physics in medicine and biology")
        #expect(record.isoAbbreviation == "Phys Med Biol")
        #expect(record.medlineTA == "Phys Med Biol")
        #expect(record.volume == "68")
        #expect(record.issue == "11")
        #expect(record.year == 2023)
        #expect(record.month == "May")
        #expect(record.electronicYear == 2023)
        #expect(record.pages == nil)
        #expect(record.medlinePages == nil)
        #expect(record.doi == "10.1088/1361-6560/acd48e")
        #expect(record.authors.map(\.lastName) == ["Zambianchi", "Zambianchi"])
        #expect(record.authors.map(\.initials) == ["P", "JK"])
        #expect(record.authors[1].foreName == "J K")
        #expect(record.authors[0].affiliations == ["Federal University of Technology - Paraná, Curitiba, Brazil."])
    }

    @Test func seasonPiiAndStartEndPages() throws {
        let record = try record("32294727")
        #expect(record.year == 2020)
        #expect(record.month == "Jan-Mar")
        #expect(record.medlinePages == "1-2")
        #expect(record.pages == PageRange(first: "1", last: "2", lastAsWritten: "2"))
        #expect(record.elocationIDs == ["S0004-28032020000100001"])
        #expect(record.doi == "10.1590/S0004-2803.202000000-01")
        #expect(record.publicationTypes == ["Editorial"])
    }

    @Test func suffixAndSeveralAuthors() throws {
        let record = try record("31789841")
        #expect(record.title == "The Positivism Paradigm of Research.")
        #expect(record.authors.map(\.lastName) == ["Park", "Konge", "Artino"])
        #expect(record.authors[2].suffix == "Jr")
        #expect(record.authors[2].foreName == "Anthony R")
        #expect(record.authors[2].initials == "AR")
        #expect(record.pages == PageRange(first: "690", last: "694", lastAsWritten: "694"))
    }

    @Test func collectiveAuthor() throws {
        let record = try record("34843274")
        #expect(record.authors.count == 1)
        #expect(record.authors[0].isCollective)
        #expect(record.authors[0].lastName == "Guideline Development Panel for the Treatment of Depressive Disorders")
        #expect(record.authors[0].initials == "")
        #expect(record.year == 2022)
        #expect(record.electronicYear == 2021)
    }

    @Test func erratumLinkAndArticleNumber() throws {
        let record = try record("35649368")
        #expect(
            record.corrections.contains(
                PubMedRecord.Correction(
                    refType: "ErratumIn", refSource: "Cell Rep. 2022 Jun 28;39(13):111044. doi: 10.1016/j.celrep.2022.111044.", pmid: "35767954"
                )))
        #expect(!record.isRetracted)
        #expect(record.pages == PageRange(first: "110870"))
        #expect(record.elocationIDs == ["S2211-1247(22)00645-3"])
    }

    @Test func pmcIDFromArticleIdListNotFromReferences() throws {
        let record = try record("32934823")
        #expect(record.pmcid == "PMC7489288")
        #expect(record.doi == "10.15761/JSIN.1000229")
        #expect(record.authors.count == 6)
        #expect(record.authors[4].affiliations.first?.hasPrefix("Department of Psychiatry, Icahn School of Medicine Mt Sinai") == true)
    }

    @Test func emptyArticleSetGivesNoRecords() throws {
        #expect(try PubMedArticleSetParser.records(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/37909814.xml")).isEmpty)
    }

    /// Escaped quotes across inline markup in the title; MathML in the (skipped) abstract; `Cites` links.
    @Test func escapedQuotesAcrossMarkupAndCitesLinks() throws {
        let record = try record("pubmed6")
        #expect(
            record.title == "A \"Blood Relationship\" Between the Overlooked Minimum Lactate Equivalent and Maximal Lactate Steady State in Trained Runners. Back to the Old Days?")
        #expect(record.pmcid == "PMC6079548")
        #expect(record.corrections.first == PubMedRecord.Correction(refType: "Cites", refSource: "Stat Med. 2008 Feb 28;27(5):778-80", pmid: "17907247"))
        #expect(record.pages == PageRange(first: "1034"))
        #expect(record.issue == nil)
    }

    /// MEDLINE baseline records (1977–1979) in a gzip file: MedlineDate, Season, legacy Affiliation, retraction.
    @Test func medlineExcerptFromGzipFile() throws {
        let records = try PubMedArticleSetParser.records(fromFile: FixtureFiles.url("fixtures/pubmed-samples/medline-excerpt.xml.gz").path)
        let byPMID = Dictionary(uniqueKeysWithValues: records.map { ($0.pmid, $0) })
        #expect(records.count == 8)
        #expect(byPMID["399296"]?.pages == PageRange(first: "123", last: "133", lastAsWritten: "33"))
        #expect(byPMID["399296"]?.medlinePages == "123-33")
        #expect(byPMID["417483"]?.year == 1977)
        #expect(byPMID["417483"]?.month == "Apr")
        #expect(byPMID["399488"]?.month == "Jan-Feb")
        #expect(byPMID["399706"]?.year == 1979)
        #expect(byPMID["399706"]?.month == nil)
        #expect(byPMID["399332"]?.month == "Spring")
        #expect(byPMID["400891"]?.authors.first?.affiliations == ["Department of Medicine, University of North Carolina, Chapel Hill 27514."])
        #expect(byPMID["400891"]?.authors.dropFirst().allSatisfy(\.affiliations.isEmpty) == true)
        #expect(byPMID["400712"]?.isRetracted == true)
        #expect(byPMID["400712"]?.corrections.first?.refType == "RetractionIn")
        #expect(byPMID["399297"]?.title == "[The pineal body].")
    }

    @Test func bookArticleGivesAMinimalRecord() throws {
        let xml = """
            <?xml version="1.0" ?>
            <PubmedArticleSet>
            <PubmedBookArticle><BookDocument><PMID Version="1">20301295</PMID><ArticleIdList><ArticleId IdType="bookaccession">NBK1116</ArticleId></ArticleIdList>\
            <Book><Publisher><PublisherName>University of Washington, Seattle</PublisherName><PublisherLocation>Seattle (WA)</PublisherLocation></Publisher>\
            <BookTitle book="gene">GeneReviews<sup>®</sup></BookTitle><PubDate><Year>1993</Year></PubDate>\
            <AuthorList Type="editors"><Author><LastName>Adam</LastName><ForeName>Margaret P</ForeName><Initials>MP</Initials></Author></AuthorList>\
            <Medium>Internet</Medium></Book><LocationLabel Type="chapter">GeneReviews</LocationLabel><ArticleTitle book="gene" part="fragilex">FMR1 Disorders</ArticleTitle>\
            <Language>eng</Language><AuthorList Type="authors"><Author><LastName>Hunter</LastName><ForeName>Jessica Ezzell</ForeName><Initials>JE</Initials></Author></AuthorList>\
            <PublicationType UI="D000072">Review</PublicationType><Abstract><AbstractText>…</AbstractText></Abstract></BookDocument>\
            <PubmedBookData><History/><PublicationStatus>ppublish</PublicationStatus><ArticleIdList><ArticleId IdType="pubmed">20301295</ArticleId></ArticleIdList></PubmedBookData>\
            </PubmedBookArticle>
            </PubmedArticleSet>
            """
        let records = try PubMedArticleSetParser.records(fromXML: Array(xml.utf8))
        try #require(records.count == 1)
        #expect(records[0].pmid == "20301295")
        #expect(records[0].title == "FMR1 Disorders")
        #expect(records[0].year == 1993)
        #expect(records[0].authors.map(\.lastName) == ["Hunter"])
        #expect(records[0].publicationTypes == ["Review"])
        #expect(records[0].journalTitle == nil)
    }

    @Test func invalidAuthorsAndIncompleteListsAndDOIPreference() throws {
        let xml = """
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>5</PMID><Article><Journal><JournalIssue><PubDate><Year>2001</Year>\
            </PubDate></JournalIssue></Journal><ArticleTitle>X <i>in vivo</i> <sup>3</sup>H</ArticleTitle>\
            <ELocationID EIdType="doi">10.1/from-elocation</ELocationID><AuthorList CompleteYN="N"><Author ValidYN="N"><LastName>Wrong</LastName></Author>\
            <Author ValidYN="Y"><LastName>Right</LastName><Initials>R</Initials></Author></AuthorList></Article></MedlineCitation>\
            <PubmedData><ArticleIdList><ArticleId IdType="pubmed">5</ArticleId><ArticleId IdType="doi">10.1/from-idlist</ArticleId></ArticleIdList></PubmedData>\
            </PubmedArticle><PubmedArticle><MedlineCitation><PMID>6</PMID><Article><ArticleTitle>Y</ArticleTitle>\
            <ELocationID EIdType="doi">10.1/only-elocation</ELocationID></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """
        let records = try PubMedArticleSetParser.records(fromXML: Array(xml.utf8))
        #expect(records.map(\.pmid) == ["5", "6"])
        #expect(records[0].title == "X in vivo 3H")
        #expect(records[0].authors.map(\.lastName) == ["Right"])
        #expect(records[0].authorListIncomplete)
        #expect(records[0].doi == "10.1/from-idlist")
        #expect(records[1].doi == "10.1/only-elocation")
        #expect(records[1].year == nil)
    }

    @Test func streamingDeliversRecordsInOrderAndStopsOnABodyError() throws {
        struct Stop: Error {}
        let bytes = try FixtureFiles.bytes("fixtures/pubmed-samples/pubmed6.xml")
        var seen: [String] = []
        #expect(throws: Stop.self) {
            try PubMedArticleSetParser.forEachRecord(fromXML: bytes) { record in
                seen.append(record.pmid)
                throw Stop()
            }
        }
        #expect(seen.count == 1)
        #expect(seen == [try PubMedArticleSetParser.records(fromXML: bytes)[0].pmid])
    }

    @Test func readersRunConcurrentlyOnSeveralThreads() async throws {
        let names = ["37167981", "32294727", "31789841", "34843274", "35649368", "32934823", "pubmed6", "38914053"]
        let inputs = try names.map { try FixtureFiles.bytes("fixtures/pubmed-samples/\($0).xml") }
        let expected = try inputs.map { try PubMedArticleSetParser.records(fromXML: $0) }
        let results = try await withThrowingTaskGroup(of: (Int, [PubMedRecord]).self) { group in
            for round in 0..<4 {
                for (index, input) in inputs.enumerated() {
                    group.addTask {
                        _ = round
                        return (index, try PubMedArticleSetParser.records(fromXML: input))
                    }
                }
            }
            var results: [(Int, [PubMedRecord])] = []
            for try await result in group { results.append(result) }
            return results
        }
        #expect(results.count == inputs.count * 4)
        for (index, records) in results {
            #expect(records == expected[index])
        }
    }
}
