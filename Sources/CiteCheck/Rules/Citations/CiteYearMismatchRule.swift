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
            RuleExample(
                """
                Ketamine and social anxiety

                A ↓2016 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                A 2018 crossover study found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """)
        ],
        fix: FixDeclaration(
            safety: .unsafe,
            when:
                "With PubMed verification, when the entry's year agrees with its PubMed record: the sentence's year becomes the entry's (unsafe: the sentence may mean another work). Never inside quotation marks or a block quote."
        )
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        Self.findings(in: context.citationAnalysis).map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.fix = Self.fix(diagnostic, in: context.document)
            return diagnostic
        }
    }

    /// The list's year written over the sentence's (unsafe): only for an error about one entry, when the bytes
    /// at the finding are the year as written and stand outside quotation marks. The checker keeps the fix only
    /// when PubMed confirms the entry's year (`FixGuards`).
    static func fix(_ diagnostic: Diagnostic, in document: Document) -> Fix? {
        guard diagnostic.severity == .error, diagnostic.reference != nil, let expected = diagnostic.expected, let found = diagnostic.found,
            expected.count == 4, expected.allSatisfy(\.isNumber)
        else { return nil }
        let source = document.source
        let start = source.offset(of: diagnostic.range.start)
        let end = source.offset(of: diagnostic.range.end)
        let utf8 = Array(source.text.utf8)
        guard start < end, end <= utf8.count, String(decoding: utf8[start..<end], as: UTF8.self) == found else { return nil }
        guard !FixGuards.insideQuotationMarks(start, in: document) else { return nil }
        return Fix(safety: .unsafe, summary: "year \(found) → \(expected)", edits: [source.textEdit(start..<end, replacement: expected)])
    }

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
                let message =
                    entries.count == 1
                    ? "text says \(year.value), the \(author) entry is \(years[0]) (\(analysis.name(entries[0].entry.index)))"
                    : "text says \(year.value), the \(author) entries are \(ListFormatting.and(years)) (references \(ListFormatting.and(names)))"
                out.append(
                    analysis.diagnostic(
                        description, message, at: year.sourceRange,
                        reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                        expected: entries.count == 1 ? years[0] : nil, found: year.text))
                continue
            }
            if link.method == .authorOnlineYear, let r = link.entries.first.flatMap(references.reference(at:)), let print = r.parsed.year {
                out.append(
                    analysis.diagnostic(
                        description, severity: .info,
                        "text says \(year.value), \(analysis.name(r.entry.index)) was published online in \(year.value) and in print in \(print)",
                        at: year.sourceRange, reference: r.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let entries = link.entries.compactMap(references.reference(at:)).filter { $0.parsed.year != nil }
            guard link.confidence > .none, !entries.isEmpty, !entries.contains(where: { $0.parsed.year == year.value }) else { continue }
            if let online = entries.first(where: { $0.parsed.epubYear == year.value }), let print = online.parsed.year {
                out.append(
                    analysis.diagnostic(
                        description, severity: .info,
                        "text says \(year.value), \(analysis.name(online.entry.index)) was published online in \(year.value) and in print in \(print)",
                        at: year.sourceRange, reference: online.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let says = entries.map { "\(analysis.name($0.entry.index)) says \($0.parsed.year.map(String.init) ?? "")" }
            // With several entries behind one marker the year may be about another work: a warning.
            out.append(
                analysis.diagnostic(
                    description, severity: entries.count == 1 ? nil : .warning, "text says \(year.value), \(ListFormatting.and(says))",
                    at: year.sourceRange, reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                    expected: entries.count == 1 ? entries[0].parsed.year.map(String.init) : nil, found: year.text))
        }
        return out
    }
}
