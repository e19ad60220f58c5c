import CiteCheck
import Foundation
import PubMed
import Testing

@testable import PubMedIndex

@Suite struct MedlineIndexTests {
    /// Builds an index of the 150-record slice in a scratch folder.
    func builtIndex(_ name: String) throws -> (path: String, index: MedlineIndex) {
        let path = IndexFixtures.scratch(name) + "/pubmed.sqlite"
        let results = try MedlineIndexBuilder(path: path).apply([IndexFixtures.baseline], create: true)
        #expect(results.map(\.records) == [150])
        return (path, try MedlineIndex(path: path))
    }

    @Test func buildStoresEveryRecordAsMatchingReadsIt() throws {
        let (_, index) = try builtIndex("build")
        let info = try index.info()
        #expect(info.records == 150)
        #expect(info.files == 1)
        #expect(info.lastFile == "medline-sample-150.xml.gz")
        #expect(info.state == "complete")
        #expect(IndexFixtures.baselineRecords.count == 150)
        for record in IndexFixtures.baselineRecords {
            #expect(try index.record(pmid: record.pmid) == IndexedRecord.roundTrip(record))
        }
        // Field by field, what matching reads comes back unchanged (affiliations are not kept).
        let sample = IndexFixtures.baselineRecords[0]
        let stored = try #require(try index.record(pmid: sample.pmid))
        #expect(stored.title == sample.title && stored.pages == sample.pages && stored.volume == sample.volume)
        #expect(stored.authors.map(\.lastName) == sample.authors.map(\.lastName))
        #expect(stored.publicationTypes == sample.publicationTypes && stored.year == sample.year)
    }

    @Test func sameDecisionsAsTheRecordsInMemory() throws {
        let (_, index) = try builtIndex("same")
        let memory = RecordIndex(records: IndexFixtures.baselineRecords)
        let verifier = Verifier()
        var matched = 0
        for (position, record) in IndexFixtures.baselineRecords.enumerated() {
            var reference = IndexFixtures.reference(citing: record)
            // Every third reference carries a planted error: a wrong first page, a wrong year or no title.
            switch position % 3 {
            case 1: reference.pages = PageRange(first: "9999", last: nil)
            case 2: reference.year = (reference.year ?? 2000) + 3
            default: break
            }
            let fromIndex = verifier.findings(for: reference, result: try index.lookUp(reference, scorer: verifier.scorer))
            let fromMemory = verifier.findings(for: reference, result: try memory.lookUp(reference, scorer: verifier.scorer))
            #expect(fromIndex == fromMemory, "PMID \(record.pmid)")
            if case .matched(let found, _) = try index.lookUp(reference, scorer: verifier.scorer).outcome, found.pmid == record.pmid {
                matched += 1
            }
        }
        #expect(matched >= 140)
    }

    @Test func eachLookupFindsItsRecord() throws {
        let (_, index) = try builtIndex("lookups")
        let record = try #require(IndexFixtures.baselineRecords.first { $0.pmid == "399303" })
        // Identifier only.
        var byPMID = ParsedReference(raw: "PMID 399303")
        byPMID.pmid = "399303"
        #expect(try index.candidates(for: byPMID).map(\.pmid) == ["399303"])
        // First author + year.
        var byAuthor = ParsedReference(raw: "x")
        byAuthor.authors = [Author(family: record.authors[0].lastName, given: record.authors[0].initials)]
        byAuthor.year = record.year
        #expect(try index.candidates(for: byAuthor).contains { $0.pmid == "399303" })
        // Journal + volume + first page, and journal + first page.
        var byPage = ParsedReference(raw: "x")
        byPage.journal = record.isoAbbreviation
        byPage.volume = record.volume
        byPage.pages = record.pages
        #expect(try index.candidates(for: byPage).map(\.pmid) == ["399303"])
        byPage.volume = "999"
        #expect(try index.candidates(for: byPage).map(\.pmid) == ["399303"])
        // Title words (FTS5), a word misspelt.
        var byTitle = ParsedReference(raw: "x")
        byTitle.title = "Historical perspectives in hospital nutrition: diet in typhoid fevers"
        #expect(try index.candidates(for: byTitle).first?.pmid == "399303")
        // Nothing shared.
        var unrelated = ParsedReference(raw: "x")
        unrelated.title = "Quantum chromodynamics on the lattice"
        #expect(try index.candidates(for: unrelated).isEmpty)
    }

    @Test func boundedLookupsStillFindEachRecordByItsTitle() throws {
        let (path, _) = try builtIndex("bounded")
        var limits = MedlineIndex.LookupLimits()
        limits.titleTokens = 2
        limits.postingsPerToken = 1
        limits.recordsPerKey = 1
        limits.titleCandidates = 3
        let index = try MedlineIndex(path: path, limits: limits)
        let titled = IndexFixtures.baselineRecords.filter { !$0.title.isEmpty }
        var holding: [String: Int] = [:]
        for record in titled { for token in RecordLookupKeys(record).titleTokens { holding[token, default: 0] += 1 } }
        var found = 0
        var cut = 0
        for record in titled {
            var byTitle = ParsedReference(raw: record.title)
            byTitle.title = record.title
            let candidates = try index.candidates(for: byTitle)
            #expect(candidates.count <= 3)
            if candidates.contains(where: { $0.pmid == record.pmid }) { found += 1 }
            let rarest = RecordLookupKeys(record).titleTokens.map { holding[$0] ?? 0 }.sorted().prefix(2)
            if rarest.count == 2, rarest.allSatisfy({ $0 > 1 }) { cut += 1 }
        }
        // Two tokens, one posting each, or the records holding both (when both lists were cut, as for `cut`
        // titles): every title still finds its record.
        #expect(found == titled.count)
        #expect(cut > 0)
    }

    @Test func aSettledMatchGivesTheSameResultWithoutTheTitleSearch() throws {
        let (_, index) = try builtIndex("settled")
        let memory = RecordIndex(records: IndexFixtures.baselineRecords)
        let scorer = Verifier().scorer
        var settled = 0
        for record in IndexFixtures.baselineRecords {
            let reference = IndexFixtures.reference(citing: record)
            let fromIndex = try index.lookUp(reference, scorer: scorer)
            #expect(fromIndex == (try memory.lookUp(reference, scorer: scorer)), "PMID \(record.pmid)")
            if scorer.isSettled(reference, fromIndex) { settled += 1 }
        }
        #expect(settled >= 100)
    }

    @Test func updateReplacesRevisedRecordsAndRemovesDeletedOnes() throws {
        let (path, _) = try builtIndex("update")
        let before = try MedlineIndex(path: path)
        let revised = try #require(IndexFixtures.baselineRecords.first { $0.pmid == "399303" })
        let deleted = try #require(IndexFixtures.baselineRecords.first { $0.pmid == "399322" })
        #expect(try before.record(pmid: "399303")?.medlinePages == "142-4")

        let results = try MedlineIndexBuilder(path: path).apply([IndexFixtures.update], create: false)
        #expect(results.map(\.records) == [1])
        #expect(results.map(\.deletions) == [1])
        let index = try MedlineIndex(path: path)
        let info = try index.info()
        #expect(info.records == 149)
        #expect(info.files == 2)
        #expect(info.lastFile == "medline-update-crafted.xml")
        #expect(try index.record(pmid: "399322") == nil)
        #expect(try index.record(pmid: "399303")?.medlinePages == "142-6")

        let verifier = Verifier()
        // The deleted record no longer matches, by any key.
        let gone = IndexFixtures.reference(citing: deleted)
        #expect(try !index.candidates(for: gone).contains { $0.pmid == "399322" })
        #expect(try index.lookUp(gone, scorer: verifier.scorer).outcome == .notFound)
        // The revised pages are what gets compared: the old pages are now reported, the new ones are clean.
        let old = IndexFixtures.reference(citing: revised)
        let findings = verifier.findings(for: old, result: try index.lookUp(old, scorer: verifier.scorer))
        #expect(findings.map(\.rule) == [PubMedPagesRule.description.id])
        #expect(findings.first?.expected?.contains("142-146") == true || findings.first?.message.contains("142-6") == true)
        var current = old
        current.pages = PageRange(first: "142", last: "146", lastAsWritten: "6")
        #expect(verifier.findings(for: current, result: try index.lookUp(current, scorer: verifier.scorer)).isEmpty)
        // Keys of the old version are gone: one record per PMID, one title posting.
        #expect(try index.candidates(for: old).filter { $0.pmid == "399303" }.count == 1)
    }

    @Test func rerunSkipsRecordedFilesAndRefusesAChangedOne() throws {
        let (path, _) = try builtIndex("rerun")
        let again = try MedlineIndexBuilder(path: path).apply([IndexFixtures.baseline], create: true)
        #expect(again.map(\.skipped) == [true])
        // Another file under the same name.
        let folder = IndexFixtures.scratch("rerun-changed")
        let impostor = folder + "/medline-sample-150.xml.gz"
        try FileManager.default.copyItem(atPath: IndexFixtures.update, toPath: impostor)
        #expect(throws: IndexError.self) { try MedlineIndexBuilder(path: path).apply([impostor], create: false) }
        #expect(try MedlineIndex(path: path).info().records == 150)
    }

    @Test func unusableFilesAreRefusedClearly() throws {
        let folder = IndexFixtures.scratch("unusable")
        let missing = folder + "/none.sqlite"
        #expect(throws: IndexError.missingIndex(path: missing)) { try MedlineIndex(path: missing) }
        #expect(throws: IndexError.missingIndex(path: missing)) { try MedlineIndexBuilder(path: missing).apply([IndexFixtures.update], create: false) }

        let garbage = folder + "/garbage.sqlite"
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        #expect(throws: IndexError.corrupt(path: garbage, reason: "the file is not an SQLite database")) { try MedlineIndex(path: garbage) }

        let (built, _) = try builtIndex("truncated")
        let truncated = folder + "/truncated.sqlite"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: built))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        do {
            _ = try MedlineIndex(path: truncated)
            Issue.record("a truncated index opened")
        } catch {
            guard case .corrupt = error else {
                Issue.record("\(error)")
                return
            }
            #expect(error.description.contains("cut short"))
        }

        let foreign = folder + "/foreign.sqlite"
        let other = try GRDBScratch.database(foreign)
        _ = other
        do {
            _ = try MedlineIndex(path: foreign)
            Issue.record("a foreign database opened")
        } catch {
            guard case .foreign = error else {
                Issue.record("\(error)")
                return
            }
        }
        // A build into another application's database leaves it alone.
        #expect(throws: IndexError.self) { try MedlineIndexBuilder(path: foreign).apply([IndexFixtures.update], create: true) }
    }

    @Test func aFolderWithoutMedlineFilesIsAnError() throws {
        let folder = IndexFixtures.scratch("empty-folder")
        #expect(throws: IndexError.unreadableFile(path: folder, reason: "no .xml or .xml.gz file in this folder")) {
            try MedlineIndexBuilder(path: folder + "/pubmed.sqlite").apply([folder], create: true)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/pubmed.sqlite"))
    }

    @Test func md5MatchesKnownDigests() {
        var empty = MD5()
        #expect(empty.finalizeHex() == "d41d8cd98f00b204e9800998ecf8427e")
        var fox = MD5()
        fox.update(Array("The quick brown fox jumps over the lazy dog".utf8))
        #expect(fox.finalizeHex() == "9e107d9d372bb6826bd81d3542a419d6")
        var long = MD5()
        let text = Array(String(repeating: "0123456789", count: 100).utf8)
        for chunk in stride(from: 0, to: text.count, by: 7) { long.update(Array(text[chunk..<min(text.count, chunk + 7)])) }
        var whole = MD5()
        whole.update(text)
        #expect(long.finalizeHex() == whole.finalizeHex())
    }
}
