/// `pubmed-year`: the print year differs from PubMed's.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedYearRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-year",
        defaultSeverity: .error,
        summary: "The print year differs from PubMed's.",
        rationale: PubMedFieldComparison.rationale(field: "year"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. ↓2013;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        fix: PubMedFieldComparison.certainFix("PubMed's print year replaces the written year")
    )
}
