/// `pubmed-pmid`: the written PMID belongs to another paper.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedPMIDRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-pmid",
        defaultSeverity: .error,
        summary: "The written PMID belongs to another paper.",
        rationale: PubMedFieldComparison.rationale(field: "PMID"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. ↓PMID: 33397139
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. PMID: 24740528
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix("the matched record's PMID replaces the written one")
    )
}
