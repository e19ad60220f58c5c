import Testing

@testable import PubMed

/// ESearch and ECitMatch answers, from real samples in fixtures/pubmed-samples/.
@Suite struct EUtilitiesAnswerTests {
    @Test func esearchWithResults() throws {
        let result = try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esearch3.xml"))
        #expect(result.count == 2651)
        #expect(result.retMax == 6)
        #expect(result.retStart == 6)
        #expect(result.ids == ["11121077", "11121076", "11121075", "11121074", "11121073", "11121072"])
        #expect(result.queryTranslation == "\"proc natl acad sci u s a\"[Journal] AND \"97\"[Volume]")
        #expect(result.errors.isEmpty)
        #expect(result.warnings.isEmpty)
        #expect(!result.hasNotFoundTerms)
    }

    @Test func esearchWithNothingFound() throws {
        let result = try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esearch8.xml"))
        #expect(result.count == 0)
        #expect(result.ids.isEmpty)
        #expect(result.errors == [ESearchResult.Message(kind: "PhraseNotFound", text: "abcXYZ")])
        #expect(result.warnings == [ESearchResult.Message(kind: "OutputMessage", text: "No items found.")])
        #expect(result.hasNotFoundTerms)
    }

    @Test func esearchWithPartialErrorStillHasResults() throws {
        let result = try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esearch.error.xml"))
        #expect(result.count == 5163)
        #expect(result.ids.count == 20)
        #expect(result.errors == [ESearchResult.Message(kind: "PhraseNotFound", text: "fleegle[MeSH Terms]")])
    }

    @Test func esearchErrorBodies() throws {
        #expect(throws: PubMedXMLError.ncbiError("Invalid db name specified: fleegle")) {
            try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esearch.baderror.xml"))
        }
        #expect(throws: PubMedXMLError.ncbiError("Can not retrieve DbInfo for db=fleegle")) {
            try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/einfo.error.xml"))
        }
        #expect(throws: PubMedXMLError.ncbiError("Invalid db name specified: fleegle")) {
            try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esummary.error.xml"))
        }
        #expect(throws: PubMedXMLError.wrongRoot(expected: "eSearchResult", found: "eSummaryResult")) {
            try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esummary.pmcerror.xml"))
        }
        #expect(throws: PubMedXMLError.malformed(line: 1, message: "eSearchResult without a Count")) {
            try ESearchResultParser.result(fromXML: Array("<eSearchResult><IdList/></eSearchResult>".utf8))
        }
        #expect(throws: PubMedXMLError.self) {
            try ESearchResultParser.result(fromXML: Array("<eSearchResult><Count>1</Count>".utf8))
        }
    }

    @Test func ecitmatchMixedAnswer() throws {
        let result = try ECitMatchResultParser.result(fromText: FixtureFiles.bytes("fixtures/pubmed-samples/citmatch_mixed.txt"))
        #expect(result.lines.map(\.key) == ["Art1", "ref2", "Art4"])
        #expect(result.outcome(forKey: "Art1") == .found(pmid: "2014248"))
        #expect(result.outcome(forKey: "ref2") == .invalidJournal)
        #expect(result.outcome(forKey: "Art4") == .found(pmid: "31978945"))
        #expect(result.lines[0].journal == "proc natl acad sci u s a")
        #expect(result.lines[0].year == "1991")
        #expect(result.lines[0].volume == "88")
        #expect(result.lines[0].firstPage == "3248")
        #expect(result.lines[0].author == "mann bj")
        #expect(result.lines[1].author == "")
        #expect(result.unreadLines.isEmpty)
    }

    @Test func ecitmatchFoundAndSingle() throws {
        let found = try ECitMatchResultParser.result(fromText: FixtureFiles.bytes("fixtures/pubmed-samples/citmatch_found.txt"))
        #expect(found.lines.map(\.outcome) == [.found(pmid: "2014248"), .found(pmid: "3026048")])
        let single = try ECitMatchResultParser.result(fromText: FixtureFiles.bytes("fixtures/pubmed-samples/citmatch_single.txt"))
        #expect(single.lines.map(\.key) == ["covid1"])
    }

    @Test func ecitmatchOutcomes() throws {
        let text = """
            j a|2000|1|1|smith j|k1|NOT_FOUND
            j b|2000|1|1|smith j|k2|AMBIGUOUS (3 citations)
            j c|2000|1|1|smith j|k3|NOT_FOUND;INVALID_JOURNAL
            j d|2000|1|1|smith j|k4|
            j e|2000|1|1|smith j|k5|SOMETHING_NEW\r
            garbage line
            """
        let result = try ECitMatchResultParser.result(fromText: Array(text.utf8))
        #expect(result.lines.map(\.outcome) == [.notFound, .ambiguous(detail: "(3 citations)"), .invalidJournal, .notFound, .other("SOMETHING_NEW")])
        #expect(result.unreadLines == ["garbage line"])
    }

    @Test func ecitmatchErrorAnswers() {
        #expect(throws: PubMedXMLError.notXML(kind: .html, detail: "Oops")) {
            try ECitMatchResultParser.result(fromText: Array("<html><head><title>Oops</title></head></html>".utf8))
        }
        #expect(throws: PubMedXMLError.ncbiError("bad request")) {
            try ECitMatchResultParser.result(fromText: Array("<eCitMatchResult><ERROR>bad request</ERROR></eCitMatchResult>".utf8))
        }
        #expect(throws: PubMedXMLError.notXML(kind: .text, detail: "Service unavailable")) {
            try ECitMatchResultParser.result(fromText: Array("Service unavailable\n".utf8))
        }
        #expect(throws: PubMedXMLError.empty) {
            try ECitMatchResultParser.result(fromText: [])
        }
    }
}
