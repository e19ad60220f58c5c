/// `cite-year-mismatch`: the text gives a year for a cited work that the entry does not.
public struct CiteYearMismatchRule: CitationRule {
    public static let description = RuleDescription(
        id: "cite-year-mismatch",
        defaultSeverity: .error,
        summary: "The text gives a different year for a cited work than its reference does.",
        rationale: """
            `A 2016 crossover study [3]` where reference 3 is from 2018, or `(Feder et al., 2020)` where the Feder \
            entries are from 2014 and 2021, tells the reader the wrong thing about the evidence. A year that is \
            the entry's online (epub) year is reported as information only: both years are right.
            """,
        triggeringExamples: [
            RuleExample("""
                Ketamine and social anxiety

                A ↓2016 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample("""
                Ketamine and social anxiety

                A 2018 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        let references = analysis.references
        var out: [Diagnostic] = []
        for link in analysis.links {
            let c = analysis.citations[link.citation]
            guard let year = c.claims.year else { continue }
            if link.method == .authorOnly {
                let author = c.claims.authors.first?.value ?? "cited"
                let entries = link.candidates.compactMap(references.reference(at:))
                let years = entries.map { $0.parsed.year.map(String.init) ?? "undated" }
                let names = entries.map { String($0.entry.number ?? $0.entry.index) }
                let message = entries.count == 1
                    ? "text says \(year.value), the \(author) entry is \(years[0]) (\(analysis.name(entries[0].entry.index)))"
                    : "text says \(year.value), the \(author) entries are \(ListFormatting.and(years)) (references \(ListFormatting.and(names)))"
                out.append(analysis.diagnostic(description, message, at: year.sourceRange,
                                               reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                                               expected: entries.count == 1 ? years[0] : nil, found: year.text))
                continue
            }
            if link.method == .authorOnlineYear, let r = link.entries.first.flatMap(references.reference(at:)), let print = r.parsed.year {
                out.append(analysis.diagnostic(description, severity: .info,
                                               "text says \(year.value), \(analysis.name(r.entry.index)) was published online in \(year.value) and in print in \(print)",
                                               at: year.sourceRange, reference: r.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let entries = link.entries.compactMap(references.reference(at:)).filter { $0.parsed.year != nil }
            guard link.confidence > .none, !entries.isEmpty, !entries.contains(where: { $0.parsed.year == year.value }) else { continue }
            if let online = entries.first(where: { $0.parsed.epubYear == year.value }), let print = online.parsed.year {
                out.append(analysis.diagnostic(description, severity: .info,
                                               "text says \(year.value), \(analysis.name(online.entry.index)) was published online in \(year.value) and in print in \(print)",
                                               at: year.sourceRange, reference: online.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let says = entries.map { "\(analysis.name($0.entry.index)) says \($0.parsed.year.map(String.init) ?? "")" }
            // With several entries behind one marker the year may be about another work: a warning.
            out.append(analysis.diagnostic(description, severity: entries.count == 1 ? nil : .warning, "text says \(year.value), \(ListFormatting.and(says))",
                                           at: year.sourceRange, reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                                           expected: entries.count == 1 ? entries[0].parsed.year.map(String.init) : nil, found: year.text))
        }
        return out
    }
}

