/// `cite-order`: numbered references that do not follow the order of first citation. Information only.
public struct CiteOrderRule: CitationRule {
    public static let description = RuleDescription(
        id: "cite-order",
        defaultSeverity: .info,
        summary: "Numbered references are not numbered in the order they are first cited.",
        rationale: """
            Vancouver and AMA number references in the order the text first cites them, so a reader meets [1], \
            then [2], then [3]. A post that first cites [3] before [2] was probably edited after numbering; \
            renumbering makes the list easier to follow. Only the first place out of order is reported.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine

                It helps with PTSD [1] and OCD ↓[3], through synaptic change [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                3. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine

                It helps with PTSD [1], through synaptic change [2], and with OCD [3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                3. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """)
        ]
    )

    public init() {}

    /// One finding at the first number cited before a smaller, not yet cited one.
    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        let references = analysis.references
        guard references.contains(where: { $0.entry.number != nil }) else { return [] }
        let numbers = Set(references.compactMap(\.entry.number))
        // Only numbers the text cites somewhere: an entry never cited is `CiteUnusedReferenceRule`'s business.
        var uncited = Set(analysis.citations.flatMap(\.numbers)).intersection(numbers)
        var seen = Set<Int>()
        for c in analysis.citations {
            for n in c.numbers where !seen.contains(n) {
                seen.insert(n)
                uncited.remove(n)
                if numbers.contains(n), let smaller = uncited.filter({ $0 < n }).min() {
                    return [
                        analysis.diagnostic(
                            description,
                            "reference \(n) is cited before reference \(smaller); numbered references usually follow the order of first citation",
                            at: c.sourceRange, reference: references.first { $0.entry.number == n }?.entry.index)
                    ]
                }
            }
        }
        return []
    }
}
