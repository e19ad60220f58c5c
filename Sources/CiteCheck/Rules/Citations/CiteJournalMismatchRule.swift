/// `cite-journal-mismatch`: the text says a cited work appeared in a journal its reference does not name.
public struct CiteJournalMismatchRule: CitationRule {
    public static let description = RuleDescription(
        id: "cite-journal-mismatch",
        defaultSeverity: .error,
        summary: "The text names a different journal for a cited work than its reference does.",
        rationale: """
            `Published in JAMA Psychiatry [1]` where reference 1 is in Neuropsychopharmacology misleads readers \
            who weigh evidence by where it appeared. Full and abbreviated names of one journal agree (`American \
            Journal of Psychiatry` = `Am J Psychiatry`). Tied by prose alone (no marker), the finding is a warning.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                A crossover trial published in ↓JAMA Psychiatry found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                A trial published in the American Journal of Psychiatry found benefit [1].

                References

                1. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.
                """)
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in analysis.links where link.confidence > .none {
            let c = analysis.citations[link.citation]
            guard let journal = c.claims.journal else { continue }
            let entries = link.entries.compactMap(analysis.references.reference(at:)).filter { $0.parsed.journal != nil }
            guard !entries.isEmpty, analysis.isJournal(journal.value),
                !entries.contains(where: { $0.parsed.journal.map { analysis.sameJournal($0, journal.value) } ?? false })
            else { continue }
            let r = entries[0]
            let actual = r.parsed.journal ?? ""
            // Tied by a marker in the same sentence: an error; tied by narrative evidence alone: a warning.
            let severity: Severity? = link.method == .sameSentence ? nil : .warning
            out.append(
                analysis.diagnostic(
                    description, severity: severity, "text says published in \(journal.value), \(analysis.name(r.entry.index)) is in \(actual)",
                    at: journal.sourceRange, reference: r.entry.index, field: .journal, expected: actual, found: journal.text))
        }
        return out
    }
}
