/// `pubmed-authors`: the first author is wrong, the order changed, or a listed author is missing.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedAuthorsRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-authors",
        defaultSeverity: .error,
        summary: "The first author is wrong, the order changed, or a listed author is missing.",
        rationale: PubMedFieldComparison.rationale(field: "authors"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. ↓Parides MK, Feder A, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
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
        fix: PubMedFieldComparison.unsafeFix(
            "each listed author that is not PubMed's author at that position becomes PubMed's, in the list's own name format (initials with or without periods, et al. kept); a missing author is not added"
        )
    )
}
