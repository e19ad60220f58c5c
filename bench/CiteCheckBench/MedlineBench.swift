import CiteCheck
import Foundation
import PubMed

/// Was `SharedDataTests.medlineBaselineFileStreams`: the full MEDLINE baseline sample, 30,000 records, streamed from
/// the .gz file.
enum MedlineBench {
    static func stream(file: String) throws {
        let clock = ContinuousClock()
        var count = 0
        var withYear = 0
        var withAuthors = 0
        var pmids = Set<String>()
        let elapsed = try clock.measure {
            try PubMedArticleSetParser.forEachRecord(fromFile: file) { record in
                count += 1
                if record.year != nil { withYear += 1 }
                if !record.authors.isEmpty { withAuthors += 1 }
                pmids.insert(record.pmid)
            }
        }
        print("MEDLINE \((file as NSString).lastPathComponent): \(count) records in \(elapsed)")
        expect(count == 30000, "30,000 records (got \(count))")
        expect(pmids.count == 30000, "30,000 distinct PMIDs (got \(pmids.count))")
        expect(withYear == count, "every record has a year (\(withYear) of \(count))")
        expect(withAuthors > count * 8 / 10, "over 80% of records have authors (\(withAuthors) of \(count))")
    }
}

/// Was `SharedDataTests` (every EFetch, ESearch and ECitMatch answer of the shared data folder). The unit tests keep
/// a small copy of these answers in fixtures/pubmed-samples.
enum NCBIAnswersBench {
    static func files(_ directory: URL, _ folder: String) -> [URL] {
        let folder = directory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().map { folder.appendingPathComponent($0) }
    }

    static func run(directory path: String) throws {
        let directory = URL(fileURLWithPath: path)
        let efetch = ["biopython", "metapub", "pubmed-client"].flatMap { files(directory, "efetch/\($0)") }
            + [directory.appendingPathComponent("esearch/efetch.pubmed.xml")]
        var recordCount = 0
        for file in efetch {
            let bytes = [UInt8](try Data(contentsOf: file))
            let records = try PubMedArticleSetParser.records(fromXML: bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            let expected = text.components(separatedBy: "<PubmedArticle>").count - 1
                + text.components(separatedBy: "<PubmedBookArticle>").count - 1
            expect(records.count == expected, "\(file.lastPathComponent): \(expected) records (got \(records.count))")
            for record in records {
                expect(record.pmid.allSatisfy(\.isNumber) && !record.pmid.isEmpty, "\(file.lastPathComponent): numeric PMID (got \(record.pmid))")
                expect(!record.title.isEmpty, "\(file.lastPathComponent): no title for \(record.pmid)")
            }
            expect(try PubMedArticleSetParser.records(fromFile: file.path) == records, "\(file.lastPathComponent): same records from the file")
            recordCount += records.count
        }
        let esearch = files(directory, "esearch").filter { $0.lastPathComponent.hasPrefix("esearch") }
        for file in esearch {
            let bytes = [UInt8](try Data(contentsOf: file))
            let result = try ESearchResultParser.result(fromXML: bytes)
            let text = String(decoding: bytes, as: UTF8.self)
            expect(result.ids.count == text.components(separatedBy: "<Id>").count - 1, "\(file.lastPathComponent): every <Id>")
            expect(result.count >= result.ids.count, "\(file.lastPathComponent): count >= ids")
        }
        let ecitmatch = files(directory, "ecitmatch")
        for file in ecitmatch {
            let bytes = [UInt8](try Data(contentsOf: file))
            let result = try ECitMatchResultParser.result(fromText: bytes)
            let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").count
            expect(result.lines.count == lines, "\(file.lastPathComponent): \(lines) lines (got \(result.lines.count))")
            expect(result.unreadLines.isEmpty, "\(file.lastPathComponent): no unread lines")
        }
        print("NCBI answers: \(efetch.count) EFetch files (\(recordCount) records), \(esearch.count) ESearch, \(ecitmatch.count) ECitMatch")
    }
}
