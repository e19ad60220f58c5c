import Testing

@testable import CiteCheck

/// Odd and random input never crashes, and the keys keep their invariants.
@Suite struct NormalizationRobustnessTests {
    static let odd = [
        "", " ", "\t\n", ".", "-", "–", "()", "(((", ")))", "&", "the", "The ", "'", "\u{308}", "e\u{301}\u{302}",
        "🧠 Brain", "Ελληνικά", "日本語の雑誌", "İstanbul", "ǅ", "ß", "\u{FEFF}", "A\u{0}B", "1999-2",
        String(repeating: "Journal of ", count: 500), "J Psychopharmacol\tfake\n123",
    ]

    @Test func oddInput() {
        for s in Self.odd {
            let key = Normalization.journalKey(s)
            #expect(!key.contains("\t") && !key.contains("\n") && !key.hasPrefix(" ") && !key.hasSuffix(" "))
            _ = JournalCatalog.canonicalID(for: s)
            _ = Normalization.isAbbreviatedJournal(s)
            _ = Normalization.name(s)
            _ = Normalization.initials(s)
            _ = Normalization.title(s)
            _ = Normalization.pages(s, s)
            _ = Normalization.pages(s, nil)
            _ = Normalization.foldDiacritics(s)
            for t in Self.odd.prefix(8) {
                #expect(Normalization.sameJournal(s, t) == Normalization.sameJournal(t, s))
                _ = Normalization.titleSimilarity(s, t)
                _ = Normalization.sameAuthor(family: s, given: t, t, s)
            }
        }
    }

    @Test func randomInput() {
        var rng = SplitMix(seed: 42)
        let alphabet = Array("aAéÉüß .,;:-–—'’\"“”()[]&/=0123456789JjPpsy\t\u{308}ǅ🧠")
        for _ in 0..<2_000 {
            let s = String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let t = String((0..<Int(rng.next() % 40)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let key = Normalization.journalKey(s)
            #expect(Normalization.journalKey(key) == key || key.hasPrefix("the "), "key not idempotent for \(s.debugDescription)")
            #expect(Normalization.sameJournal(s, t) == Normalization.sameJournal(t, s))
            let sim = Normalization.titleSimilarity(s, t)
            #expect(sim >= 0 && sim <= 1)
            _ = Normalization.pages(s, t)
            _ = Normalization.initials(s)
        }
    }
}

/// A small deterministic generator for reproducible random tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
