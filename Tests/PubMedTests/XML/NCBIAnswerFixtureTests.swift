import CiteCheck
import Foundation
import Testing

@testable import PubMed

/// Runs the parsers over every real NCBI answer kept in fixtures/ (pubmed-samples: copies of real E-utilities answers;
/// pubmed: the example post's records; pubmed-medline: 150 MEDLINE records). The full shared data set (185 EFetch
/// answers, the 30,000-record MEDLINE file) is read by `bench/swift-bench.sh ncbi-answers` and `medline-stream`.
@Suite struct NCBIAnswerFixtureTests {
    static let samples = FixtureFiles.files("fixtures/pubmed-samples")
    static let efetchFiles =
        samples.filter { $0.lastPathComponent.first?.isNumber == true || $0.lastPathComponent.hasPrefix("pubmed") }
        + FixtureFiles.files("fixtures/pubmed").filter { $0.pathExtension == "xml" }
    static let esearchFiles = samples.filter { $0.lastPathComponent.hasPrefix("esearch") && !$0.lastPathComponent.contains("error") }
    static let ecitmatchFiles = samples.filter { $0.lastPathComponent.hasPrefix("citmatch_") }

    /// The lists the parameterised tests below run on are not empty by accident (a moved folder).
    @Test func everyKindOfAnswerIsThere() {
        #expect(Self.efetchFiles.count == 15)
        #expect(Self.esearchFiles.count == 8)
        #expect(Self.ecitmatchFiles.count == 3)
    }

    @Test(arguments: efetchFiles)
    func everyEFetchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let records = try PubMedArticleSetParser.records(fromXML: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        let expected =
            text.components(separatedBy: "<PubmedArticle>").count - 1
            + text.components(separatedBy: "<PubmedBookArticle>").count - 1
        #expect(records.count == expected)
        for record in records {
            #expect(record.pmid.allSatisfy(\.isNumber) && !record.pmid.isEmpty)
            #expect(!record.title.isEmpty, "no title for \(record.pmid)")
        }
        // The same file read from disk gives the same records.
        #expect(try PubMedArticleSetParser.records(fromFile: file.path) == records)
    }

    @Test(arguments: esearchFiles)
    func everyESearchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let result = try ESearchResultParser.result(fromXML: bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(result.ids.count == text.components(separatedBy: "<Id>").count - 1)
        #expect(result.count >= result.ids.count)
    }

    @Test(arguments: ecitmatchFiles)
    func everyECitMatchAnswerParses(file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        let result = try ECitMatchResultParser.result(fromText: bytes)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").count
        #expect(result.lines.count == lines)
        #expect(result.unreadLines.isEmpty)
    }

    @Test func errorBodiesAreRecognised() throws {
        func error(_ name: String, _ parse: ([UInt8]) throws -> Void) throws -> PubMedXMLError? {
            let bytes = try FixtureFiles.bytes("fixtures/pubmed-samples/\(name)")
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
        let partial = try ESearchResultParser.result(fromXML: FixtureFiles.bytes("fixtures/pubmed-samples/esearch.error.xml"))
        #expect(partial.count == 5163)
        #expect(partial.ids.count == 20)
        #expect(partial.errors == [.init(kind: "PhraseNotFound", text: "fleegle[MeSH Terms]")])
    }

    /// A MEDLINE baseline file streamed from .gz: the 150-record excerpt of pubmed20n0014.xml.gz (the whole file's
    /// 30,000 records: `bench/swift-bench.sh medline-stream`).
    @Test func medlineExcerptStreams() throws {
        let path = FixtureFiles.url("fixtures/pubmed-medline/medline-sample-150.xml.gz").path
        var count = 0
        var withYear = 0
        var withAuthors = 0
        var pmids = Set<String>()
        try PubMedArticleSetParser.forEachRecord(fromFile: path) { record in
            count += 1
            if record.year != nil { withYear += 1 }
            if !record.authors.isEmpty { withAuthors += 1 }
            pmids.insert(record.pmid)
        }
        #expect(count == 150)
        #expect(pmids.count == 150)
        #expect(withYear == count)
        #expect(withAuthors > count * 8 / 10)
        // Streaming and reading the whole file give the same records.
        #expect(try PubMedArticleSetParser.records(fromFile: path).map(\.pmid).count == 150)
    }
}
