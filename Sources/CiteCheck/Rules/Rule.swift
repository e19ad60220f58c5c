/// A lint rule: one check over a post's reference list (`Rules/List/`, `ref-*`) or its text (`Rules/Citations/`,
/// `Rules/Text/`, `cite-*`).
///
/// One rule lives in one file, declares its `description` (id, default severity, summary,
/// rationale, examples) and reports findings through `check(_:)`. Rules emit diagnostics with their default
/// severity; the `Linter` applies the configured severity and inline suppressions afterwards.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    init()
    func check(_ context: CheckContext) -> [Diagnostic]
}

/// What a rule is: the data reporters, documentation and the configuration loader read.
public struct RuleDescription: Sendable, Hashable {
    /// Stable id (`ref-…`, `cite-…`, `pubmed-…`): part of the interface (configuration, suppressions, JSON, SARIF).
    public var id: String
    public var defaultSeverity: Severity
    /// One line: what the rule finds.
    public var summary: String
    /// A few sentences: why it matters and what to do.
    public var rationale: String
    /// Posts the rule reports on; `↓` marks where each finding starts (see `RuleExample`).
    public var triggeringExamples: [RuleExample]
    /// Posts the rule must stay quiet on.
    public var nonTriggeringExamples: [RuleExample]
    /// Whether and when the rule's findings carry a fix; nil for a rule that never fixes.
    public var fix: FixDeclaration?

    public init(
        id: String, defaultSeverity: Severity, summary: String, rationale: String,
        triggeringExamples: [RuleExample] = [], nonTriggeringExamples: [RuleExample] = [], fix: FixDeclaration? = nil
    ) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
        self.fix = fix
    }
}

/// A small whole post used as a rule example and run through the full pipeline by the tests.
///
/// In a triggering example each `↓` (U+2193) marks the place a finding of the rule must start; the marker is
/// removed before the post is read, and its line and column (in Unicode scalars) are the expected position.
public struct RuleExample: Sendable, Hashable {
    public static let marker: Character = "\u{2193}"

    /// The post, markers included.
    public var post: String
    public var format: InputFormat
    /// A configuration to run the example with, in `.citecheck.toml` syntax; nil for the defaults.
    public var configuration: String?
    /// The year the example is checked in (for `RefBadYearRule`).
    public var currentYear: Int
    /// Recorded PubMed records the example is verified against (`pubmed-*` rules): files of EFetch XML, as paths
    /// from the repository's root (`fixtures/pubmed/24740528.xml`); empty for the offline rules.
    public var records: [String]

    public init(_ post: String, format: InputFormat = .text, configuration: String? = nil, currentYear: Int = 2026, records: [String] = []) {
        self.post = post
        self.format = format
        self.configuration = configuration
        self.currentYear = currentYear
        self.records = records
    }

    /// The post without markers, and the positions the markers stood at, in order.
    public var strippedPost: (text: String, markers: [SourcePosition]) {
        var text = ""
        var markers: [SourcePosition] = []
        var line = 1
        var column = 1
        var previousWasCR = false
        for scalar in post.unicodeScalars {
            if Character(scalar) == RuleExample.marker {
                markers.append(SourcePosition(line: line, column: column))
                continue
            }
            text.unicodeScalars.append(scalar)
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
                previousWasCR = false
            } else if scalar == "\r" {
                line += 1
                column = 1
                previousWasCR = true
            } else {
                column += 1
                previousWasCR = false
            }
        }
        return (text, markers)
    }
}
