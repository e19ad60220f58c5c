/// GitHub Actions workflow commands, one line per finding:
/// `::error file=post.md,line=3,col=5,endLine=3,endColumn=9,title=RULE-ID::message`.
///
/// Info findings become `::notice`. Values are escaped as the Actions toolkit does: `%`, CR and LF in the
/// message; additionally `:` and `,` in properties.
public struct GitHubReporter: Reporter {
    public init() {}

    public func render(_ reports: [FileReport]) -> String {
        var out = ""
        for report in reports {
            for diagnostic in report.diagnostics {
                out += GitHubReporter.command(for: diagnostic) + "\n"
            }
        }
        return out
    }

    public static func command(for diagnostic: Diagnostic) -> String {
        let name: String
        switch diagnostic.severity {
        case .error: name = "error"
        case .warning: name = "warning"
        case .info: name = "notice"
        }
        let range = diagnostic.range
        let properties = [
            ("file", diagnostic.file),
            ("line", String(range.start.line)),
            ("col", String(range.start.column)),
            ("endLine", String(range.end.line)),
            ("endColumn", String(range.end.column)),
            ("title", diagnostic.rule),
        ].map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name) \(properties)::\(escapeData(diagnostic.message))"
    }

    /// Escapes a command's message.
    public static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }

    /// Escapes a property value.
    public static func escapeProperty(_ text: String) -> String {
        var out = ""
        for character in escapeData(text).unicodeScalars {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
