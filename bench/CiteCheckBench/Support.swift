import CiteCheck
import Foundation
import PubMed
#if canImport(Glibc)
import Glibc
#endif

/// Failed targets; the process exits 1 when any.
nonisolated(unsafe) var failures: [String] = []

func expect(_ condition: Bool, _ what: @autoclosure () -> String) {
    if !condition {
        failures.append(what())
        print("FAILED: \(what())")
    }
}

func jsonLines(_ path: String) throws -> [Data] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return text.split(separator: "\n").map { Data($0.utf8) }
}

/// CPU time of the calling thread, so timings mean something on a shared, loaded machine.
func threadCPUSeconds() -> Double {
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
