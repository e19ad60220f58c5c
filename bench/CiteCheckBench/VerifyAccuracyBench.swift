import CiteCheck
import Foundation
import PubMed

/// Was `VerifyAccuracyBenchTests` and `MedlineIndexBenchTests` (CITECHECK_VERIFY_BENCH): accuracy and speed of
/// matching + field comparison on `bench/verify-accuracy.py generate` output, with the references parsed as a correct
/// parser would (so this measures matching alone, not parsing).
enum VerifyAccuracyBench {
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

    struct RealLine: Decodable {
        var index: Int
        var pmid: String
        var text: String
        var parsed: ParsedReference?
    }

    static let decoder = JSONDecoder()

    static func records(_ out: String) throws -> [PubMedRecord] {
        try jsonLines(out + "/medline-records.jsonl").map { try decoder.decode(PubMedRecord.self, from: $0) }
    }

    static func truth(_ out: String) throws -> [TruthLine] {
        try jsonLines(out + "/verify-truth.jsonl").map { try decoder.decode(TruthLine.self, from: $0) }
    }

    /// Title similarity for telling "the same paper" from a look-alike, from the public word-level Dice coefficient:
    /// the best of full title against full title and either full title against the other's main title (before
    /// `: `), so a subtitle left out does not count as another paper. (The matcher's own measure is internal to PubMed.)
    static func titleSimilarity(_ a: String, _ b: String) -> Double {
        func main(_ title: String) -> [String]? {
            guard let colon = title.range(of: ": ") else { return nil }
            let words = Normalization.titleWords(String(title[..<colon.lowerBound]))
            return words.count >= 3 ? words : nil
        }
        let wa = Normalization.titleWords(a), wb = Normalization.titleWords(b)
        if !wa.isEmpty, wa.joined() == wb.joined() { return 1 }
        var best = Normalization.titleSimilarity(words: wa, wb)
        if let mb = main(b) { best = max(best, Normalization.titleSimilarity(words: wa, mb)) }
        if let ma = main(a) { best = max(best, Normalization.titleSimilarity(words: ma, wb)) }
        return best
    }

    /// Recall of planted errors and precision on clean references; prints misses and false alarms.
    static func score(_ truth: [TruthLine], _ verifications: [Verification]) -> (hits: Int, planted: Int, cleanOK: Int, clean: Int, wrong: Int) {
        var hits = 0, planted = 0, clean = 0, cleanOK = 0, wrong = 0
        for (line, verification) in zip(truth, verifications) {
            if let matched = verification.result.record, matched.pmid != line.pmid { wrong += 1 }
            if let plant = line.planted {
                planted += 1
                if verification.findings.contains(where: { $0.rule == plant.rule }) {
                    hits += 1
                } else {
                    print("MISS #\(line.index) \(plant.kind): \(line.text)\n  → \(verification.result.outcome.summary) \(verification.findings.map(\.message))")
                }
            } else {
                clean += 1
                let serious = verification.findings.filter { $0.severity >= .warning }
                if serious.isEmpty {
                    cleanOK += 1
                } else {
                    print("FALSE #\(line.index): \(line.text)\n  → \(verification.result.outcome.summary) \(serious.map { "\($0.rule): \($0.message) [\($0.found ?? "") / \($0.expected ?? "")]" })")
                }
            }
        }
        return (hits, planted, cleanOK, clean, wrong)
    }

    static func recallAndPrecisionOnPlantedErrors(out: String) throws {
        let records = try records(out)
        let truth = try truth(out)
        let clock = ContinuousClock()
        var index: RecordIndex?
        var cpu = threadCPUSeconds()
        let buildTime = clock.measure { index = RecordIndex(records: records) }
        let buildCPU = threadCPUSeconds() - cpu
        guard let index else { return }
        let verifier = Verifier()
        var verifications: [Verification] = []
        cpu = threadCPUSeconds()
        let verifyTime = clock.measure { verifications = truth.map { verifier.verify($0.parsed, in: index) } }
        let verifyCPU = threadCPUSeconds() - cpu
        let s = score(truth, verifications)
        let recall = Double(s.hits) / Double(max(s.planted, 1))
        let precision = Double(s.cleanOK) / Double(max(s.clean, 1))
        print("records \(records.count), references \(truth.count): index built in \(buildTime) (thread CPU \(buildCPU) s), matched and verified in \(verifyTime) (thread CPU \(verifyCPU) s)")
        print("recall \(recall) (\(s.hits)/\(s.planted)), precision \(precision) (\(s.cleanOK)/\(s.clean)), wrong matches \(s.wrong)")
        expect(s.wrong == 0, "no wrong matches (\(s.wrong))")
        expect(recall >= 0.95, "recall >= 0.95 (\(recall))")
        expect(precision >= 0.98, "precision >= 0.98 (\(precision))")
    }

    /// The worst failure is a wrong match that "finds" errors: with the cited records taken out of the index, no
    /// reference may match anything.
    static func withTheCitedRecordsRemovedNothingMatches(out: String) throws {
        let truth = try truth(out)
        let cited = Set(truth.map(\.pmid))
        let all = try records(out)
        let citedRecords = Dictionary(all.filter { cited.contains($0.pmid) }.map { ($0.pmid, $0) }, uniquingKeysWith: { $1 })
        let index = RecordIndex(records: all.filter { !cited.contains($0.pmid) })
        var wrong = 0
        var ambiguous = 0
        for line in truth {
            let verification = Verifier().verify(line.parsed, in: index)
            switch verification.result.outcome {
            case .matched(let record, let score):
                // MEDLINE indexes a few papers twice (same title and authors, another issue): that is the same paper.
                if let own = citedRecords[line.pmid], Normalization.titleWords(own.title) == Normalization.titleWords(record.title),
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
        expect(wrong == 0, "no wrong matches with the cited records removed (\(wrong))")
    }

    /// Real bare citations (`Brain Res. 1977 Jun 17;128(3):485-96`) of sample records, from `verify-accuracy.py real`:
    /// none may match another record, and nearly all should match their own. Skipped (said so) without real-truth.jsonl.
    static func realBareCitationsMatchTheirRecords(out: String) throws {
        guard let lines = try? jsonLines(out + "/real-truth.jsonl") else {
            print("real bare citations: no \(out)/real-truth.jsonl (run `bench/verify-accuracy.py real`); not measured")
            return
        }
        let real = try lines.map { try decoder.decode(RealLine.self, from: $0) }.filter { $0.parsed != nil }
        let index = RecordIndex(records: try records(out))
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
        expect(wrong == 0, "no real citation matches another record (\(wrong))")
        expect(Double(matched) >= 0.9 * Double(real.count), "90% of real citations match their record (\(matched) of \(real.count))")
    }

    /// 1,795 real PLOS references (fields as annotated) cite papers outside the 1977–79 sample: against its index,
    /// any match must be the cited paper itself (same title), never a look-alike. Skipped (said so) without
    /// plos-parsed.jsonl.
    static func realPLOSReferencesDoNotMatchOtherPapers(out: String) throws {
        guard let plosData = try? jsonLines(out + "/plos-parsed.jsonl") else {
            print("PLOS references: no \(out)/plos-parsed.jsonl; not measured")
            return
        }
        let references = try plosData.map { try decoder.decode(ParsedReference.self, from: $0) }
        let index = RecordIndex(records: try records(out))
        var matched = 0
        var wrong = 0
        for reference in references {
            guard let record = Verifier().verify(reference, in: index).result.record else { continue }
            matched += 1
            if titleSimilarity(reference.title ?? "", record.title) < 0.9 {
                wrong += 1
                print("WRONG PLOS MATCH → \(record.pmid) \(record.title): \(reference.raw)")
            }
        }
        print("PLOS references \(references.count): matched \(matched), to another paper \(wrong)")
        expect(wrong == 0, "no PLOS reference matches another paper (\(wrong))")
    }

    /// The index built from the MEDLINE file through the real XML parser (not the generator's JSON), verified with the
    /// generator's references: the parser's records must give the same accuracy.
    static func parsedSampleGivesTheSameAccuracy(file: String, out: String) throws {
        let truth = try truth(out)
        let clock = ContinuousClock()
        var records: [PubMedRecord] = []
        let parseTime = try clock.measure { records = try PubMedArticleSetParser.records(fromFile: file) }
        var index: RecordIndex?
        let buildTime = clock.measure { index = RecordIndex(records: records) }
        guard let index else { return }
        let s = score(truth, truth.map { Verifier().verify($0.parsed, in: index) })
        print("XML sample: \(records.count) records parsed in \(parseTime), indexed in \(buildTime); recall \(s.hits)/\(s.planted), precision \(s.cleanOK)/\(s.clean), wrong matches \(s.wrong)")
        expect(s.wrong == 0, "no wrong matches (\(s.wrong))")
        expect(Double(s.hits) >= 0.95 * Double(s.planted), "recall >= 0.95 (\(s.hits)/\(s.planted))")
        expect(Double(s.cleanOK) >= 0.98 * Double(s.clean), "precision >= 0.98 (\(s.cleanOK)/\(s.clean))")
    }
}
