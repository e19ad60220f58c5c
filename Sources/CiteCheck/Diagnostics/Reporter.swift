/// Renders the findings of a run. One reporter per output format, one file each.
public protocol Reporter: Sendable {
    /// The whole output for `reports`, ending with a newline when not empty.
    func render(_ reports: [FileReport]) -> String
}

/// The output formats `--format` accepts.
public enum ReportFormat: String, Sendable, CaseIterable {
    case text, json, sarif, github

    /// The reporter for this format. `color` applies to `text` only.
    public func reporter(color: Bool = false) -> any Reporter {
        switch self {
        case .text: TextReporter(color: color)
        case .json: JSONReporter()
        case .sarif: SARIFReporter()
        case .github: GitHubReporter()
        }
    }
}
