/// `cite-missing-reference`: a marker, footnote reference or author-year citation that no entry answers.
public struct CiteMissingReferenceRule: CitationRule {
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
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1], and repeated infusions helped more ↓[3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                One infusion helped [1], and the mechanism is synaptic [2].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants. Depress Anxiety. 2014;31(3):199-212.
                """)
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        let references = analysis.references
        var out: [Diagnostic] = []
        let writtenFootnotes =
            analysis.citations.contains { if case .footnote = $0.kind { return true } else { return false } }
            ? analysis.footnoteDefinitionNames() : []
        for link in analysis.links {
            let c = analysis.citations[link.citation]
            switch c.kind {
            case .numbered:
                guard !link.unmatchedNumbers.isEmpty else { continue }
                let numbers = link.unmatchedNumbers.map(String.init)
                let what = references.isEmpty ? "citecheck found no reference list in the post" : "the reference list has no entry \(ListFormatting.and(numbers))"
                // Without a list citecheck cannot tell a missing entry from a list it could not find: only an info.
                out.append(
                    analysis.diagnostic(
                        description, severity: references.isEmpty ? .info : nil,
                        "\(c.text) cites \(numbers.count == 1 ? "reference" : "references") \(ListFormatting.and(numbers)), but \(what)",
                        at: c.sourceRange, found: c.text))
            case .footnote(let name):
                guard link.entries.isEmpty else { continue }
                // A definition written in the file but read as empty (its body a template tag): not missing.
                if writtenFootnotes.contains(name.lowercased()) { continue }
                out.append(
                    analysis.diagnostic(
                        description, "footnote reference \(c.text) has no footnote definition named \(name)",
                        at: c.sourceRange, found: c.text))
            case .authorYear:
                guard link.entries.isEmpty, link.candidates.isEmpty else { continue }
                // `„…“ (Montgomery, 2019)`: who said a quoted remark, not a work cited.
                if analysis.followsQuotation(c.sourceRange.lowerBound) { continue }
                // A lone all-capitals name (`(USA, 2019)`) may be an acronym rather than a group author: not reported.
                if c.claims.authors.count == 1, let a = c.claims.authors.first, !a.value.unicodeScalars.contains(where: { $0.properties.isLowercase }) { continue }
                let author = c.claims.authors.first?.value ?? "?"
                let year = c.claims.year.map { ", \($0.value)" } ?? ""
                let why = references.isEmpty ? "citecheck found no reference list in the post" : "no entry's first author is \(author)"
                // `Spravato (2019)` reads like `Duman (2014)`: a lone narrative name is only a warning.
                let lone = c.kind == .authorYear(parenthetical: false) && c.claims.authors.count == 1 && !c.claims.etAl
                let severity: Severity? = references.isEmpty ? .info : lone ? .warning : nil
                out.append(
                    analysis.diagnostic(
                        description, severity: severity, "\(author)\(c.claims.etAl ? " et al." : "")\(year) is cited but \(why)",
                        at: c.sourceRange, found: c.text))
            case .mention:
                continue
            }
        }
        return out
    }
}
