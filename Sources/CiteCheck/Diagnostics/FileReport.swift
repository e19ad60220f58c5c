/// What checking one post produced: the input every reporter renders.
public struct FileReport: Sendable {
    /// The path as the user gave it (`-` for standard input).
    public var path: String
    /// The reference list's entries with their parsed fields (empty when the post has no list).
    public var references: [Reference]
    /// Final findings: configured, suppressions applied, sorted.
    public var diagnostics: [Diagnostic]
    /// How each reference fared against PubMed, by entry position; empty when nothing was verified.
    public var verifications: [Int: ReferenceVerification]
    /// References PubMed verification could not check (see ``VerificationReport/unverified``).
    public var unverifiedReferences: Int
    /// Why PubMed verification of this post stopped early, if it did.
    public var verificationFailure: String?
    /// Findings fixed in this run (`--fix`), as they were reported before; `diagnostics` then holds what is left.
    public var fixed: [Diagnostic] = []

    public init(
        path: String, references: [Reference] = [], diagnostics: [Diagnostic] = [],
        verifications: [Int: ReferenceVerification] = [:], unverifiedReferences: Int = 0, verificationFailure: String? = nil
    ) {
        self.verifications = verifications
        self.path = path
        self.references = references
        self.diagnostics = diagnostics
        self.unverifiedReferences = unverifiedReferences
        self.verificationFailure = verificationFailure
    }

    /// The reference a diagnostic is about, by its 1-based list position.
    public func reference(_ index: Int?) -> Reference? {
        index.flatMap(references.reference(at:))
    }
}

/// Counts over a run.
public struct RunSummary: Sendable, Equatable {
    public var errors: Int
    public var warnings: Int
    public var infos: Int
    public var files: Int
    /// Files with at least one finding.
    public var filesWithFindings: Int
    /// Findings fixed in the run.
    public var fixed: Int
    /// Findings left whose fix is safe (`--fix` would apply it).
    public var fixableSafe: Int
    /// Findings left whose fix is unsafe (only `--unsafe-fixes` applies it).
    public var fixableUnsafe: Int

    public init(_ reports: [FileReport]) {
        let all = reports.flatMap(\.diagnostics)
        errors = all.count { $0.severity == .error }
        warnings = all.count { $0.severity == .warning }
        infos = all.count { $0.severity == .info }
        files = reports.count
        filesWithFindings = reports.count { !$0.diagnostics.isEmpty }
        fixed = reports.reduce(0) { $0 + $1.fixed.count }
        fixableSafe = all.count { $0.fix?.safety == .safe }
        fixableUnsafe = all.count { $0.fix?.safety == .unsafe }
    }

    /// After `--fix`: `3 fixed, 1 more with --unsafe-fixes`; otherwise, when something can be fixed,
    /// `3 fixable with --fix, 1 more with --unsafe-fixes`; nil when there is nothing to say.
    public func fixLine(fixing: Bool, selection: FixSelection) -> String? {
        let left = selection == .all ? fixableSafe + fixableUnsafe : fixableSafe
        let hidden = selection == .all ? 0 : fixableUnsafe
        var parts: [String] = []
        if fixing {
            parts.append("\(fixed) fixed")
            if left > 0 { parts.append("\(left) more fixable") }
        } else {
            guard left + hidden > 0 else { return nil }
            if left > 0 { parts.append("\(left) fixable with \(selection == .all ? "--fix --unsafe-fixes" : "--fix")") }
        }
        if hidden > 0 { parts.append(parts.isEmpty ? "\(hidden) fixable with --fix --unsafe-fixes" : "\(hidden) more with --unsafe-fixes") }
        return parts.joined(separator: ", ")
    }

    /// `2 errors, 1 warning, 3 infos in 1 file`.
    public var line: String {
        "\(Self.count(errors, "error")), \(Self.count(warnings, "warning")), \(Self.count(infos, "info")) in \(Self.count(files, "file"))"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
