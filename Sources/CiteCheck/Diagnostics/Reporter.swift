/// Renders the findings of a run. One reporter per output format, one file each.
public protocol Reporter: Sendable {
    /// The whole output for `reports`, ending with a newline when not empty.
    func render(_ reports: [FileReport]) -> String
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github, html

    /// The reporter for this format. `color` applies to `text` only; `fixing` and `selection` say whether fixes
    /// were applied in this run and which (text output marks and counts fixable findings by them).
    public func reporter(color: Bool = false, fixing: Bool = false, selection: FixSelection = .safe) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color, fixing: fixing, selection: selection)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        case .html: HTMLReporter()
        }
    }
}
