/// Human-readable output: `file:line:col: severity: message [rule]`, the reference quoted under its findings,
/// files one after another, and a summary line (`2 errors, 1 warning, 3 infos in 1 file`).
///
/// ANSI colour only when `color` is set; the CLI sets it for a terminal when `NO_COLOR` is unset.
public struct TextReporter: Reporter {
    public var color: Bool
    /// Quoted reference text longer than this many characters is cut with `…`.
    public var quoteLimit: Int
    /// Fixes were applied in this run (`--fix`): the run ends with `N fixed, …`.
    public var fixing: Bool
    /// Which fixes count as available: findings whose fix `selection` admits are marked `[*]`.
    public var selection: FixSelection
    /// Whether to end with the summary line (`--quiet` leaves it out).
    public var summary: Bool

    public init(color: Bool = false, quoteLimit: Int = 300, fixing: Bool = false, selection: FixSelection = .safe, summary: Bool = true) {
        self.color = color
        self.quoteLimit = quoteLimit
        self.fixing = fixing
        self.selection = selection
        self.summary = summary
    }

    /// Whether to colour: only on a terminal, and not when `NO_COLOR` is set to a non-empty value (no-color.org).
    public static func colorWanted(isTerminal: Bool, environment: [String: String]) -> Bool {
        guard isTerminal else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports where !report.diagnostics.isEmpty {
            if !out.isEmpty { out += "\n" }
            let diagnostics = report.diagnostics
            for (index, diagnostic) in diagnostics.enumerated() {
                out += line(for: diagnostic) + "\n"
                let next = index + 1 < diagnostics.count ? diagnostics[index + 1] : nil
                if let reference = report.reference(diagnostic.reference), next?.reference != diagnostic.reference {
                    out += paint("    | " + quote(reference), Style.dim) + "\n"
                }
            }
        }
        guard summary else { return out }
        if !out.isEmpty { out += "\n" }
        let summary = RunSummary(reports)
        out += summary.line + "\n"
        if let fixes = summary.fixLine(fixing: fixing, selection: selection) { out += fixes + "\n" }
        return out
    }

    /// `post.md:12:5: error: message [rule]`.
    public func line(for diagnostic: Diagnostic) -> String {
        let location = "\(diagnostic.file):\(diagnostic.range.start.line):\(diagnostic.range.start.column):"
        let severity: String
        switch diagnostic.severity {
        case .error: severity = paint("error", Style.red)
        case .warning: severity = paint("warning", Style.yellow)
        case .info: severity = paint("info", Style.cyan)
        }
        let fixable = diagnostic.fix.map(selection.admits) == true ? " " + paint("[*]", Style.bold) : ""
        return "\(paint(location, Style.bold)) \(severity): \(diagnostic.message) \(paint("[\(diagnostic.rule)]", Style.dim))\(fixable)"
    }

    private func quote(_ reference: Reference) -> String {
        let label = reference.entry.label.map { $0 + " " } ?? ""
        let text = label + reference.entry.text
        let scalars = text.unicodeScalars
        guard scalars.count > quoteLimit else { return text }
        return String(String.UnicodeScalarView(scalars.prefix(quoteLimit))) + "\u{2026}"
    }

    private enum Style {
        static let bold = "1"
        static let dim = "2"
        static let red = "1;31"
        static let yellow = "1;33"
        static let cyan = "1;36"
    }

    private func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
