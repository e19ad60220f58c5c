/// `cite-author-mismatch`: the text names an author who is not the cited entry's first author.
public struct CiteAuthorMismatchRule: CitationRule {
    public static let description = RuleDescription(
        id: "cite-author-mismatch",
        defaultSeverity: .error,
        summary: "The text names an author who is not the first author of the cited reference.",
        rationale: """
            `Taylor and colleagues found… [2]` where reference 2 is by Rodriguez points the reader at the wrong \
            work, or credits the wrong team. When the name is a later author of the entry (a senior author) the \
            finding is a warning.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and OCD

                ↓Taylor and colleagues found that one infusion eased obsessions [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and OCD

                Rodriguez and colleagues found that one infusion eased obsessions [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2483.
                """)
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in analysis.links where link.confidence > .none {
            let c = analysis.citations[link.citation]
            guard case .mention = c.kind, let author = c.claims.authors.first else { continue }
            let key = analysis.familyKey(author.value)
            let entries = link.entries.compactMap(analysis.references.reference(at:)).filter { !$0.parsed.authors.isEmpty }
            guard !entries.isEmpty, !key.isEmpty,
                !entries.contains(where: { analysis.familyKey($0.parsed.authors[0].family) == key })
            else { continue }
            let r = entries[0]
            let first = r.parsed.authors[0].family
            if let position = r.parsed.authors.firstIndex(where: { analysis.familyKey($0.family) == key }) {
                // A later author of the entry (a senior author, say): probably the right work, named oddly.
                out.append(
                    analysis.diagnostic(
                        description, severity: .warning,
                        "text names \(author.value), \(analysis.name(r.entry.index))'s first author is \(first) (\(author.value) is author \(position + 1))",
                        at: author.sourceRange, reference: r.entry.index, field: .authors, expected: first, found: author.text))
            } else {
                out.append(
                    analysis.diagnostic(
                        description, "text names \(author.value), \(analysis.name(r.entry.index))'s first author is \(first)",
                        at: author.sourceRange, reference: r.entry.index, field: .authors, expected: first, found: author.text))
            }
        }
        return out
    }
}
