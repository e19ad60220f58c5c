// citecheck's large-data measurements: what used to be opt-in test suites (CITECHECK_PERF, CITECHECK_VERIFY_BENCH,
// tests that read the shared data folder when present). Each command takes its data path as an argument, prints its
// figures and exits 1 when a target is missed. Run them through `bench/swift-bench.sh` (see bench/README.md).
import CiteCheck
import Foundation
import PubMed

let usage = """
usage: CiteCheckBench <command> [arguments]
  medline-stream FILE.xml.gz          stream the 30,000-record MEDLINE baseline file
  ncbi-answers PUBMED_DIR             parse every real NCBI answer (efetch/, esearch/, ecitmatch/)
  verify-accuracy OUT_DIR             matching + field comparison on `verify-accuracy.py generate` (and `real`) output
  medline-index FILE.xml.gz OUT_DIR   the same references against an index built by the XML parser
  sqlite-lookup INDEX OUT_DIR         the same references through an index built by `citecheck index build`
  heuristic-recall PLOS.jsonl         how many real reference strings the list heuristic accepts
  document-speed                      reader + list finder on a 20 MB post and 1 MB lines (synthetic, no data)
  read-speed [RUNS]                   median read time of a 1 MB Markdown and a 1 MB HTML post (synthetic, no data)
  catalog-lookup                      the journal catalog's first lookup and 10,000 more (no data)
"""

let command = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : ""
let arguments = Array(CommandLine.arguments.dropFirst(2))

@MainActor func argument(_ index: Int, _ name: String) -> String {
    guard index < arguments.count else {
        print("\(command): missing \(name)\n\n\(usage)")
        exit(2)
    }
    return arguments[index]
}

do {
    switch command {
    case "medline-stream": try MedlineBench.stream(file: argument(0, "FILE.xml.gz"))
    case "ncbi-answers": try NCBIAnswersBench.run(directory: argument(0, "PUBMED_DIR"))
    case "verify-accuracy":
        let out = argument(0, "OUT_DIR")
        try VerifyAccuracyBench.recallAndPrecisionOnPlantedErrors(out: out)
        try VerifyAccuracyBench.withTheCitedRecordsRemovedNothingMatches(out: out)
        try VerifyAccuracyBench.realBareCitationsMatchTheirRecords(out: out)
        try VerifyAccuracyBench.realPLOSReferencesDoNotMatchOtherPapers(out: out)
    case "medline-index": try VerifyAccuracyBench.parsedSampleGivesTheSameAccuracy(file: argument(0, "FILE.xml.gz"), out: argument(1, "OUT_DIR"))
    case "sqlite-lookup": try SQLiteIndexBench.lookups(index: argument(0, "INDEX"), out: argument(1, "OUT_DIR"))
    case "heuristic-recall": try HeuristicRecallBench.run(file: argument(0, "PLOS.jsonl"))
    case "document-speed": DocumentSpeedBench.run()
    case "read-speed": ReadSpeedBench.run(runs: arguments.first.flatMap { Int($0) } ?? 21)
    case "catalog-lookup": CatalogLookupBench.run()
    default:
        print(usage)
        exit(2)
    }
} catch {
    print("\(command): \(error)")
    exit(2)
}
if !failures.isEmpty {
    print("\(command): \(failures.count) target(s) missed")
    exit(1)
}
