/// Renders the registered rules' descriptions for people: a Markdown reference (for docs/rules.md or a
/// `citecheck rules` command) built from the same data SARIF and the tests use, so it cannot drift.
public enum RuleDocumentation {
    /// One section per rule: id, default severity, summary, rationale, and its examples.
    public static func markdown(_ rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        var out = "# citecheck rules\n"
        for rule in rules {
            out += "\n## `\(rule.id)`\n\n"
            out += "Default severity: **\(rule.defaultSeverity.rawValue)**\n\n"
            out += rule.summary + "\n\n" + rule.rationale + "\n\n" + fixSentence(rule) + "\n"
            if let example = rule.triggeringExamples.first {
                out += "\nReported (`↓` marks the finding)\(records(example)):\n\n```\n\(example.post)\n```\n"
            }
            if let example = rule.nonTriggeringExamples.first {
                out += "\nNot reported\(records(example)):\n\n```\n\(example.post)\n```\n"
            }
        }
        return out
    }

    /// Whether and when the rule fixes: `Fix (safe): …`, `Fix (unsafe, with --unsafe-fixes): …`, or `Fix: none.`
    public static func fixSentence(_ rule: RuleDescription) -> String {
        guard let fix = rule.fix else { return "Fix: none; --fix leaves these findings to you." }
        switch fix.safety {
        case .safe: return "Fix (--fix): \(fix.when)"
        case .unsafe: return "Fix (unsafe, --fix --unsafe-fixes): \(fix.when)"
        }
    }

    /// ` against the PubMed records in fixtures/pubmed/24740528.xml` for an example verified against records.
    private static func records(_ example: RuleExample) -> String {
        example.records.isEmpty ? "" : " against the PubMed records in " + example.records.joined(separator: ", ")
    }

    /// `id  severity  summary`, one rule a line, ids padded to one width.
    public static func list(_ rules: [RuleDescription] = RuleRegistry.descriptions) -> String {
        let width = rules.map(\.id.count).max() ?? 0
        return rules.map { rule in
            let id = rule.id + String(repeating: " ", count: width - rule.id.count)
            let severity = rule.defaultSeverity.rawValue + String(repeating: " ", count: 7 - rule.defaultSeverity.rawValue.count)
            return "\(id)  \(severity)  \(rule.summary)"
        }.joined(separator: "\n") + "\n"
    }
}
