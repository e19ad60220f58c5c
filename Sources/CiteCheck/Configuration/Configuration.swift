/// An id under `[rules]` that names no rule, and the line it is on.
public struct UnknownRuleSetting: Sendable, Equatable {
    public var id: String
    public var line: Int?

    public init(id: String, line: Int?) {
        self.id = id
        self.line = line
    }
}

/// What a `.citecheck.toml` file says. The defaults are what citecheck does without one.
public struct Configuration: Sendable, Equatable {
    /// A rule's configured state: turned off, or run at a severity.
    public enum RuleSetting: Sendable, Equatable {
        case off
        case severity(Severity)

        /// Reads `error`, `warning`, `info` or `off`.
        public init?(_ text: String) {
            switch text {
            case "off": self = .off
            default:
                guard let severity = Severity(rawValue: text) else { return nil }
                self = .severity(severity)
            }
        }
    }

    /// The citation style a post's reference list should follow, or `any` to only ask for consistency.
    public enum StylePreference: Sendable, Equatable {
        case any
        case style(CitationStyle)

        /// The names accepted in the file: `any` and every recognised `CitationStyle` except `unknown`.
        public static let names = ["any"] + CitationStyle.allCases.filter { $0 != .unknown }.map(\.rawValue)

        public init?(_ text: String) {
            if text == "any" {
                self = .any
                return
            }
            guard let style = CitationStyle(rawValue: text), style != .unknown else { return nil }
            self = .style(style)
        }
    }

    /// Per-rule settings by rule id; rules not named run at their default severity.
    public var rules: [String: RuleSetting]
    /// Extra reference-list headings to accept besides the built-in ones (`Sources`, `Literatur`).
    public var headings: [String]
    public var style: StylePreference
    /// Whether to verify references against PubMed by default (the CLI's `--verify` overrides). Nil when unset.
    public var verify: Bool?
    /// The e-mail address sent to NCBI E-utilities. Nil when unset.
    public var email: String?
    /// A MEDLINE index to verify against (`index = "…"`, made absolute against the file's folder). Nil when unset.
    public var index: String?
    /// The size, entry-count and entry-length bounds of a post (`[limits]`).
    public var limits: InputLimits
    /// Ids under `[rules]` that name no rule, with their lines: reported by `UnknownRuleRule` as findings about the file
    /// (a typo must not silently leave a rule on), not as an error that stops the run.
    public var unknownRules: [UnknownRuleSetting] = []
    /// Glob patterns of posts a folder walk skips, relative to the configuration file's folder (`exclude`).
    public var exclude: [String]
    /// The file this configuration was read from, nil for the defaults.
    public var path: String?

    public init(
        rules: [String: RuleSetting] = [:], headings: [String] = [], style: StylePreference = .any,
        verify: Bool? = nil, email: String? = nil, limits: InputLimits = .default, exclude: [String] = [], path: String? = nil
    ) {
        self.exclude = exclude
        self.rules = rules
        self.headings = headings
        self.style = style
        self.verify = verify
        self.email = email
        self.limits = limits
        self.path = path
    }

    /// No file: every rule at its default severity, any style.
    public static let `default` = Configuration()

    /// The configured setting for a rule id, nil when the file does not name it.
    public func setting(for ruleID: String) -> RuleSetting? {
        rules[ruleID]
    }

    /// The severity a rule runs at, nil when it is turned off.
    public func severity(for rule: RuleDescription) -> Severity? {
        switch rules[rule.id] {
        case .off: nil
        case .severity(let severity): severity
        case nil: rule.defaultSeverity
        }
    }
}
