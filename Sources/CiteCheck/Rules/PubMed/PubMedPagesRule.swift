/// `pubmed-pages`: the page range differs from PubMed's (abbreviated ranges such as 2475-83 are the same).
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedPagesRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-pages",
        defaultSeverity: .error,
        summary: "The page range differs from PubMed's (abbreviated ranges such as 2475-83 are the same).",
        rationale: PubMedFieldComparison.rationale(field: "pages"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):↓691-698.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-8.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        fix: PubMedFieldComparison.certainFix("PubMed's first and last page replace the written ones, with the writer's dash, spacing and abbreviation (2475-83 stays abbreviated)")
    )
}
