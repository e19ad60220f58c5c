/// The offline pipeline for one post: read → find the reference list → parse each entry → lint.
public enum Checker {
    /// Checks one post. `currentYear` is injectable for tests; PubMed verification (`verifier`) runs after linting and
    /// passes its findings through `Linter.finalize` so configuration and suppressions apply to them too.
    public static func check(
        source: SourceFile, format: InputFormat, configuration: Configuration = .default, currentYear: Int = CurrentYear.now,
        verifier: (any ReferenceVerifier)? = nil
    ) throws(InputError) -> FileReport {
        let document = DocumentReader.read(source, format: format)
        let (list, references) = try references(in: document, configuration: configuration)
        let context = CheckContext(
            document: document, referenceList: list, references: references, configuration: configuration, currentYear: currentYear
        )
        let linter = Linter(configuration: configuration)
        var (diagnostics, usedDirectives) = linter.finalizeTracking(linter.findings(context), document: document, references: references)
        var verification: VerificationReport?
        // PubMed holds journal articles: web pages, books, reports and notes are not looked up there.
        let verifiable = references.filter(\.isVerifiable)
        if let verifier, !verifiable.isEmpty {
            let report = verifier.verify(verifiable, in: source)
            let (found, used) = linter.finalizeTracking(report.diagnostics, document: document, references: references)
            diagnostics += found
            usedDirectives.formUnion(used)
            verification = report
        }
        // Only now is it known which directives silenced something.
        diagnostics += UnusedSuppressionRule.findings(
            document: document, usedDirectives: usedDirectives, configuration: configuration, verified: verifier != nil
        )
        diagnostics += UnknownRuleRule.configurationFindings(configuration)
        diagnostics = Linter.sorted(diagnostics)
        diagnostics = FixGuards.apply(diagnostics, document: document, verifications: verification?.references ?? [:])
        for k in diagnostics.indices { diagnostics[k].fingerprint = FindingFingerprint.of(diagnostics[k], in: source) }
        return FileReport(
            path: source.path, references: references, diagnostics: diagnostics,
            verifications: verification?.references ?? [:], unverifiedReferences: verification?.unverified ?? 0,
            verificationFailure: verification?.failure
        )
    }
}

extension Checker {
    /// The reference list of a post, parsed (what `check` lints), without linting: for verifying many posts'
    /// references in one batch before checking them.
    public static func references(
        source: SourceFile, format: InputFormat, configuration: Configuration = .default
    ) throws(InputError) -> [Reference] {
        try references(in: DocumentReader.read(source, format: format), configuration: configuration).references
    }

    /// The list and its parsed entries, within `configuration.limits`: a list of more entries than allowed is an
    /// error; an entry longer than allowed is left unparsed (`RefUnparsedRule` says why).
    static func references(
        in document: Document, configuration: Configuration
    ) throws(InputError) -> (list: ReferenceList?, references: [Reference]) {
        let finder = ReferenceListFinder(headings: ReferenceListFinder.defaultHeadings + configuration.headings)
        let list = finder.find(in: document)
        let entries = list?.entries ?? []
        let limits = configuration.limits
        if entries.count > limits.maxEntries {
            throw .tooManyEntries(path: document.source.path, count: entries.count, limit: limits.maxEntries)
        }
        let parser = ReferenceParser()
        var references = entries.map { reference($0, parser: parser, limits: limits) }
        resolveIbid(&references, changed: Set(references.indices))
        return (list, references)
    }

    /// One entry parsed as `check` parses it: left unparsed when longer than `limits` allow, and with a link the reader
    /// kept out of the text (`[Take a Nap](https://www.goodreads.com/…)`) in view, since it still says what the entry is.
    static func reference(_ entry: ReferenceEntry, parser: ReferenceParser, limits: InputLimits) -> Reference {
        let tooLong = entry.text.utf8.count > limits.maxEntryLength
        var reference = Reference(entry: entry, parsed: tooLong ? ParsedReference(raw: entry.text) : parser.parse(entry.text))
        let parsed = reference.parsed
        guard !tooLong, let link = entry.links.first(where: { $0.url.hasPrefix("http") }), parsed.url == nil, parsed.doi == nil,
            parsed.pmid == nil, parsed.pmcid == nil, parsed.volume == nil, parsed.pages == nil
        else { return reference }
        let withLink = parser.parse(entry.text + " " + link.url)
        reference.parsed.kind = withLink.kind
        reference.parsed.url = withLink.url ?? link.url
        // The record the link names (`https://pubmed.ncbi.nlm.nih.gov/18589030/`, `doi.org/…`).
        reference.parsed.pmid = withLink.pmid
        reference.parsed.doi = withLink.doi
        reference.parsed.pmcid = withLink.pmcid
        return reference
    }

    /// `Ibid.`, `ebd.`, `Ebenda`: the work of the entry before it, and of its kind. Only entries at `changed` positions
    /// (and those after an entry whose kind this changes) are looked at.
    static func resolveIbid(_ references: inout [Reference], changed: Set<Int>) {
        var kindChanged = changed
        for k in references.indices.dropFirst() where kindChanged.contains(k) || kindChanged.contains(k - 1) {
            guard ReferenceHeuristics.isIbid(references[k].entry.text) else { continue }
            if references[k].parsed.kind != references[k - 1].parsed.kind { kindChanged.insert(k) }
            references[k].parsed.kind = references[k - 1].parsed.kind
        }
    }
}

extension Reference {
    /// Whether PubMed can hold the work: journal articles only.
    public var isVerifiable: Bool { parsed.kind.isJournalArticle }
}

/// Checks references against an outside source of truth (PubMed) after the offline rules. The PubMed module
/// provides one; the library knows only this protocol, so it stays free of C and network code.
public protocol ReferenceVerifier: Sendable {
    /// Findings about `references` of the post `source`, positioned in that file, with what could not be verified.
    func verify(_ references: [Reference], in source: SourceFile) -> VerificationReport

    /// Called once before a run checks many posts, with all their references, so that a verifier can look them
    /// up in one batch (PubMed: a few requests for the whole run rather than a few per post).
    func prepare(_ references: [Reference])
}

extension ReferenceVerifier {
    public func prepare(_ references: [Reference]) {}
}

/// How one reference fared against the outside source of truth.
public struct ReferenceVerification: Sendable, Equatable {
    public enum Status: String, Sendable {
        /// One record is the cited work (`pmids` holds it).
        case matched
        /// Several records match about equally well (`pmids` holds them); fields were not compared.
        case ambiguous
        /// The source was asked and no record matches.
        case notFound = "not-found"
        /// No source could be asked (offline, no fixture or cached record), or verification stopped first.
        case unverified
    }

    public var status: Status
    public var pmids: [String]

    public init(status: Status, pmids: [String] = []) {
        self.status = status
        self.pmids = pmids
    }
}

/// What verifying one post's references produced.
public struct VerificationReport: Sendable, Equatable {
    /// Findings, positioned in the post.
    public var diagnostics: [Diagnostic]
    /// Each verified reference's outcome, by the entry's 1-based position in the list.
    public var references: [Int: ReferenceVerification]
    /// References that could not be verified (offline, and neither a fixture nor the cache holds their record).
    /// They are reported once per run, never as findings.
    public var unverified: Int
    /// Why verification stopped before the end (a network fault, a malformed answer), if it did. The
    /// diagnostics still hold everything verified before it.
    public var failure: String?

    public init(diagnostics: [Diagnostic] = [], references: [Int: ReferenceVerification] = [:], unverified: Int = 0, failure: String? = nil) {
        self.diagnostics = diagnostics
        self.references = references
        self.unverified = unverified
        self.failure = failure
    }
}
