/// `pubmed-volume`: the volume differs from PubMed's.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedVolumeRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-volume",
        defaultSeverity: .error,
        summary: "The volume differs from PubMed's.",
        rationale: PubMedFieldComparison.rationale(field: "volume"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;↓72(6):681-688.
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
        fix: PubMedFieldComparison.certainFix("PubMed's volume replaces the written volume")
    )
}
