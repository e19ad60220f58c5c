/// `pubmed-journal`: the journal is not the one PubMed lists (full and abbreviated names are the same journal).
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedJournalRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-journal",
        defaultSeverity: .error,
        summary: "The journal is not the one PubMed lists (full and abbreviated names are the same journal).",
        rationale: PubMedFieldComparison.rationale(field: "journal"),
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. ↓Arch Gen Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA psychiatry (Chicago, Ill.). 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix("PubMed's journal, abbreviated if the writer abbreviates, full otherwise, replaces the written name")
    )
}
