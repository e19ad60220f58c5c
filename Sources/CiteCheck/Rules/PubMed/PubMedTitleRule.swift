/// `pubmed-title`: the title's words differ from PubMed's title.
///
/// Found while verifying against PubMed (the PubMed module's matcher and field comparison report it); its examples
/// are checked against the recorded PubMed records they name.
public enum PubMedTitleRule: VerificationRule {
    public static let description = RuleDescription(
        id: "pubmed-title",
        defaultSeverity: .warning,
        summary: "The title's words differ from PubMed's title.",
        rationale:
            "Case, punctuation, quotes and a trailing period are ignored; the message names the words that differ. A warning, since publishers and PubMed sometimes differ in wording.",
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. ↓Efficacy of oral ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. \"Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial\". JAMA Psychiatry. 2014;71(6):681-688.
                """, records: ["fixtures/pubmed/24740528.xml"])
        ],
        fix: PubMedFieldComparison.unsafeFix(
            "the title takes PubMed's words: only the words that differ are rewritten, so the writer's quoting, end punctuation, line breaks and the case of the other words stay")
    )
}
