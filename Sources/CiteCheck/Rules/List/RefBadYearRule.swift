/// `ref-bad-year`: a year in the future or before 1800.
///
/// The print year may be next year when the entry's online year is not in the future: journals date issues
/// ahead, so an article online in November 2026 can sit in a January 2027 issue. A year out of range is not
/// reported when the entry also holds a plausible year (1800 to next year): the parser then misread another
/// number (pages, volume) as the year, and an error would point at the wrong thing.
public struct RefBadYearRule: Rule {
    public static let description = RuleDescription(
        id: "ref-bad-year",
        defaultSeverity: .error,
        summary: "A reference's year is in the future or before 1800.",
        rationale: """
            A year in the future (or centuries back) is a typo, often two swapped digits, and it makes the article \
            hard to find. Copy the year from the article. A print year just after the current one is accepted when \
            the reference also gives an online year that has passed.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Light therapy

                Bright light helped in non-seasonal depression [1].

                References

                1. Lam RW, Levitt AJ, Levitan RD, et al. Efficacy of bright light treatment, fluoxetine, and the combination in patients with nonseasonal major depressive disorder: a randomized clinical trial. JAMA Psychiatry. ↓2061;73(1):56-63.
                """, currentYear: 2026),
            RuleExample(
                """
                <h1>Light therapy</h1>
                <p>Bright light helped in non-seasonal depression<sup>1</sup>.</p>
                <h2>References</h2>
                <ol>
                <li>Lam RW, Levitt AJ, Levitan RD, et al. Efficacy of bright light treatment, fluoxetine, and the combination in patients with nonseasonal major depressive disorder: a randomized clinical trial. <i>JAMA Psychiatry</i>. ↓2061;73(1):56&ndash;63.</li>
                </ol>
                """, format: .html, currentYear: 2026),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Light therapy

                Bright light helped in non-seasonal depression [1].

                References

                1. Lam RW, Levitt AJ, Levitan RD, et al. Efficacy of bright light treatment, fluoxetine, and the combination in patients with nonseasonal major depressive disorder: a randomized clinical trial. JAMA Psychiatry. 2016;73(1):56-63.
                """, currentYear: 2026)
        ]
    )

    public static let earliestYear = 1800

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        var diagnostics: [Diagnostic] = []
        for reference in context.references {
            let parsed = reference.parsed
            let onlineYearPassed = parsed.epubYear.map { $0 <= context.currentYear } ?? false
            if let year = parsed.year {
                let future = year > context.currentYear && !(year == context.currentYear + 1 && onlineYearPassed)
                // A year out of range next to a plausible one (`2023;76(8):1504–1507` read as 1507, `2014. … 57(6).2065–75`
                // read as 2065) is a misread number, not the reference's year: left alone rather than called an error.
                let elsewhere = (year < Self.earliestYear || future) && Self.hasPlausibleYear(parsed.raw, now: context.currentYear, other: year)
                if let problem = problem(year: year, future: future, now: context.currentYear, plausibleYearElsewhere: elsewhere) {
                    diagnostics.append(
                        context.diagnostic(
                            Self.description, "\(reference.entry.displayName): \(problem)", reference: reference, field: .year, found: String(year)
                        ))
                }
            }
            // Online years are only checked for the future: one before 1800 is a misread number, not a date.
            if let epub = parsed.epubYear, epub > context.currentYear,
                let problem = problem(year: epub, future: true, now: context.currentYear)
            {
                diagnostics.append(
                    context.diagnostic(
                        Self.description, "\(reference.entry.displayName): online \(problem)", reference: reference, field: .epubYear, found: String(epub)
                    ))
            }
        }
        return diagnostics
    }

    /// True when `raw` holds a standalone four-digit number from 1800 to next year, other than `other`.
    static func hasPlausibleYear(_ raw: String, now: Int, other: Int) -> Bool {
        let scalars = Array(raw.unicodeScalars)
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if end - index == 4, let value = Int(String(String.UnicodeScalarView(scalars[index..<end]))),
                value != other, (earliestYear...(now + 1)).contains(value)
            {
                return true
            }
            index = end
        }
        return false
    }

    private func problem(year: Int, future: Bool, now: Int, plausibleYearElsewhere: Bool = false) -> String? {
        if future, !plausibleYearElsewhere { return "year \(year) is in the future (it is \(now) now)" }
        if year < Self.earliestYear, !plausibleYearElsewhere { return "year \(year) is before \(Self.earliestYear)" }
        return nil
    }
}
