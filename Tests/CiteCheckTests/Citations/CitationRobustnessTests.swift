import Testing

@testable import CiteCheck

@Suite struct CitationRobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces = [
        "(", ")", "[", "]", "^", "[^", "1", "2", "12", "2014", "2014a", ",", ";", ".", " ", "\n", "–", "-", "—", "¹", "²", "⁻",
        "˒", "Feder", "van", "der", "et", "al", "al.", "and", "&", "colleagues", "published", "in", "a", "the", "study", "trial",
        "JAMA", "Psychiatry", "researchers", "at", "Yale", "é", "\u{0301}", "’s", "e.g.", "see", "n", "=", "p", "<", "ref", "\u{00A0}",
        "🙂", "中", "crossover", "randomized",
    ]

    @Test func randomTextNeverCrashesAndRangesStayInside() {
        var rng = SplitMix(state: 42)
        let refs = CitationFixture.seedReferences
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 1...60, using: &rng) { text += Self.pieces.randomElement(using: &rng) ?? "" }
            let count = text.utf8.count
            let sups = (0..<Int.random(in: 0...3, using: &rng)).map { _ -> Range<Int> in
                let a = Int.random(in: 0...max(0, count), using: &rng)
                return a..<min(count + 5, a + Int.random(in: 0...6, using: &rng))
            }
            let citations = CitationFinder(entryNumbers: Set(1...6), listIsNumbered: true, footnoteNames: ["1", "feder"])
                .find(in: CitationFixture.block(text, offset: 7, superscripts: sups), blockIndex: 0, source: Array(("0123456" + text).utf8))
            for c in citations {
                #expect(c.range.lowerBound >= 0 && c.range.upperBound <= count)
                #expect(c.sourceRange.lowerBound >= 0)
            }
            let links = CitationLinker().link(citations, to: refs)
            #expect(links.count == citations.count)
            _ = CitationAnalysis(source: SourceFile(path: "x", text: "0123456" + text), citations: citations, links: links, references: refs).all()
        }
    }
}
