import CiteCheck
import Foundation
import PubMed

@testable import PubMedIndex

/// The fixtures the index tests read, and scratch folders for the indexes they build.
enum IndexFixtures {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// 150 real MEDLINE records (a slice of a 2020 baseline file; fixtures/pubmed-medline/README.md).
    static let baseline = root.appendingPathComponent("fixtures/pubmed-medline/medline-sample-150.xml.gz").path
    /// A crafted update file: PMID 399303 with pages 142-6 (were 142-4) and a DeleteCitation of PMID 399322.
    static let update = root.appendingPathComponent("fixtures/pubmed-medline/medline-update-crafted.xml").path

    static let baselineRecords: [PubMedRecord] = (try? PubMedArticleSetParser.records(fromFile: baseline)) ?? []

    /// A fresh empty folder under the temporary directory.
    static func scratch(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-index-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The reference a correct parser would give for `record` (Vancouver-like fields).
    static func reference(citing record: PubMedRecord) -> ParsedReference {
        var reference = ParsedReference(raw: record.title)
        reference.title = record.title
        reference.authors = record.authors.prefix(3).map { Author(family: $0.lastName, given: $0.initials, isGroup: $0.isCollective) }
        reference.etAl = record.authors.count > 3
        reference.journal = record.isoAbbreviation ?? record.medlineTA ?? record.journalTitle
        reference.year = record.year
        reference.volume = record.volume
        reference.issue = record.issue
        reference.pages = record.pages
        return reference
    }
}
