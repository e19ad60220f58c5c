/// `pubmed-ambiguous`: two PubMed records match the reference about equally well.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedAmbiguousRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-ambiguous",
        defaultSeverity: .info,
        summary: "Two PubMed records match the reference about equally well.",
        rationale: "No field is compared against a doubtful match: a wrong match that reports errors is worse than none.",
        triggeringExamples: [
            RuleExample(
                """
                An invented sleep remedy

                One infusion helped [1].

                References

                ↓1. Example AB, Sample CD. A fictional trial of an invented sleep remedy in adults with insomnia. J Example Stud. 2019;12(3):101-109.
                """, records: ["fixtures/pubmed-rules/indexed-twice.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml", "fixtures/pubmed/33397139.xml"])
        ]
    )
}
