/// How serious a finding is. Ordered: `info < warning < error`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One finding about a post: plain data. Rules make them; reporters print them.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// The rule id: one of `RuleRegistry.ids` (`ref-…`, `cite-…`, `pubmed-…`).
    public var rule: String
    public var severity: Severity
    /// One line a person understands, naming both sides where there are two.
    public var message: String
    public var file: String
    public var range: SourceRange
    /// 1-based position of the entry in the reference list, or nil.
    public var reference: Int?
    /// The field a field rule is about.
    public var field: ReferenceField?
    /// The right value, where there are two values.
    public var expected: String?
    /// The value as written, where there are two values.
    public var found: String?
    /// The PubMed record the finding is measured against, once one is matched.
    public var pmid: String?
    /// The edit that resolves the finding, when the rule can make one (`--fix`, `--unsafe-fixes`).
    public var fix: Fix?
    /// The finding's identity across edits (``FindingFingerprint``), set once the post's findings are final.
    public var fingerprint: String?

    public init(
        rule: String, severity: Severity, message: String, file: String, range: SourceRange,
        reference: Int? = nil, field: ReferenceField? = nil, expected: String? = nil, found: String? = nil, pmid: String? = nil,
        fix: Fix? = nil
    ) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.file = file
        self.range = range
        self.reference = reference
        self.field = field
        self.expected = expected
        self.found = found
        self.pmid = pmid
        self.fix = fix
    }
}
