import Foundation
import Testing
import CiteCheck
@testable import PubMed

/// Runs the parsers over every real NCBI answer in /work/shared/data/pubmed, when that folder is present.
@Suite(.enabled(if: FixtureFiles.sharedDataPresent, "needs /work/shared/data/pubmed"))
struct SharedDataTests {
    static let efetchFiles = ["biopython", "metapub", "pubmed-client"].flatMap { FixtureFiles.sharedFiles("efetch/\($0)") }
        + [FixtureFiles.sharedPubMed.appendingPathComponent("esearch/efetch.pubmed.xml")]

    @Test(arguments: efetchFiles)
    func everyEFetchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let records = try PubMedArticleSetParser.records(fromXML: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let expected = text.components(separatedBy: "<PubmedArticle>").count - 1
            + text.components(separatedBy: "<PubmedBookArticle>").count - 1
        #expect(records.count == expected)
        for record in records {
            #expect(record.pmid.allSatisfy(\.isNumber) && !record.pmid.isEmpty)
            #expect(!record.title.isEmpty, "no title for \(record.pmid)")
        }
        // The same file read from disk gives the same records.
        #expect(try PubMedArticleSetParser.records(fromFile: file.path) == records)
    }

    @Test(arguments: FixtureFiles.sharedFiles("esearch").filter { $0.lastPathComponent.hasPrefix("esearch") })
    func everyESearchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let result = try ESearchResultParser.result(fromXML: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(result.ids.count == text.components(separatedBy: "<Id>").count - 1)
        #expect(result.count >= result.ids.count)
    }

    @Test(arguments: FixtureFiles.sharedFiles("ecitmatch"))
    func everyECitMatchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let result = try ECitMatchResultParser.result(fromText: bytes)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").count
        #expect(result.lines.count == lines)
        #expect(result.unreadLines.isEmpty)
    }

    @Test func errorBodiesAreRecognised() throws {
        func error(_ name: String, _ parse: ([UInt8]) throws -> Void) throws -> PubMedXMLError? {
            let bytes = [UInt8](try Data(contentsOf: FixtureFiles.sharedPubMed.appendingPathComponent("errors/\(name)")))
            do {
                try parse(bytes)
                return nil
            } catch let error as PubMedXMLError {
                return error
            }
        }
        let efetch: ([UInt8]) throws -> Void = { _ = try PubMedArticleSetParser.records(fromXML: $0) }
        let esearch: ([UInt8]) throws -> Void = { _ = try ESearchResultParser.result(fromXML: $0) }
        #expect(try error("einfo.error.xml", efetch) == .ncbiError("Can not retrieve DbInfo for db=fleegle"))
        #expect(try error("esearch.baderror.xml", esearch) == .ncbiError("Invalid db name specified: fleegle"))
        #expect(try error("esummary.error.xml", efetch) == .ncbiError("Invalid db name specified: fleegle"))
        #expect(try error("esummary.pmcerror.xml", efetch) == .wrongRoot(expected: "PubmedArticleSet", found: "eSummaryResult"))
        // An ESearch answer with an ErrorList still has results.
        let partial = try ESearchResultParser.result(
            fromXML: [UInt8](try Data(contentsOf: FixtureFiles.sharedPubMed.appendingPathComponent("errors/esearch.error.xml")))
        )
        #expect(partial.count == 5163)
        #expect(partial.ids.count == 20)
        #expect(partial.errors == [.init(kind: "PhraseNotFound", text: "fleegle[MeSH Terms]")])
    }

    /// The full MEDLINE baseline sample: 30,000 records, streamed from the .gz file.
    @Test func medlineBaselineFileStreams() throws {
        let path = FixtureFiles.sharedPubMed.appendingPathComponent("medline-sample/pubmed20n0014.xml.gz").path
        let clock = ContinuousClock()
        var count = 0
        var withYear = 0
        var withAuthors = 0
        var pmids = Set<String>()
        let elapsed = try clock.measure {
            try PubMedArticleSetParser.forEachRecord(fromFile: path) { record in
                count += 1
                if record.year != nil { withYear += 1 }
                if !record.authors.isEmpty { withAuthors += 1 }
                pmids.insert(record.pmid)
            }
        }
        print("MEDLINE pubmed20n0014.xml.gz: \(count) records in \(elapsed)")
        #expect(count == 30000)
        #expect(pmids.count == 30000)
        #expect(withYear == count)
        #expect(withAuthors > count * 8 / 10)
    }
}
