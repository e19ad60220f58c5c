import Foundation
import Testing
@testable import CiteCheck

/// Measures how many real reference strings the default heuristic accepts, run on demand:
/// `CITECHECK_PERF=1 swift test --filter heuristicRecallProbe` (reads /work/shared/data when present).
@Test(.enabled(if: ProcessInfo.processInfo.environment["CITECHECK_PERF"] != nil
    && FileManager.default.fileExists(atPath: "/work/shared/data/references/plos-dev.jsonl")))
func heuristicRecallProbe() throws {
    let text = try String(contentsOfFile: "/work/shared/data/references/plos-dev.jsonl", encoding: .utf8)
    var total = 0, accepted = 0, journal = 0, journalAccepted = 0
    var misses: [String] = []
    for line in text.split(separator: "\n") {
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let reference = object["text"] as? String else { continue }
        let type = (object["truth"] as? [String: Any])?["type"] as? String
        total += 1
        let ok = ReferenceHeuristics.looksLikeReference(reference)
        if ok { accepted += 1 }
        if type == "journal" {
            journal += 1
            if ok { journalAccepted += 1 } else if misses.count < 15 { misses.append(reference) }
        }
    }
    print("RECALL all \(accepted)/\(total), journal \(journalAccepted)/\(journal)")
    for miss in misses { print("MISS \(miss)") }
}
