// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-order`: numbered references that do not follow the order of first citation. Information only.
public struct CiteOrderRule: Rule {
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
            RuleExample("""
                Ketamine

                It helps with PTSD [1] and OCD ↓[3], through synaptic change [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                3. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine

                It helps with PTSD [1], through synaptic change [2], and with OCD [3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                3. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.order()
    }
}

