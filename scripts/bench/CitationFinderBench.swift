// Throughput of the citation finder and linker on 20 MB of body text (dense citations and plain prose).
// Build and run (optimised, outside SwiftPM; top-level code must sit in a file named main.swift):
//   mkdir -p /tmp/citebench && cp scripts/bench/CitationFinderBench.swift /tmp/citebench/main.swift
//   swiftc -O -wmo -module-name CiteBench Sources/CiteCheck/Model/*.swift Sources/CiteCheck/Citations/*.swift \
//       /tmp/citebench/main.swift -o /tmp/citebench/bench && /tmp/citebench/bench

let sentence = "A 2016 crossover study published in JAMA Psychiatry found relief [1, 3–5] (Feder et al., 2014; Duman, 2014) and Taylor and colleagues (2018) agreed (n = 12, p < 0.05)¹² while researchers at Yale University watched. "
let prose = "Ketamine is being studied for several conditions, and patients often ask how quickly it works and how long the benefit lasts after the last infusion in 2019. "
func block(_ t: String, _ offset: Int) -> TextBlock {
    TextBlock(kind: .paragraph, text: t, sourceMap: SourceMap(verbatimFrom: offset), range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1)))
}
let refs: [Reference] = (1...6).map { i in
    var p = ParsedReference(raw: "x"); p.authors = [Author(family: ["Feder", "Feder", "Taylor", "Glue", "Rodriguez", "Duman"][i - 1])]; p.year = [2014, 2021, 2018, 2020, 2013, 2014][i - 1]; p.journal = "JAMA Psychiatry"
    return Reference(entry: ReferenceEntry(index: i, label: "\(i).", number: i, text: "x", sourceMap: SourceMap(), range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1))), parsed: p)
}
let target = 20_000_000
for (label, unit, split) in [("dense, 10-sentence paragraphs", sentence, true), ("dense, one 20 MB block", sentence, false), ("plain prose, one 20 MB block", prose, false), ("plain prose, paragraphs", prose, true)] {
    var blocks: [TextBlock] = []
    if split {
        let para = String(repeating: unit, count: 10)
        for i in 0..<(target / para.utf8.count) { blocks.append(block(para, i * para.utf8.count)) }
    } else {
        blocks.append(block(String(repeating: unit, count: target / unit.utf8.count), 0))
    }
    let clock = ContinuousClock()
    let t0 = clock.now
    let cites = CitationFinder(entryNumbers: Set(1...6), listIsNumbered: true).find(in: blocks)
    let t1 = clock.now
    let links = CitationLinker().link(cites, to: refs)
    let t2 = clock.now
    print(label, "| blocks", blocks.count, "| citations", cites.count, "| links", links.count, "| find", t1 - t0, "| link", t2 - t1)
}
