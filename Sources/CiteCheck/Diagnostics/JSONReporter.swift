/// Machine-readable output:
/// `{"files": [{"path", "references": [...], "diagnostics": [...]}], "summary": {...}}`.
///
/// Each diagnostic has the keys rule, severity, message, file, line, column, endLine, endColumn, reference,
/// field, expected, found, pmid (absent values are `null`).
public struct JSONReporter: Reporter {
    /// Turns one reference into the JSON object `citecheck parse --format json` prints for it.
    public typealias ReferenceEncoder = @Sendable (Reference) -> JSONValue

    /// WIRING HOOK: the lead passes the parser helper's `ReferenceJSON` encoder here
    /// (e.g. `JSONReporter(referenceEncoder: { .raw(ReferenceJSON.encode($0)) })`), so `check` and `parse`
    /// print the same reference objects. Until then `basicReference` is used.
    public var referenceEncoder: ReferenceEncoder

    public init(referenceEncoder: @escaping ReferenceEncoder = JSONReporter.basicReference) {
        self.referenceEncoder = referenceEncoder
    }

    public func render(_ reports: [FileReport]) -> String {
        let summary = RunSummary(reports)
        let root = JSONValue.object([
            ("files", .array(reports.map { report in
                .object([
                    ("path", .string(report.path)),
                    ("references", .array(report.references.map(referenceEncoder))),
                    ("diagnostics", .array(report.diagnostics.map(JSONReporter.diagnostic))),
                ])
            })),
            ("summary", .object([
                ("errors", .int(summary.errors)),
                ("warnings", .int(summary.warnings)),
                ("infos", .int(summary.infos)),
                ("files", .int(summary.files)),
                ("filesWithFindings", .int(summary.filesWithFindings)),
            ])),
        ])
        return root.serialized() + "\n"
    }

    /// One diagnostic as a JSON object.
    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(diagnostic.rule)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("file", .string(diagnostic.file)),
            ("line", .int(diagnostic.range.start.line)),
            ("column", .int(diagnostic.range.start.column)),
            ("endLine", .int(diagnostic.range.end.line)),
            ("endColumn", .int(diagnostic.range.end.column)),
            ("reference", .optional(diagnostic.reference)),
            ("field", .optional(diagnostic.field?.rawValue)),
            ("expected", .optional(diagnostic.expected)),
            ("found", .optional(diagnostic.found)),
            ("pmid", .optional(diagnostic.pmid)),
        ])
    }

    /// A stand-in reference object (index, label, number, text, position) until `ReferenceJSON` is connected.
    public static let basicReference: ReferenceEncoder = { reference in
        .object([
            ("index", .int(reference.entry.index)),
            ("label", .optional(reference.entry.label)),
            ("number", .optional(reference.entry.number)),
            ("text", .string(reference.entry.text)),
            ("line", .int(reference.entry.range.start.line)),
            ("column", .int(reference.entry.range.start.column)),
        ])
    }
}
