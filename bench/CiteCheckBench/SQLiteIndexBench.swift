import CiteCheck
import Foundation
import PubMed
import PubMedIndex

/// The on-disk MEDLINE index (`citecheck index build`): each of `verify-accuracy.py generate`'s references (parsed as
/// a correct parser would) matched through ``MedlineIndex`` one at a time, from a warm index (a first pass reads the
/// pages in): median and 90th-percentile time per reference, and the same recall/precision scoring as the in-memory
/// index. Targets: median <= 1 ms; recall >= 0.90 and precision >= 0.95 (the issue's), no wrong match.
enum SQLiteIndexBench {
    static func lookups(index path: String, out: String) throws {
        let index = try MedlineIndex(path: path)
        let info = try index.info()
        let truth = try VerifyAccuracyBench.truth(out)
        let verifier = Verifier()
        for line in truth { _ = try index.lookUp(line.parsed, scorer: verifier.scorer) }
        let clock = ContinuousClock()
        var times: [Double] = []
        var verifications: [Verification] = []
        for line in truth {
            var result: MatchResult?
            let elapsed = try clock.measure { result = try index.lookUp(line.parsed, scorer: verifier.scorer) }
            times.append(Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            if let result { verifications.append(Verification(result: result, findings: verifier.findings(for: line.parsed, result: result))) }
        }
        times.sort()
        let median = times[times.count / 2]
        let p90 = times[times.count * 9 / 10]
        let s = VerifyAccuracyBench.score(truth, verifications)
        let recall = Double(s.hits) / Double(max(s.planted, 1))
        let precision = Double(s.cleanOK) / Double(max(s.clean, 1))
        print(String(format: "index of %d records: %d references, per reference median %.3f ms, p90 %.3f ms, total %.0f ms", info.records, truth.count, median, p90, times.reduce(0, +)))
        print("recall \(recall) (\(s.hits)/\(s.planted)), precision \(precision) (\(s.cleanOK)/\(s.clean)), wrong matches \(s.wrong)")
        expect(median <= 1, "median lookup <= 1 ms (\(median))")
        expect(s.wrong == 0, "no wrong matches (\(s.wrong))")
        expect(recall >= 0.90, "recall >= 0.90 (\(recall))")
        expect(precision >= 0.95, "precision >= 0.95 (\(precision))")
    }
}
