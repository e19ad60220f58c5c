/// SARIF 2.1.0 output for code-scanning tools (GitHub code scanning, IDE viewers).
///
/// One run: `tool.driver` lists every registered rule (id, short and full description, help, default level);
/// each result gives ruleId, ruleIndex, level, message and a physical location with a relative URI and a
/// region. The run declares `columnKind: "unicodeCodePoints"`, since citecheck's columns count code points.
/// With a `baseDirectory`, artifact URIs are relative to it and the run names it in `originalUriBaseIds` as
/// `SRCROOT`; every result carries its fingerprint in `partialFingerprints` so code scanning follows a finding
/// across commits; with an `invocation`, the run records the exit code and every error as a notification (a run
/// that failed still writes a valid log).
public struct SARIFReporter: Reporter {
    /// How the run went: its exit status and the errors it printed.
    public struct Invocation: Sendable {
        public var exitCode: Int32
        public var errors: [String]

        public init(exitCode: Int32, errors: [String]) {
            self.exitCode = exitCode
            self.errors = errors
        }
    }

    /// The `originalUriBaseIds` key artifact URIs are relative to.
    public static let rootBaseID = "SRCROOT"
    /// The `partialFingerprints` key of ``FindingFingerprint``.
    public static let fingerprintKey = "citecheckFingerprint/v1"
    public static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    public static let informationURI = "https://github.com/citecheck/citecheck"

    /// The absolute folder artifact URIs are relative to (the repository root, or `--base-path`); nil writes
    /// paths as given, relative to no declared base.
    public var baseDirectory: String?
    /// The rules listed in `tool.driver.rules`.
    public var rules: [RuleDescription]
    /// The run's exit code and errors, recorded in `invocations`.
    public var invocation: Invocation?

    public init(baseDirectory: String? = nil, rules: [RuleDescription] = RuleRegistry.descriptions, invocation: Invocation? = nil) {
        self.baseDirectory = baseDirectory
        self.rules = rules
        self.invocation = invocation
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
                (
                    "locations",
                    .array([
                        .object([
                            (
                                "physicalLocation",
                                .object([
                                    ("artifactLocation", artifactLocation(for: diagnostic.file)),
                                    (
                                        "region",
                                        .object([
                                            ("startLine", .int(diagnostic.range.start.line)),
                                            ("startColumn", .int(diagnostic.range.start.column)),
                                            ("endLine", .int(diagnostic.range.end.line)),
                                            ("endColumn", .int(diagnostic.range.end.column)),
                                        ])
                                    ),
                                ])
                            )
                        ])
                    ])
                ),
            ]
            var properties: [(String, JSONValue)] = []
            if let reference = diagnostic.reference { properties.append(("reference", .int(reference))) }
            if let field = diagnostic.field { properties.append(("field", .string(field.rawValue))) }
            if let expected = diagnostic.expected { properties.append(("expected", .string(expected))) }
            if let found = diagnostic.found { properties.append(("found", .string(found))) }
            if let pmid = diagnostic.pmid { properties.append(("pmid", .string(pmid))) }
            if let fingerprint = diagnostic.fingerprint {
                members.append(("partialFingerprints", .object([(Self.fingerprintKey, .string(fingerprint))])))
            }
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
        var run: [(String, JSONValue)] = [("tool", .object([("driver", driver)]))]
        if let invocation {
            run.append(
                (
                    "invocations",
                    .array([
                        .object([
                            ("executionSuccessful", .bool(invocation.exitCode != ExitStatus.usageError)),
                            ("exitCode", .int(Int(invocation.exitCode))),
                            (
                                "toolExecutionNotifications",
                                .array(
                                    invocation.errors.map { error in
                                        .object([("level", .string("error")), ("message", .object([("text", .string(error))]))])
                                    })
                            ),
                        ])
                    ])
                ))
        }
        if let baseDirectory {
            let root = Self.fileURI(baseDirectory.hasSuffix("/") ? baseDirectory : baseDirectory + "/")
            run.append(("originalUriBaseIds", .object([(Self.rootBaseID, .object([("uri", .string(root))]))])))
        }
        run += [("columnKind", .string("unicodeCodePoints")), ("results", .array(results))]
        let log = JSONValue.object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
        return log.serialized() + "\n"
    }

    /// A SARIF `fix`: one `artifactChange` with a `replacement` per edit (the deleted region given both as lines and
    /// code-point columns and as a byte offset and length in the file as stored).
    func fix(_ fix: Fix, file: String) -> JSONValue {
        .object([
            ("description", .object([("text", .string(fix.summary + (fix.safety == .unsafe ? " (unsafe)" : "")))])),
            (
                "artifactChanges",
                .array([
                    .object([
                        ("artifactLocation", artifactLocation(for: file)),
                        (
                            "replacements",
                            .array(
                                fix.edits.map { edit in
                                    .object([
                                        (
                                            "deletedRegion",
                                            .object([
                                                ("startLine", .int(edit.range.start.line)),
                                                ("startColumn", .int(edit.range.start.column)),
                                                ("endLine", .int(edit.range.end.line)),
                                                ("endColumn", .int(edit.range.end.column)),
                                                ("byteOffset", .int(edit.bytes.lowerBound)),
                                                ("byteLength", .int(edit.bytes.count)),
                                            ])
                                        ),
                                        ("insertedContent", .object([("text", .string(edit.replacement))])),
                                    ])
                                })
                        ),
                    ])
                ])
            ),
        ])
    }

    static func rule(_ rule: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.rationale))])),
            ("helpUri", .string(helpURI(rule))),
            ("help", .object([("text", .string(help(rule)))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.defaultSeverity)))])),
        ])
    }

    /// The rule's section of the rules reference (`docs/rules.md`).
    public static func helpURI(_ rule: RuleDescription) -> String {
        "\(informationURI)/blob/main/docs/rules.md#\(rule.id)"
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

    /// Where a finding's file is: relative to `SRCROOT` when it lies below `baseDirectory`, an absolute `file:`
    /// URI when it lies elsewhere, and as given (percent-encoded) when there is no base.
    func artifactLocation(for path: String) -> JSONValue {
        if path == "-" { return .object([("uri", .string("stdin"))]) }
        guard let baseDirectory else { return .object([("uri", .string(uri(for: path)))]) }
        let relative = Baseline.relativePath(path, to: baseDirectory)
        if relative.hasPrefix("/") { return .object([("uri", .string(Self.fileURI(relative)))]) }
        return .object([("uri", .string(uri(for: relative))), ("uriBaseId", .string(Self.rootBaseID))])
    }

    /// `file://` and the percent-encoded absolute path.
    static func fileURI(_ absolutePath: String) -> String {
        "file://" + SARIFReporter().uri(for: absolutePath)
    }

    /// A relative URI reference for a path: `./` dropped, percent-encoded.
    func uri(for path: String) -> String {
        var path = path
        if path == "-" { return "stdin" }
        while path.hasPrefix("./") { path = String(path.dropFirst(2)) }
        var out = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            let unreserved =
                ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
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
