/// `pubmed-retracted`: pubMed marks the cited paper as retracted.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedRetractedRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-retracted",
        defaultSeverity: .error,
        summary: "PubMed marks the cited paper as retracted.",
        rationale: "A retracted paper should not be cited as evidence; PubMed links the retraction notice.",
        triggeringExamples: [
            RuleExample(
                """
                Exercise and insulin

                One infusion helped [1].

                References

                ↓1. Soman VR, Koivisto VA, Grantham P, Felig P. Increased insulin binding to monocytes after acute exercise in normal man. J Clin Endocrinol Metab. 1978;47(1):216-219.
                """, records: ["fixtures/pubmed-samples/medline-excerpt.xml.gz"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Exercise and insulin

                One infusion helped [1].

                References

                1. Soman VR, Koivisto VA, Grantham P, Felig P. Increased insulin binding to monocytes after acute exercise in normal man. J Clin Endocrinol Metab. 1978;47(1):216-219. Retraction in: J Clin Endocrinol Metab. 1980;51(5):1201.
                """, records: ["fixtures/pubmed-samples/medline-excerpt.xml.gz"])
        ]
    )
}
