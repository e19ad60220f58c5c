// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-author-mismatch`: the text names an author who is not the cited entry's first author.
public struct CiteAuthorMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "cite-author-mismatch",
        defaultSeverity: .error,
        summary: "The text names an author who is not the first author of the cited reference.",
        rationale: """
            `Taylor and colleagues found… [2]` where reference 2 is by Rodriguez points the reader at the wrong \
            work, or credits the wrong team. When the name is a later author of the entry (a senior author) the \
            finding is a warning.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and OCD

                ↓Taylor and colleagues found that one infusion eased obsessions [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and OCD

                Rodriguez and colleagues found that one infusion eased obsessions [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.authorMismatch()
    }
}

