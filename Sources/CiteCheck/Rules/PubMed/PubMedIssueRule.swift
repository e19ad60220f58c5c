/// `pubmed-issue`: the issue differs from PubMed's (a missing issue is not reported).
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedIssueRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-issue",
        defaultSeverity: .error,
        summary: "The issue differs from PubMed's (a missing issue is not reported).",
        rationale: PubMedFieldComparison.rationale(field: "issue"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(↓5):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"]),
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71:681-688.
                """, records: ["fixtures/pubmed/24740528.xml"]),
        ],
        fix: PubMedFieldComparison.certainFix("PubMed's issue replaces the written issue")
    )
}
