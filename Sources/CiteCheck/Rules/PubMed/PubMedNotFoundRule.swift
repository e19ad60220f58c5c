/// `pubmed-not-found`: no PubMed record matches the reference.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedNotFoundRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-not-found",
        defaultSeverity: .warning,
        summary: "No PubMed record matches the reference.",
        rationale: "The reference may be outside PubMed (a book, a preprint) or carry errors large enough to hide it. It does not mean the work does not exist.",
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and stress

                One infusion helped [1].

                References

                ↓1. Duman RS. Neurobiology of stress, depression, and rapid acting antidepressants: remodeling synaptic connections. Depress Anxiety. 2014;31(3):199-212.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and stress

                One infusion helped [1].

                References

                1. Duman RS. Neurobiology of stress, depression, and rapid acting antidepressants: remodeling synaptic connections. Depress Anxiety. 2014;31(3):199-212.
                """, records: ["fixtures/pubmed/24616149.xml"])
        ]
    )
}
