import CiteCheck
import Dispatch
import Foundation
import PubMed
import Synchronization
import Testing

@testable import PubMedIndex

@Suite struct ConcurrentReadTests {
    /// Readers on their own connections keep getting whole answers while an update commits file after file.
    @Test func readersWhileAnUpdateRuns() throws {
        let folder = IndexFixtures.scratch("concurrent")
        let path = folder + "/pubmed.sqlite"
        try MedlineIndexBuilder(path: path).apply([IndexFixtures.baseline], create: true)
        // Twelve update files that each revise all 150 records (the same content under new names).
        var updates: [String] = []
        for number in 1...12 {
            let file = folder + "/update-\(String(format: "%03d", number)).xml.gz"
            try FileManager.default.copyItem(atPath: IndexFixtures.baseline, toPath: file)
            updates.append(file)
        }
        let record = try #require(IndexFixtures.baselineRecords.first { $0.pmid == "399303" })
        let reference = IndexFixtures.reference(citing: record)

        let writing = Atomic<Bool>(true)
        let updating = Atomic<Bool>(false)
        let lookupsDuringUpdate = Atomic<Int>(0)
        let failures = Mutex<[String]>([])
        let group = DispatchGroup()
        for _ in 0..<2 {
            group.enter()
            DispatchQueue.global().async {
                defer { group.leave() }
                do {
                    let index = try MedlineIndex(path: path)
                    repeat {
                        let duringUpdate = updating.load(ordering: .acquiring)
                        let result = try index.lookUp(reference, scorer: MatchScorer())
                        guard case .matched(let found, _) = result.outcome, found.pmid == "399303" else {
                            failures.withLock { $0.append("no match: \(result.outcome)") }
                            return
                        }
                        let count = try index.info().records
                        if count != 150 { failures.withLock { $0.append("\(count) records seen") } }
                        if duringUpdate && writing.load(ordering: .acquiring) { lookupsDuringUpdate.add(1, ordering: .relaxed) }
                    } while writing.load(ordering: .acquiring)
                } catch {
                    failures.withLock { $0.append("\(error)") }
                }
            }
        }
        // The first update file, then (on a loaded machine the readers may not have run yet) a bounded wait until a
        // reader has looked up during the update, then the other eleven.
        updating.store(true, ordering: .releasing)
        var results = try MedlineIndexBuilder(path: path).apply([updates[0]], create: false)
        let deadline = ContinuousClock.now + .seconds(60)
        while lookupsDuringUpdate.load(ordering: .relaxed) == 0, ContinuousClock.now < deadline { usleep(2_000) }
        results += try MedlineIndexBuilder(path: path).apply(Array(updates.dropFirst()), create: false)
        writing.store(false, ordering: .releasing)
        group.wait()
        #expect(results.count == 12 && results.allSatisfy { $0.records == 150 && !$0.skipped })
        #expect(failures.withLock { $0 } == [])
        #expect(lookupsDuringUpdate.load(ordering: .relaxed) > 0)
        #expect(try MedlineIndex(path: path).info().files == 13)
    }

    /// A second writer is turned away while one runs.
    @Test func oneWriterAtATime() throws {
        let folder = IndexFixtures.scratch("writers")
        let path = folder + "/pubmed.sqlite"
        try MedlineIndexBuilder(path: path).apply([IndexFixtures.baseline], create: true)
        let lock = try WriterLock(path: path)
        #expect(throws: IndexError.busy(path: path)) { try MedlineIndexBuilder(path: path).apply([IndexFixtures.update], create: false) }
        lock.release()
        #expect(try MedlineIndexBuilder(path: path).apply([IndexFixtures.update], create: false).count == 1)
    }
}
