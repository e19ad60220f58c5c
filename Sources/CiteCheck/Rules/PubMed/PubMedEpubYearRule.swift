/// `pubmed-epub-year`: the reference gives the online (epub) year; PubMed's print year differs.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedEpubYearRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-epub-year",
        defaultSeverity: .info,
        summary: "The reference gives the online (epub) year; PubMed's print year differs.",
        rationale: "Papers are often published online months before their issue. Citing the online year is common and not wrong, but the print year is the one indexes use.",
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                One infusion helped [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. ↓2017;43(2):325-333.
                """, records: ["fixtures/pubmed/28849779.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                One infusion helped [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, records: ["fixtures/pubmed/28849779.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix("PubMed's print year replaces the online year")
    )
}
