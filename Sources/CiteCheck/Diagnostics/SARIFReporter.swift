/// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, IDE viewers).
///
/// One run: `tool.driver` lists every registered rule (id, short and full description, help, default level);
/// each result gives ruleId, ruleIndex, level, message and a physical location with a relative URI and a
/// region. The run declares `columnKind: "unicodeCodePoints"`, since citecheck's columns count code points.
public struct SARIFReporter: Reporter {
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let informationURI = "https://github.com/citecheck/citecheck"

    /// Absolute paths under this directory are written relative to it; nil leaves paths as given.
    public var baseDirectory: String?
    /// The rules listed in `tool.driver.rules`.
    public var rules: [RuleDescription]

    public init(baseDirectory: String? = nil, rules: [RuleDescription] = RuleRegistry.descriptions) {
        self.baseDirectory = baseDirectory
        self.rules = rules
    }

    public func render(_ reports: [FileReport]) -> String {
        var ruleIndex: [String: Int] = [:]
        for (index, rule) in rules.enumerated() where ruleIndex[rule.id] == nil { ruleIndex[rule.id] = index }
        let results = reports.flatMap(\.diagnostics).map { diagnostic -> JSONValue in
            var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule))]
            if let index = ruleIndex[diagnostic.rule] { members.append(("ruleIndex", .int(index))) }
            members += [
                ("level", .string(Self.level(diagnostic.severity))),
                ("message", .object([("text", .string(diagnostic.message))])),
                ("locations", .array([.object([
                    ("physicalLocation", .object([
                        ("artifactLocation", .object([("uri", .string(uri(for: diagnostic.file)))])),
                        ("region", .object([
                            ("startLine", .int(diagnostic.range.start.line)),
                            ("startColumn", .int(diagnostic.range.start.column)),
                            ("endLine", .int(diagnostic.range.end.line)),
                            ("endColumn", .int(diagnostic.range.end.column)),
                        ])),
                    ])),
                ])])),
            ]
            var properties: [(String, JSONValue)] = []
            if let reference = diagnostic.reference { properties.append(("reference", .int(reference))) }
            if let field = diagnostic.field { properties.append(("field", .string(field.rawValue))) }
            if let expected = diagnostic.expected { properties.append(("expected", .string(expected))) }
            if let found = diagnostic.found { properties.append(("found", .string(found))) }
            if let pmid = diagnostic.pmid { properties.append(("pmid", .string(pmid))) }
            if let fix = diagnostic.fix { members.append(("fixes", .array([self.fix(fix, file: diagnostic.file)]))) }
            if let fix = diagnostic.fix { properties.append(("fixSafety", .string(fix.safety.rawValue))) }
            if !properties.isEmpty { members.append(("properties", .object(properties))) }
            return .object(members)
        }
        let driver = JSONValue.object([
            ("name", .string("citecheck")),
            ("version", .string(CiteCheckVersion.current)),
            ("semanticVersion", .string(CiteCheckVersion.current)),
            ("informationUri", .string(Self.informationURI)),
            ("rules", .array(rules.map(Self.rule))),
        ])
        let log = JSONValue.object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([
                ("tool", .object([("driver", driver)])),
                ("columnKind", .string("unicodeCodePoints")),
                ("results", .array(results)),
            ])])),
        ])
        return log.serialized() + "\n"
    }

    /// A SARIF `fix`: one `artifactChange` with a `replacement` per edit (the deleted region given both as lines and
    /// code-point columns and as a byte offset and length in the file as stored).
    func fix(_ fix: Fix, file: String) -> JSONValue {
        .object([
            ("description", .object([("text", .string(fix.summary + (fix.safety == .unsafe ? " (unsafe)" : "")))])),
            ("artifactChanges", .array([.object([
                ("artifactLocation", .object([("uri", .string(uri(for: file)))])),
                ("replacements", .array(fix.edits.map { edit in
                    .object([
                        ("deletedRegion", .object([
                            ("startLine", .int(edit.range.start.line)),
                            ("startColumn", .int(edit.range.start.column)),
                            ("endLine", .int(edit.range.end.line)),
                            ("endColumn", .int(edit.range.end.column)),
                            ("byteOffset", .int(edit.bytes.lowerBound)),
                            ("byteLength", .int(edit.bytes.count)),
                        ])),
                        ("insertedContent", .object([("text", .string(edit.replacement))])),
                    ])
                })),
            ])])),
        ])
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("help", .object([("text", .string(help(rule)))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ])
    }

    /// The rationale, then how to turn the rule off.
    static func help(_ rule: RuleDescription) -> String {
        "\(rule.rationale) To turn the rule off, set `\(rule.id) = \"off\"` under [rules] in .citecheck.toml; to silence one "
            + "finding, put `citecheck-disable-next-line \(rule.id)` (in an HTML comment in Markdown and HTML) on the line above it."
            + (rule.fix == nil ? "" : " " + RuleDocumentation.fixSentence(rule))
    }

    /// SARIF's names: error, warning, note.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    /// A relative URI reference for a path: `./` dropped, made relative to `baseDirectory`, percent-encoded.
    func uri(for path: String) -> String {
        var path = path
        if path == "-" { return "stdin" }
        if let base = baseDirectory {
            let prefix = base.hasSuffix("/") ? base : base + "/"
            if path.hasPrefix(prefix) { path = String(path.dropFirst(prefix.count)) }
        }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            let unreserved = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-._~/!$&'()*+,;=:@".unicodeScalars.contains(scalar)
            if unreserved {
                out.unicodeScalars.append(scalar)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }
}
