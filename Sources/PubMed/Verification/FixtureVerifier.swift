import CiteCheck

/// Verifies references against PubMed records loaded from local files (`--fixtures`): EFetch answers or
/// MEDLINE baseline files, `.xml` or `.xml.gz`. No network.
public struct FixtureVerifier: ReferenceVerifier {
    public let index: RecordIndex
    private let verifier = Verifier()

    public init(index: RecordIndex) {
        self.index = index
    }

    /// Loads every `.xml` and `.xml.gz` file named, walking folders.
    public init(paths: [String]) throws {
        var records: [PubMedRecord] = []
        for file in try FixtureFiles.expand(paths) {
            try PubMedArticleSetParser.forEachRecord(fromFile: file) { records.append($0) }
        }
        self.init(index: RecordIndex(records: records))
    }

    public func verify(_ references: [Reference], in source: SourceFile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in references where !reference.parsed.isUnparsed {
            let verification = verifier.verify(reference.parsed, in: index)
            for finding in verification.findings {
                // Offline, a record missing from the fixtures is "not verified", not "not found".
                if finding.rule == PubMedRuleID.notFound { continue }
                diagnostics.append(finding.diagnostic(for: reference, in: source))
            }
        }
        return diagnostics
    }
}
