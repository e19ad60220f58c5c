// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-unused-reference`: an entry nothing in the text cites, in a post that cites with markers or author-year.
public struct CiteUnusedReferenceRule: Rule {
    public static let description = RuleDescription(
        id: "cite-unused-reference",
        defaultSeverity: .warning,
        summary: "A reference-list entry is not cited anywhere in the text.",
        rationale: """
            In a post that cites with numbers or author-year citations, every entry should be cited at least \
            once; an entry nothing points at is padding, or the citation to it was lost in editing. Posts that \
            only describe studies in prose ("a 2016 study found…") are not checked, since prose mentions cannot \
            always be tied to an entry.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                ↓2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and PTSD

                A trial published in JAMA Psychiatry found that one infusion helped.

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.unusedReference()
    }
}

