import CiteCheck
import Foundation

/// Was the `heuristicRecallProbe` test (CITECHECK_PERF): how many real reference strings the default list
/// heuristic accepts. Prints figures; no target.
enum HeuristicRecallBench {
    static func run(file: String) throws {
        var total = 0, accepted = 0, journal = 0, journalAccepted = 0
        var misses: [String] = []
        for line in try jsonLines(file) {
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any],
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
}
