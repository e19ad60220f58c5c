/// `cite-unused-reference`: an entry nothing in the text cites, in a post that cites with markers or author-year.
public struct CiteUnusedReferenceRule: CitationRule {
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
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                ↓2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                A trial published in JAMA Psychiatry found that one infusion helped.

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """)
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        guard analysis.usesExplicitCitations else { return [] }
        var cited = Set<Int>()
        for link in analysis.links where link.confidence > .none || !link.candidates.isEmpty {
            cited.formUnion(link.entries)
            cited.formUnion(link.candidates)
        }
        // A list the text cites from (by markers, footnotes or names) should be cited throughout; a list the text
        // hardly cites is a bibliography or a reading list, whose entries need no citation.
        var perList: [Int: (total: Int, cited: Int)] = [:]
        for r in analysis.references where r.parsed.kind.isCitation {
            perList[r.entry.listIndex, default: (0, 0)].total += 1
            if cited.contains(r.entry.index) { perList[r.entry.listIndex, default: (0, 0)].cited += 1 }
        }
        let citedLists = Set(perList.filter { $0.value.cited * 2 >= $0.value.total && $0.value.cited > 0 }.keys)
        return analysis.references.filter { r in
            !cited.contains(r.entry.index) && r.parsed.kind.isCitation && citedLists.contains(r.entry.listIndex)
        }.map { r in
            Diagnostic(
                rule: description.id, severity: description.defaultSeverity,
                message: "\(analysis.name(r.entry.index)) is not cited in the text", file: analysis.source.path,
                range: r.entry.range, reference: r.entry.index)
        }
    }
}
