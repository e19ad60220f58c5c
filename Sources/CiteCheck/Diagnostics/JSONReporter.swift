/// Machine-readable output:
/// `{"files": [{"path", "references": [...], "diagnostics": [...]}], "summary": {...}}`.
///
/// Each diagnostic has the keys rule, severity, message, file, line, column, endLine, endColumn, reference,
/// field, expected, found, pmid, fix (see ``fix(_:)``) and fingerprint (absent values are `null`).
/// `docs/schema/check-output.schema.json` is the JSON Schema of the whole output.
public struct JSONReporter: Reporter {
    /// Turns one reference into its JSON object.
    public typealias ReferenceEncoder = @Sendable (Reference) -> JSONValue

    public var referenceEncoder: ReferenceEncoder

    /// - Parameter referenceEncoder: by default the entry's position and text followed by every parsed field,
    ///   with the keys `citecheck parse` prints (``ReferenceJSON``).
    public init(referenceEncoder: @escaping ReferenceEncoder = JSONReporter.reference) {
        self.referenceEncoder = referenceEncoder
    }

    public func render(_ reports: [FileReport]) -> String {
        let summary = RunSummary(reports)
        // Each file's object is built and serialized on its own core, at the depth it sits at in the output (a
        // 1,000-post run prints ~140 MB, which one thread took seconds to write).
        let referenceEncoder = referenceEncoder
        let files = reports.concurrentMap { report in
            JSONValue.object([
                ("path", .string(report.path)),
                (
                    "references",
                    .array(
                        report.references.map { reference in
                            Self.adding(report.verifications[reference.entry.index], to: referenceEncoder(reference))
                        })
                ),
                ("diagnostics", .array(report.diagnostics.map(JSONReporter.diagnostic))),
            ]).serialized(level: 2)
        }
        let root = JSONValue.object([
            ("files", .array(files.map(JSONValue.raw))),
            (
                "summary",
                .object([
                    ("errors", .int(summary.errors)),
                    ("warnings", .int(summary.warnings)),
                    ("infos", .int(summary.infos)),
                    ("files", .int(summary.files)),
                    ("filesWithFindings", .int(summary.filesWithFindings)),
                    ("fixed", .int(summary.fixed)),
                    ("fixableSafe", .int(summary.fixableSafe)),
                    ("fixableUnsafe", .int(summary.fixableUnsafe)),
                ])
            ),
        ])
        return root.serialized() + "\n"
    }

    /// A verified reference's object gains `"pubmed": {"status": …, "pmid": …}` (and `"candidates"` when
    /// ambiguous); references of an unverified run are left as they are.
    static func adding(_ verification: ReferenceVerification?, to object: JSONValue) -> JSONValue {
        guard let verification, case .object(var pairs) = object else { return object }
        var fields: [(String, JSONValue)] = [
            ("status", .string(verification.status.rawValue)),
            ("pmid", .optional(verification.status == .matched ? verification.pmids.first : nil)),
        ]
        if verification.status == .ambiguous { fields.append(("candidates", .array(verification.pmids.map(JSONValue.string)))) }
        pairs.append(("pubmed", .object(fields)))
        return .object(pairs)
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
            ("fix", diagnostic.fix.map(JSONReporter.fix) ?? .null),
            ("fingerprint", .optional(diagnostic.fingerprint)),
        ])
    }

    /// `{"safety", "summary", "edits": [{"start", "end", "line", "column", "endLine", "endColumn", "replacement"}]}`:
    /// `start` and `end` are byte offsets in the file as stored (a byte order mark counted).
    public static func fix(_ fix: Fix) -> JSONValue {
        .object([
            ("safety", .string(fix.safety.rawValue)),
            ("summary", .string(fix.summary)),
            (
                "edits",
                .array(
                    fix.edits.map { edit in
                        .object([
                            ("start", .int(edit.bytes.lowerBound)),
                            ("end", .int(edit.bytes.upperBound)),
                            ("line", .int(edit.range.start.line)),
                            ("column", .int(edit.range.start.column)),
                            ("endLine", .int(edit.range.end.line)),
                            ("endColumn", .int(edit.range.end.column)),
                            ("replacement", .string(edit.replacement)),
                        ])
                    })
            ),
        ])
    }

    /// `index`, `label`, `number`, `text`, `line`, `column` of the entry, then the parsed fields as in `parse`.
    public static let reference: ReferenceEncoder = { reference in
        .object(
            [
                ("index", .int(reference.entry.index)),
                ("label", .optional(reference.entry.label)),
                ("number", .optional(reference.entry.number)),
                ("text", .string(reference.entry.text)),
                ("line", .int(reference.entry.range.start.line)),
                ("column", .int(reference.entry.range.start.column)),
            ] + ReferenceJSON.fields(reference.parsed))
    }
}
