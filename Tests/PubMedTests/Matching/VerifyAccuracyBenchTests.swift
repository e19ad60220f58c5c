import CiteCheck
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import PubMed

/// Accuracy and speed of matching + field comparison on `bench/verify-accuracy.py generate` output, with the
/// references parsed as a correct parser would (so this measures matching alone, not parsing).
///
/// Opt-in: `CITECHECK_VERIFY_BENCH=bench/out swift test -c release --filter VerifyAccuracyBench`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] != nil))
struct VerifyAccuracyBenchTests {
    struct Planted: Decodable {
        var kind: String
        var rule: String
    }

    struct TruthLine: Decodable {
        var index: Int
        var pmid: String
        var style: String
        var text: String
        var planted: Planted?
        var parsed: ParsedReference
    }

    @Test func recallAndPrecisionOnPlantedErrors() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] ?? "bench/out")
        let decoder = JSONDecoder()
        func lines(_ name: String) throws -> [Data] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").map { Data($0.utf8) }
        }
        let records = try lines("medline-records.jsonl").map { try decoder.decode(PubMedRecord.self, from: $0) }
        let truth = try lines("verify-truth.jsonl").map { try decoder.decode(TruthLine.self, from: $0) }

        let clock = ContinuousClock()
        var index: RecordIndex?
        var cpu = threadCPUSeconds()
        let buildTime = clock.measure { index = RecordIndex(records: records) }
        let buildCPU = threadCPUSeconds() - cpu
        guard let index else { return }
        let verifier = Verifier()
        var verifications: [Verification] = []
        cpu = threadCPUSeconds()
        let verifyTime = clock.measure {
            verifications = truth.map { verifier.verify($0.parsed, in: index) }
        }
        let verifyCPU = threadCPUSeconds() - cpu

        var hits = 0
        var planted = 0
        var clean = 0
        var cleanOK = 0
        var wrongMatches = 0
        for (line, verification) in zip(truth, verifications) {
            if let matched = verification.result.record, matched.pmid != line.pmid { wrongMatches += 1 }
            let serious = verification.findings.filter { $0.severity >= .warning }
            if let plant = line.planted {
                planted += 1
                if verification.findings.contains(where: { $0.rule == plant.rule }) {
                    hits += 1
                } else {
                    print("MISS #\(line.index) \(plant.kind): \(line.text)\n  → \(verification.result.outcome.summary) \(verification.findings.map(\.message))")
                }
            } else {
                clean += 1
                if serious.isEmpty {
                    cleanOK += 1
                } else {
                    print("FALSE #\(line.index): \(line.text)\n  → \(verification.result.outcome.summary) \(serious.map { "\($0.rule): \($0.message)" })")
                }
            }
        }
        let recall = Double(hits) / Double(max(planted, 1))
        let precision = Double(cleanOK) / Double(max(clean, 1))
        print("records \(records.count), references \(truth.count): index built in \(buildTime) (thread CPU \(buildCPU) s), matched and verified in \(verifyTime) (thread CPU \(verifyCPU) s)")
        print("recall \(recall) (\(hits)/\(planted)), precision \(precision) (\(cleanOK)/\(clean)), wrong matches \(wrongMatches)")
        #expect(wrongMatches == 0)
        #expect(recall >= 0.95)
        #expect(precision >= 0.98)
    }
}

extension VerifyAccuracyBenchTests {
    /// The worst failure is a wrong match that "finds" errors: with the cited records taken out of the index, no
    /// reference may match anything.
    @Test func withTheCitedRecordsRemovedNothingMatches() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] ?? "bench/out")
        let decoder = JSONDecoder()
        func lines(_ name: String) throws -> [Data] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").map { Data($0.utf8) }
        }
        let truth = try lines("verify-truth.jsonl").map { try decoder.decode(TruthLine.self, from: $0) }
        let cited = Set(truth.map(\.pmid))
        let all = try lines("medline-records.jsonl").map { try decoder.decode(PubMedRecord.self, from: $0) }
        let citedRecords = Dictionary(all.filter { cited.contains($0.pmid) }.map { ($0.pmid, $0) }, uniquingKeysWith: { $1 })
        let index = RecordIndex(records: all.filter { !cited.contains($0.pmid) })
        var wrong = 0
        var ambiguous = 0
        for line in truth {
            let verification = Verifier().verify(line.parsed, in: index)
            switch verification.result.outcome {
            case .matched(let record, let score):
                // MEDLINE indexes a few papers twice (same title and authors, another issue): that is the same paper.
                if let own = citedRecords[line.pmid], MatchingText.titleTokens(own.title) == MatchingText.titleTokens(record.title),
                   own.authors.first?.lastName == record.authors.first?.lastName {
                    print("DUPLICATE #\(line.index) → \(record.pmid) (MEDLINE duplicate of \(own.pmid))")
                    continue
                }
                wrong += 1
                print("WRONG MATCH #\(line.index) → \(record.pmid) (\(score)) \(record.title): \(line.text)")
            case .ambiguous: ambiguous += 1
            case .notFound: break
            }
        }
        print("cited records removed: \(truth.count) references, wrong matches \(wrong), ambiguous \(ambiguous)")
        #expect(wrong == 0)
    }

    struct RealLine: Decodable {
        var index: Int
        var pmid: String
        var text: String
        var parsed: ParsedReference?
    }

    /// Real bare citations (`Brain Res. 1977 Jun 17;128(3):485-96`) of sample records, from `verify-accuracy.py real`:
    /// none may match another record, and nearly all should match their own.
    @Test func realBareCitationsMatchTheirRecords() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] ?? "bench/out")
        let decoder = JSONDecoder()
        func lines(_ name: String) throws -> [Data] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").map { Data($0.utf8) }
        }
        let real = try lines("real-truth.jsonl").map { try decoder.decode(RealLine.self, from: $0) }.filter { $0.parsed != nil }
        let index = RecordIndex(records: try lines("medline-records.jsonl").map { try decoder.decode(PubMedRecord.self, from: $0) })
        var matched = 0
        var wrong = 0
        var findings: [String: Int] = [:]
        for line in real {
            guard let parsed = line.parsed else { continue }
            let verification = Verifier().verify(parsed, in: index)
            if let record = verification.result.record {
                if record.pmid == line.pmid { matched += 1 } else { wrong += 1; print("WRONG #\(line.index): \(line.text) → \(record.pmid)") }
            } else {
                print("UNMATCHED #\(line.index): \(line.text) → \(verification.result.outcome.summary)")
            }
            for finding in verification.findings { findings[finding.rule, default: 0] += 1 }
        }
        print("real bare citations \(real.count): matched \(matched), wrong \(wrong); findings \(findings.sorted { $0.key < $1.key })")
        #expect(wrong == 0)
        #expect(Double(matched) >= 0.9 * Double(real.count))
    }
}

extension VerifyAccuracyBenchTests {
    /// 1,795 real PLOS references (fields as annotated) cite papers outside the 1977–79 sample: against its index,
    /// any match must be the cited paper itself (same title), never a look-alike.
    @Test func realPLOSReferencesDoNotMatchOtherPapers() throws {
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] ?? "bench/out")
        let decoder = JSONDecoder()
        func lines(_ name: String) throws -> [Data] {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            return text.split(separator: "\n").map { Data($0.utf8) }
        }
        guard let plosData = try? lines("plos-parsed.jsonl") else { return }
        let references = try plosData.map { try decoder.decode(ParsedReference.self, from: $0) }
        let index = RecordIndex(records: try lines("medline-records.jsonl").map { try decoder.decode(PubMedRecord.self, from: $0) })
        var matched = 0
        var wrong = 0
        for reference in references {
            guard let record = Verifier().verify(reference, in: index).result.record else { continue }
            matched += 1
            if MatchingText.titleSimilarity(reference.title ?? "", record.title) < 0.9 {
                wrong += 1
                print("WRONG PLOS MATCH → \(record.pmid) \(record.title): \(reference.raw)")
            }
        }
        print("PLOS references \(references.count): matched \(matched), to another paper \(wrong)")
        #expect(wrong == 0)
    }
}

/// CPU time of the calling thread, so timings mean something on a shared, loaded machine.
private func threadCPUSeconds() -> Double {
    #if canImport(Glibc)
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    #else
    return 0
    #endif
}

extension MatchOutcome {
    var summary: String {
        switch self {
        case .matched(let record, let score): "matched \(record.pmid) (\(score))"
        case .ambiguous(let records): "ambiguous \(records.map(\.pmid))"
        case .notFound: "not found"
        }
    }
}
