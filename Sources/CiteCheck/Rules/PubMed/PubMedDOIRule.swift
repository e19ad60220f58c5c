/// `pubmed-doi`: the DOI is not the matched record's DOI.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedDOIRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-doi",
        defaultSeverity: .error,
        summary: "The DOI is not the matched record's DOI.",
        rationale: PubMedFieldComparison.rationale(field: "DOI"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. ↓doi:10.1001/jamapsychiatry.2014.99
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688. doi:10.1001/jamapsychiatry.2014.62
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix("the record's DOI replaces the written one, its prefix (doi:, https://doi.org/) kept")
    )
}
