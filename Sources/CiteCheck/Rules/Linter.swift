/// Runs the enabled rules over a post and turns their findings into the final list: configured severities,
/// inline suppressions applied, sorted.
public struct Linter: Sendable {
    public var configuration: Configuration
    public var rules: [any Rule.Type]

    public init(configuration: Configuration = .default, rules: [any Rule.Type] = RuleRegistry.all) {
        self.configuration = configuration
        self.rules = rules
    }

    /// Every finding of the enabled rules, finalised (see `finalize`).
    public func lint(_ context: CheckContext) -> [Diagnostic] {
        finalize(findings(context), document: context.document, references: context.references)
    }

    /// Every finding of the enabled rules as the rules made them (default severities, nothing suppressed).
    public func findings(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for rule in rules where configuration.severity(for: rule.description) != nil {
            diagnostics += rule.init().check(context)
        }
        return diagnostics
    }

    /// Applies configuration (drops findings of rules turned off, sets configured severities), drops findings
    /// silenced by inline comments, and sorts stably by file, line, column and rule. Findings made outside the
    /// linter (PubMed verification) go through here too.
    public func finalize(_ diagnostics: [Diagnostic], document: Document, references: [Reference]) -> [Diagnostic] {
        finalizeTracking(diagnostics, document: document, references: references).diagnostics
    }

    /// `finalize`, also saying which directives silenced something (by where they start), for
    /// `UnusedSuppressionRule`.
    public func finalizeTracking(
        _ diagnostics: [Diagnostic], document: Document, references: [Reference]
    ) -> (diagnostics: [Diagnostic], usedDirectives: Set<SourcePosition>) {
        var used = Set<SourcePosition>()
        let suppressions = Suppressions(document: document)
        var entryRanges: [Int: SourceRange] = [:]
        for reference in references { entryRanges[reference.entry.index] = reference.entry.range }
        var kept: [Diagnostic] = []
        for var diagnostic in diagnostics {
            switch configuration.setting(for: diagnostic.rule) {
            case .off: continue
            case .severity(let severity): diagnostic.severity = severity
            case nil: break
            }
            let entryRange = diagnostic.reference.flatMap { entryRanges[$0] }
            if let directive = suppressions.suppressor(of: diagnostic, entryRange: entryRange) {
                used.insert(directive.start)
                continue
            }
            kept.append(diagnostic)
        }
        return (Linter.sorted(kept), used)
    }

    /// Sorts by file, line, column, then rule id; equal keys keep their order.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let a = lhs.element
            let b = rhs.element
            if a.file != b.file { return a.file < b.file }
            if a.range.start != b.range.start { return a.range.start < b.range.start }
            if a.rule != b.rule { return a.rule < b.rule }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
