import CiteCheck
import FoundationEssentials
import Testing
@testable import PubMed

/// The index built from the MEDLINE sample through the real XML parser (not the generator's JSON), verified with the
/// generator's references: the parser's records must give the same accuracy.
///
/// Opt-in: `CITECHECK_VERIFY_BENCH=bench/out swift test -c release --filter MedlineIndexBench` (needs the sample).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] != nil))
struct MedlineIndexBenchTests {
    static let sample = "/work/shared/data/pubmed/medline-sample/pubmed20n0014.xml.gz"

    @Test func parsedSampleGivesTheSameAccuracy() throws {
        guard FileManager.default.fileExists(atPath: Self.sample) else { return }
        let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["CITECHECK_VERIFY_BENCH"] ?? "bench/out")
        let text = try String(contentsOf: directory.appendingPathComponent("verify-truth.jsonl"), encoding: .utf8)
        let truth = try text.split(separator: "\n").map { try JSONDecoder().decode(VerifyAccuracyBenchTests.TruthLine.self, from: Data($0.utf8)) }
        let clock = ContinuousClock()
        var records: [PubMedRecord] = []
        let parseTime = try clock.measure { records = try PubMedArticleSetParser.records(fromFile: Self.sample) }
        var index: RecordIndex?
        let buildTime = clock.measure { index = RecordIndex(records: records) }
        guard let index else { return }
        var hits = 0, planted = 0, clean = 0, cleanOK = 0, wrong = 0
        for line in truth {
            let verification = Verifier().verify(line.parsed, in: index)
            if let record = verification.result.record, record.pmid != line.pmid { wrong += 1 }
            if let plant = line.planted {
                planted += 1
                if verification.findings.contains(where: { $0.rule == plant.rule }) { hits += 1 } else {
                    print("MISS #\(line.index) \(plant.kind): \(line.text) → \(verification.result.outcome.summary) \(verification.findings.map(\.message))")
                }
            } else {
                clean += 1
                let serious = verification.findings.filter { $0.severity >= .warning }
                if serious.isEmpty { cleanOK += 1 } else {
                    print("FALSE #\(line.index): \(line.text) → \(serious.map { "\($0.rule): \($0.message) [\($0.found ?? "") / \($0.expected ?? "")]" })")
                }
            }
        }
        print("XML sample: \(records.count) records parsed in \(parseTime), indexed in \(buildTime); recall \(hits)/\(planted), precision \(cleanOK)/\(clean), wrong matches \(wrong)")
        #expect(wrong == 0)
        #expect(Double(hits) >= 0.95 * Double(planted))
        #expect(Double(cleanOK) >= 0.98 * Double(clean))
    }
}
