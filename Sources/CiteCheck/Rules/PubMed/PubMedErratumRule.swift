/// `pubmed-erratum`: pubMed lists an erratum for the cited paper.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedErratumRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-erratum",
        defaultSeverity: .info,
        summary: "PubMed lists an erratum for the cited paper.",
        rationale: "A correction was published; check that what the post relies on was not corrected.",
        triggeringExamples: [
            RuleExample(
                """
                Fatty acids and chemotherapy

                One infusion helped [1].

                References

                ↓1. Li YJ, Fahrmann JF, Aftabizadeh M, et al. Fatty acid oxidation protects cancer cells from apoptosis by increasing mitochondrial membrane lipids. Cell Rep. 2022;39(9):110870.
                """, records: ["fixtures/pubmed-samples/35649368.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Fatty acids and chemotherapy

                One infusion helped [1].

                References

                1. Li YJ, Fahrmann JF, Aftabizadeh M, et al. Fatty acid oxidation protects cancer cells from apoptosis by increasing mitochondrial membrane lipids. Cell Rep. 2022;39(9):110870. Erratum in: Cell Rep. 2022;39(13):111044.
                """, records: ["fixtures/pubmed-samples/35649368.xml"])
        ]
    )
}
