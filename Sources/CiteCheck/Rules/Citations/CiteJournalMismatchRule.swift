// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-journal-mismatch`: the text says a cited work appeared in a journal its reference does not name.
public struct CiteJournalMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "cite-journal-mismatch",
        defaultSeverity: .error,
        summary: "The text names a different journal for a cited work than its reference does.",
        rationale: """
            `Published in JAMA Psychiatry [1]` where reference 1 is in Neuropsychopharmacology misleads readers \
            who weigh evidence by where it appeared. Full and abbreviated names of one journal agree (`American \
            Journal of Psychiatry` = `Am J Psychiatry`). Tied by prose alone (no marker), the finding is a warning.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and social anxiety

                A crossover trial published in ↓JAMA Psychiatry found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and PTSD

                A trial published in the American Journal of Psychiatry found benefit [1].

                References

                1. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.journalMismatch()
    }
}

