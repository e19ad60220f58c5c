/// How far a fix can be trusted: `safe` fixes are applied by `--fix`, `unsafe` ones only with `--unsafe-fixes`.
public enum FixSafety: String, Sendable, Codable, Hashable, CaseIterable {
    /// Certain: the value comes from a record the reference certainly cites, and only that field's bytes change.
    case safe
    /// Probably right, but a person should look: titles, authors, journals, identifiers, text-side years, and
    /// field values from a match that is accepted but not certain.
    case unsafe
}

/// One replacement in a file: the bytes `bytes` of the file as stored (a byte order mark counted) become
/// `replacement`. `range` is the same span as line and column (see ``SourcePosition``).
public struct TextEdit: Hashable, Sendable, Codable {
    public var bytes: Range<Int>
    public var range: SourceRange
    public var replacement: String

    public init(bytes: Range<Int>, range: SourceRange, replacement: String) {
        self.bytes = bytes
        self.range = range
        self.replacement = replacement
    }
}

/// The change that resolves one finding: one or more edits, applied together or not at all.
public struct Fix: Hashable, Sendable, Codable {
    public var safety: FixSafety
    /// What the fix does, for people: `pages 267-277 → 267-272`.
    public var summary: String
    /// Non-overlapping, in file order.
    public var edits: [TextEdit]

    public init(safety: FixSafety, summary: String, edits: [TextEdit]) {
        self.safety = safety
        self.summary = summary
        self.edits = edits.sorted { $0.bytes.lowerBound < $1.bytes.lowerBound }
    }
}

/// Whether and when a rule's findings carry a fix: what `citecheck explain RULE` and SARIF say about it.
public struct FixDeclaration: Sendable, Hashable {
    /// The most a fix of this rule can be: `safe` when some of its fixes are safe.
    public var safety: FixSafety
    /// When the rule fixes, and how safe each case is, in a sentence or two.
    public var when: String

    public init(safety: FixSafety, when: String) {
        self.safety = safety
        self.when = when
    }
}
