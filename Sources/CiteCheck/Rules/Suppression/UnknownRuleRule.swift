/// `unknown-rule`: a suppression comment or the configuration's `[rules]` names a rule id citecheck does not
/// have, so it silences or configures nothing (usually a typo: `…-year-mismach`).
///
/// Directives are checked here, in the post; ids in `.citecheck.toml` are reported by `configurationFindings`
/// (the Checker adds them), about the configuration file and its line.
public struct UnknownRuleRule: Rule {
    public static let description = RuleDescription(
        id: "unknown-rule",
        defaultSeverity: .warning,
        summary: "A suppression comment or .citecheck.toml names a rule id citecheck does not know.",
        rationale: """
            A misspelt rule id silences nothing and configures nothing, so the finding it was meant for still \
            shows, or a rule meant to be off stays on, with no word about why. The message lists the nearest \
            known ids; `citecheck rules` lists them all.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # Ketamine and anxiety

                ↓<!-- citecheck-disable-next-line cite-year-mismach -->
                A 2016 trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown),
            RuleExample(
                """
                Ketamine and anxiety

                ↓citecheck-disable ref-bad-page, \(CiteOrderRule.description.id)

                A trial found the same [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                # Ketamine and anxiety

                <!-- citecheck-disable-next-line \(CiteYearMismatchRule.description.id) -->
                A 2016 trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown),
            RuleExample(
                """
                # Ketamine and anxiety

                <!-- citecheck-disable-next-line unknown-rule -->
                <!-- citecheck-disable-next-line cite-year-mismach -->
                A 2016 trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let known = Set(RuleRegistry.ids)
        var found: [Diagnostic] = []
        for directive in context.document.directives {
            for id in directive.rules where !known.contains(id) {
                let end = SourcePosition(line: directive.start.line, column: directive.start.column + 1)
                found.append(
                    Diagnostic(
                        rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "unknown rule `\(id)` in citecheck-\(directive.action.rawValue)\(Self.nearest(id))",
                        file: context.document.source.path, range: SourceRange(start: directive.start, end: end)
                    ))
            }
        }
        return found
    }

    /// Findings about the ids under `[rules]` in `configuration`'s file that name no rule, unless the
    /// configuration turns this rule off.
    public static func configurationFindings(_ configuration: Configuration) -> [Diagnostic] {
        guard let path = configuration.path, !configuration.unknownRules.isEmpty else { return [] }
        let severity: Severity
        switch configuration.setting(for: description.id) {
        case .off: return []
        case .severity(let configured): severity = configured
        case nil: severity = description.defaultSeverity
        }
        return configuration.unknownRules.map { unknown in
            let start = SourcePosition(line: unknown.line ?? 1, column: 1)
            return Diagnostic(
                rule: description.id, severity: severity,
                message: "unknown rule `\(unknown.id)` in [rules]\(nearest(unknown.id))",
                file: path, range: SourceRange(start: start, end: SourcePosition(line: start.line, column: 2))
            )
        }
    }

    /// `; nearest known: a, b, c` (or a pointer to `citecheck rules` when none is close).
    static func nearest(_ id: String) -> String {
        let close = ConfigurationLoader.nearest(id, among: RuleRegistry.ids)
        guard !close.isEmpty else { return "; `citecheck rules` lists the known ids" }
        return "; nearest known: " + close.map { "`\($0)`" }.joined(separator: ", ")
    }
}
