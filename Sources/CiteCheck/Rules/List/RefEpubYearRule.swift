/// `ref-epub-year`: an entry gives an online (epub) year besides a different print year. Information only.
public struct RefEpubYearRule: Rule {
    public static let description = RuleDescription(
        id: "ref-epub-year",
        defaultSeverity: .info,
        summary: "A reference gives an online (epub) year as well as a different print year.",
        rationale: """
            Many articles appear online months before the issue that carries them, so a reference can rightly show \
            two years: the print (issue) year, which is the one to cite and the one PubMed lists first, and the year \
            it went online. This is not an error; citecheck says which year is which so neither looks like a typo.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                A crossover trial found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333. ↓Epub 2017 Jul 11.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and social anxiety

                A crossover trial found benefit [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """)
        ]
    )

    /// Online years more than this many years before the print year are not reported: no article waits that long
    /// for its issue, so the "online year" is more likely a misread number (a volume, an arXiv id).
    static let plausibleLead = 5

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .journalArticles)
        return context.references.compactMap { reference in
            guard let year = reference.parsed.year, let online = reference.parsed.epubYear, online != year,
                (1...9999).contains(year), (year - Self.plausibleLead)...(year + 1) ~= online
            else { return nil }
            let n = reference.entry.displayName
            let message =
                online < year
                ? "\(n) gives two years: \(year) is the print (issue) year, the one to cite; \(online) is when it was published online first. That is normal, not an error"
                : "\(n) gives two years: \(year) is the print (issue) year and \(online) the online year; an online year after the print year is unusual, so check both"
            return context.diagnostic(
                Self.description, message, reference: reference, field: .epubYear
            )
        }
    }
}
