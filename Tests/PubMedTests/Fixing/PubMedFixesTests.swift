import Testing

@testable import CiteCheck
@testable import PubMed

/// The fixes of verification findings, on references parsed by the real parser and matched to the seed records.
@Suite struct PubMedFixesTests {
    static func fixed(_ text: String, record pmid: String, safety: FixSelection = .all) -> (String, [Diagnostic]) {
        let source = SourceFile(path: "post.txt", text: text)
        // The post is `1. ` and the entry, then a newline.
        let entryText = String(text.dropFirst(3).dropLast())
        let offset = 3
        let entry = ReferenceEntry(
            index: 1, label: "1.", number: 1, text: entryText, sourceMap: SourceMap(verbatimFrom: offset),
            range: source.range(of: 0..<text.utf8.count)
        )
        let reference = Reference(entry: entry, parsed: ReferenceParser().parse(entryText))
        let record = MatchingFixtures.seedRecords.first { $0.pmid == pmid }!
        let verifier = Verifier()
        let result = verifier.scorer.decide(reference.parsed, candidates: [record])
        let certain = PubMedFixes.isCertain(reference.parsed, result: result, scorer: verifier.scorer)
        let diagnostics = verifier.findings(for: reference.parsed, result: result).map { finding in
            var diagnostic = finding.diagnostic(for: reference, in: source)
            diagnostic.fix = PubMedFixes.fix(for: finding, reference: reference, result: result, in: source, certain: certain)
            return diagnostic
        }
        let applied = FixApplier.apply(diagnostics, to: source, selection: safety)
        return (String(decoding: applied.bytes, as: UTF8.self), diagnostics)
    }

    @Test func authorOrderKeepsTheListsInitialsForm() {
        let (text, _) = Self.fixed(
            "1. Neehoff, S., Glue, P., & Sabadel, A. (2020). Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: Exploratory double-blind psychoactive-controlled replication study. J Psychopharmacol, 34(3), 267–272.\n",
            record: "31526207"
        )
        #expect(text.hasPrefix("1. Glue, P., Neehoff, S., & Sabadel, A. (2020)."))
    }

    @Test func pagesKeepTheWritersAbbreviationAndDash() {
        let (text, diagnostics) = Self.fixed(
            "1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475–89.\n",
            record: "23783065", safety: .safe
        )
        #expect(text.contains("2013;38(12):2475–83."))
        #expect(diagnostics.first { $0.rule == PubMedPagesRule.description.id }?.fix?.safety == .safe)
    }

    @Test func titleWordsOutsidePubMedsTitleAtItsEdgeAreNotDropped() {
        // The parser may take a stray word before the title as part of it; a fix must not delete it.
        let (text, diagnostics) = Self.fixed(
            "1. Duman RS. Review. Neurobiology of stress, depression, and rapid acting antidepressants: remodeling synaptic connections. Depress Anxiety. 2014;31(4):291-296.\n",
            record: "24616149"
        )
        let title = diagnostics.first { $0.rule == PubMedTitleRule.description.id }
        #expect(title != nil)
        #expect(title?.fix == nil)
        #expect(text.contains("Duman RS. Review. Neurobiology"))
    }

    @Test func anUncertainMatchGivesOnlyUnsafeFieldFixes() {
        // Title and journal agree, the first author does not: two keys still agree, so certain.
        let (_, certain) = Self.fixed(
            "1. Glue P, Neehoff S. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: Exploratory double-blind psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277.\n",
            record: "31526207"
        )
        #expect(certain.first { $0.rule == PubMedPagesRule.description.id }?.fix?.safety == .safe)
    }
}
