/// `ref-malformed-doi`: a DOI broken by a space (`10.1158/1940 6207.CAPR-14-0362`), which no resolver finds.
///
/// The parser records the DOI as written and the one it most likely meant (the space read as the hyphen a
/// line break or a copy from a PDF lost); the finding gives both.
public struct RefMalformedDOIRule: Rule {
    public static let description = RuleDescription(
        id: "ref-malformed-doi",
        defaultSeverity: .warning,
        summary: "A DOI is broken by a space inside it, so it does not resolve.",
        rationale: """
            A DOI copied from a PDF often loses the hyphen at a line break and gains a space instead. \
            `https://doi.org/` then finds nothing, and neither does a reader. Write the DOI without the space \
            (the message suggests the likely one; check it against the article).
            """,
        triggeringExamples: [
            RuleExample(
                """
                Selenium

                Selenium did not prevent skin cancer [1].

                References

                ↓1. Duffield-Lillico AJ, Reid ME, Turnbull BW, et al. Baseline characteristics and the effect of selenium supplementation on cancer incidence. Cancer Prev Res. 2014;7(9):1-9. doi:10.1158/1940 6207.CAPR-14-0362
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Selenium

                Selenium did not prevent skin cancer [1].

                References

                1. Duffield-Lillico AJ, Reid ME, Turnbull BW, et al. Baseline characteristics and the effect of selenium supplementation on cancer incidence. Cancer Prev Res. 2014;7(9):1-9. doi:10.1158/1940-6207.CAPR-14-0362
                """)
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        return context.references.compactMap { reference in
            guard let written = reference.parsed.malformedDOI else { return nil }
            let meant = reference.parsed.doiSuggestion.map { "; it is probably \($0)" } ?? ""
            return context.diagnostic(
                Self.description, "\(reference.entry.displayName): the DOI \"\(written)\" is broken by a space\(meant)",
                reference: reference, range: reference.entry.range, expected: reference.parsed.doiSuggestion, found: written)
        }
    }
}
