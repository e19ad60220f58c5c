/// `pubmed-pmcid`: the written PMCID belongs to another paper.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name. PubMed is asked about a written PMCID when the
/// reference's citation fields find no record (in the example, a wrong volume).
public enum PubMedPMCIDRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-pmcid",
        defaultSeverity: .error,
        summary: "The written PMCID belongs to another paper.",
        rationale: PubMedFieldComparison.rationale(field: "PMCID"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;72(6):681-688. ↓PMCID: PMC7489288
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed-samples/32934823.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed-samples/32934823.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix("the matched record's PMCID replaces the written one")
    )
}
