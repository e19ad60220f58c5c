import CiteCheck
import Foundation

/// Was the `perfProbe` test (CITECHECK_PERF): reader and list finder time on a 20 MB post in every input format, and
/// on 1 MB single lines of one repeated unit. Prints figures; no target.
enum DocumentSpeedBench {
    static func seconds(_ body: () -> Void) -> Double {
        let clock = ContinuousClock()
        let elapsed = clock.measure(body)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func run() {
        var unitPost = ""
        for k in 0..<100 {
            unitPost += "Paragraph \(k) with *emphasis*, a [link](https://example.com) and &amp; entities.<sup>\(k)</sup> Some more ordinary words here to fill the line up a bit more like prose does in a post.\n\n"
        }
        let refs = (1...50).map { "\($0). Feder A, Parides MK. Title of the work. JAMA Psychiatry. 2014;71(6):681-688.\n" }.joined()
        var big = ""
        while big.utf8.count < 20_000_000 { big += unitPost }
        big += "References\n\n" + refs
        for format in InputFormat.allCases {
            var blocks = 0, entries = 0
            let big = format == .html ? big.split(separator: "\n").map { "<p>" + $0 + "</p>" }.joined(separator: "\n") : big
            let t = seconds {
                let doc = DocumentReader.read(SourceFile(path: "big", text: big), format: format)
                blocks = doc.blocks.count
                entries = ReferenceListFinder().find(in: doc)?.entries.count ?? -1
            }
            print("PERF 20MB \(format): \(t)s blocks=\(blocks) entries=\(entries)")
        }
        for unit in ["[", "<", "&", "*", "x"] {
            let line = String(repeating: unit + "x ", count: 1_000_000 / (unit.utf8.count + 2))
            for format in InputFormat.allCases {
                let t = seconds { _ = ReferenceListFinder().find(in: DocumentReader.read(SourceFile(path: "line", text: line), format: format)) }
                print("PERF 1MB line '\(unit)' \(format): \(t)s")
            }
        }
    }
}
