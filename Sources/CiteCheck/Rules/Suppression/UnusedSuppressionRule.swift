/// `unused-suppression`: a `citecheck-disable-next-line` or `citecheck-disable` comment that silences nothing,
/// because the mistake it was written for has been fixed (or moved away from the line below it).
///
/// Which directives silenced something is known only once every finding of the post is final (after PubMed
/// verification too), so `check` finds nothing and the Checker calls `findings(document:…)` at the end.
public struct UnusedSuppressionRule: Rule {
    public static let description = RuleDescription(
        id: "unused-suppression",
        defaultSeverity: .info,
        summary: "A suppression comment silences no finding.",
        rationale: """
            A suppression comment left behind after its mistake was fixed will silently hide the next, different \
            mistake of that rule on its line. Remove it. Comments naming only rules that did not run (turned off, \
            or `pubmed-*` rules in a run without verification) are not reported.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # Ketamine and anxiety

                ↓<!-- citecheck-disable-next-line \(CiteYearMismatchRule.description.id) -->
                A 2018 trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown),
            RuleExample(
                """
                Ketamine and anxiety

                ↓citecheck-disable \(RefBadPagesRule.description.id)

                A trial found the same [1].

                References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.

                citecheck-enable \(RefBadPagesRule.description.id)
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

                <!-- citecheck-disable-next-line \(PubMedYearRule.description.id) -->
                A trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown),
            RuleExample(
                """
                # Ketamine and anxiety

                <!-- citecheck-disable-next-line \(CiteOrderRule.description.id) -->
                A 2018 trial found the same [1].

                ## References

                1. Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. Ketamine for social anxiety disorder: a randomized, placebo-controlled crossover trial. Neuropsychopharmacology. 2018;43(2):325-333.
                """, format: .markdown, configuration: "[rules]\n\(CiteOrderRule.description.id) = \"off\"\n"),
        ]
    )

    public init() {}

    /// Nothing: see `findings(document:usedDirectives:configuration:verified:)`.
    public func check(_ context: CheckContext) -> [Diagnostic] { [] }

    /// The post's directives that silenced nothing. `usedDirectives` holds the starts of those that did;
    /// `verified` says whether PubMed verification ran (else `pubmed-*` rules did not).
    public static func findings(
        document: Document, usedDirectives: Set<SourcePosition>, configuration: Configuration, verified: Bool
    ) -> [Diagnostic] {
        let severity: Severity
        switch configuration.setting(for: description.id) {
        case .off: return []
        case .severity(let configured): severity = configured
        case nil: severity = description.defaultSeverity
        }
        let known = Set(RuleRegistry.ids)
        let verification = Set(RuleRegistry.externalDescriptions.map(\.id))
        func ran(_ id: String) -> Bool {
            guard known.contains(id) else { return false }
            if verification.contains(id) && !verified { return false }
            if case .off = configuration.setting(for: id) { return false }
            return true
        }
        let suppressions = Suppressions(document: document)
        var found: [Diagnostic] = []
        for directive in document.directives where directive.action != .enable && !usedDirectives.contains(directive.start) {
            // A directive naming this rule is for this rule's own findings, known only after this pass.
            if directive.rules.contains(description.id) { continue }
            // A directive for every rule may be meant for PubMed's findings in a verifying run.
            if directive.rules.isEmpty && !verified { continue }
            guard directive.rules.isEmpty || directive.rules.allSatisfy(ran) else { continue }
            let names = directive.rules.isEmpty ? "any rule" : directive.rules.joined(separator: ", ")
            let finding = Diagnostic(
                rule: description.id, severity: severity,
                message: "citecheck-\(directive.action.rawValue) \(directive.rules.joined(separator: " ")) silences nothing (no \(names) finding here); remove it"
                    .replacingOccurrences(of: "  ", with: " "),
                file: document.source.path,
                range: SourceRange(start: directive.start, end: SourcePosition(line: directive.start.line, column: directive.start.column + 1))
            )
            // This rule's findings can be silenced like any other's.
            if suppressions.isSuppressed(finding) { continue }
            found.append(finding)
        }
        return found
    }
}
