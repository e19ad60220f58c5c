/// Which findings make citecheck exit 1.
public enum FailOn: String, Sendable, CaseIterable {
    /// Any error (the default).
    case error
    /// Any warning or error.
    case warning
    /// Never: always exit 0 when the run itself worked.
    case never
}

/// citecheck's exit statuses: 0 clean, 1 findings at or above `--fail-on`, 2 for usage, configuration and
/// unreadable-input errors (the CLI maps those; this type only decides between 0 and 1).
public enum ExitStatus {
    public static let success: Int32 = 0
    public static let findings: Int32 = 1
    public static let usageError: Int32 = 2

    /// 1 when a diagnostic reaches the `failOn` threshold, else 0.
    public static func `for`(diagnostics: [Diagnostic], failOn: FailOn) -> Int32 {
        let threshold: Severity
        switch failOn {
        case .never: return success
        case .error: threshold = .error
        case .warning: threshold = .warning
        }
        return diagnostics.contains { $0.severity >= threshold } ? findings : success
    }
}
