// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

/// `cite-missing-reference`: a marker, footnote reference or author-year citation that no entry answers.
public struct CiteMissingReferenceRule: Rule {
    public static let description = RuleDescription(
        id: "cite-missing-reference",
        defaultSeverity: .error,
        summary: "A citation in the text points at no entry of the reference list.",
        rationale: """
            A reader who follows `[7]` or `(Smith et al., 2019)` to the list must find the work there. A number \
            past the end of the list, a footnote with no definition, or an author-year citation whose first \
            author heads no entry usually means an entry was deleted, renumbered or never added. A lone name \
            before a year in parentheses (`Duman (2014)`) is reported as a warning, since it may name a product.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and PTSD

                One infusion helped [1], and repeated infusions helped more ↓[3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and PTSD

                One infusion helped [1], and the mechanism is synaptic [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.citationChecks.missingReference()
    }
}

