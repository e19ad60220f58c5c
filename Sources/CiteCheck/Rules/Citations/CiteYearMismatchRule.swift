// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-year-mismatch`: the text gives a year for a cited work that the entry does not.
public struct CiteYearMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "cite-year-mismatch",
        defaultSeverity: .error,
        summary: "The text gives a different year for a cited work than its reference does.",
        rationale: """
            `A 2016 crossover study [3]` where reference 3 is from 2018, or `(Feder et al., 2020)` where the Feder \
            entries are from 2014 and 2021, tells the reader the wrong thing about the evidence. A year that is \
            the entry's online (epub) year is reported as information only: both years are right.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and social anxiety

                A ↓2016 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and social anxiety

                A 2018 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.yearMismatch()
    }
}

