import CiteCheck

/// One finding of verification against PubMed, as plain data. The rule layer turns it into a `Diagnostic`,
/// positioned with `ParsedReference.fieldRanges[field]`.
///
/// Its rule is one of `RuleRegistry.verificationRules` (`Rules/PubMed/` in CiteCheck: one file per rule).
public struct FieldFinding: Hashable, Sendable, Codable {
    public var rule: String
    public var severity: Severity
    /// The field the finding is about, nil for findings about the whole reference.
    public var field: ReferenceField?
    /// The value as written in the reference.
    public var found: String?
    /// PubMed's value, rendered in the reference's own style (page range form, abbreviated or full journal).
    public var expected: String?
    public var message: String
    /// The record measured against; nil only for `PubMedNotFoundRule`'s.
    public var pmid: String?

    public init(rule: String, severity: Severity, field: ReferenceField? = nil, found: String? = nil, expected: String? = nil, message: String, pmid: String?) {
        self.rule = rule
        self.severity = severity
        self.field = field
        self.found = found
        self.expected = expected
        self.message = message
        self.pmid = pmid
    }

    /// A finding of `rule`, with the rule's default severity.
    public init(_ rule: RuleDescription, field: ReferenceField? = nil, found: String? = nil, expected: String? = nil, message: String, pmid: String?) {
        self.init(rule: rule.id, severity: rule.defaultSeverity, field: field, found: found, expected: expected, message: message, pmid: pmid)
    }
}

extension FieldFinding {
    /// Where the finding points in `file`: the field as the parser located it in the entry (`fieldRanges`), mapped
    /// through the entry's source map; the whole entry when the finding has no field or the field has no range.
    public func sourceRange(for reference: Reference, in file: SourceFile) -> SourceRange {
        let rawLength = reference.parsed.raw.utf8.count
        if let field, let range = reference.parsed.fieldRanges[field], range.lowerBound >= 0, range.upperBound <= rawLength,
            range.lowerBound < range.upperBound
        {
            let start = reference.entry.sourceMap.sourceOffset(forDerived: range.lowerBound)
            let end = reference.entry.sourceMap.sourceOffset(forDerived: range.upperBound)
            if start < end { return file.range(of: start..<end) }
        }
        return reference.entry.range
    }

    /// The finding as a `Diagnostic` about `reference` in `file`. The message names the PubMed record it was
    /// compared with (`… (PMID 31526207)`) unless it already does.
    public func diagnostic(for reference: Reference, in file: SourceFile) -> Diagnostic {
        let shown = pmid.map { message.contains("PMID") ? message : message + " (PMID \($0))" } ?? message
        return Diagnostic(
            rule: rule, severity: severity, message: shown, file: file.path, range: sourceRange(for: reference, in: file),
            reference: reference.entry.index, field: field, expected: expected, found: found, pmid: pmid
        )
    }
}
