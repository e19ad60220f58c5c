import CiteCheck
import Synchronization

/// Verifies a post's references against PubMed: local record sources first (an on-disk MEDLINE index, then the
/// fixture records), then the cache, then (when a client is given) E-utilities, in as few requests as the batching allows:
///
/// 1. a PMID written in a reference is fetched directly;
/// 2. the rest go to ECitMatch in one batch (journal, year, volume, first page, first author);
/// 3. one EFetch POST per 200 PMIDs fetches the candidates, and each reference is decided by ``MatchScorer``;
/// 4. what is still unmatched (often a reference with a wrong volume or page) goes to ESearch, every such
///    reference's queries (DOI, title words, first author + year + journal, journal + volume + page) joined with
///    `OR` into as few requests as the term length allows, and one more EFetch fetches the new candidates.
///
/// A 100-reference post without identifiers therefore costs at most four requests, and none once its lookups
/// and records are cached. Field mismatches are only reported against an accepted match; a reference no source
/// could check is counted as unverified (offline), never reported as not found.
///
/// After a network failure the verifier stops asking (other posts of the run fail fast with the same message)
/// and reports everything verified before it.
public final class PubMedVerifier: ReferenceVerifier {
    public let fixtures: RecordIndex?
    /// An on-disk index of MEDLINE files, asked before the fixtures.
    public let index: (any RecordSource)?
    public let cache: PubMedCache?
    public let client: EUtilitiesClient?
    public let recordDirectory: RecordDirectory?
    public let verifier: Verifier
    /// Longest ESearch `term` built by joining references' queries (the request is a POST).
    public let maxSearchTermLength: Int

    private let networkFailure = Mutex<String?>(nil)
    /// Decisions made by ``prepare(_:)`` for the whole run, by ``lookupKey(_:)``, with the records they rest on.
    private let prepared = Mutex<[String: (result: MatchResult, articles: [PubMedArticleXML])]>([:])

    public init(
        fixtures: RecordIndex? = nil, index: (any RecordSource)? = nil, cache: PubMedCache? = nil, client: EUtilitiesClient? = nil,
        recordDirectory: RecordDirectory? = nil, verifier: Verifier = Verifier(), maxSearchTermLength: Int = 6000
    ) {
        self.maxSearchTermLength = max(200, maxSearchTermLength)
        self.fixtures = fixtures
        self.index = index
        self.cache = cache
        self.client = client
        self.recordDirectory = recordDirectory
        self.verifier = verifier
    }

    /// Loads every `.xml` and `.xml.gz` file named (folders are walked) into a ``RecordIndex``. Recorded answers
    /// that hold no record (ESearch, ECitMatch, NCBI errors) are passed over; unreadable or malformed XML throws.
    public static func loadFixtures(_ paths: [String]) throws -> RecordIndex {
        var records: [PubMedRecord] = []
        let files: [String]
        do {
            files = try FixtureFiles.expand(paths)
        } catch {
            throw VerificationSetupError(message: "\(error)")
        }
        for file in files {
            do {
                try PubMedArticleSetParser.forEachRecord(fromFile: file) { records.append($0) }
            } catch let error as PubMedXMLError {
                switch error {
                case .unreadableFile:
                    throw VerificationSetupError(message: error.description)
                case .wrongRoot, .ncbiError, .notXML:
                    // A recorded answer of another kind (ESearch, ECitMatch, an NCBI error) holds no record.
                    continue
                default:
                    throw VerificationSetupError(message: "\(file): \(error)")
                }
            }
        }
        return RecordIndex(records: records)
    }

    /// Looks up the references of every post of a run at once (each distinct reference text once), so that a
    /// run over a whole blog costs a few requests rather than a few per post. `verify` then finds the decisions.
    public func prepare(_ references: [Reference]) {
        guard client != nil else { return }
        var seen = Set<String>()
        let distinct = references.filter { !$0.parsed.isUnparsed && seen.insert(Self.lookupKey($0)).inserted }
        guard distinct.count > 1 else { return }
        let (run, _) = resolve(distinct)
        var decided: [String: (result: MatchResult, articles: [PubMedArticleXML])] = [:]
        for (position, reference) in run.references.enumerated() {
            guard let result = run.results[position] else { continue }
            decided[Self.lookupKey(reference)] = (result, Self.pmids(of: result).compactMap { run.articles[$0] })
        }
        prepared.withLock { $0.merge(decided) { _, new in new } }
    }

    public func verify(_ references: [Reference], in source: SourceFile) -> VerificationReport {
        let (run, failure) = resolve(references.filter { !$0.parsed.isUnparsed })
        var diagnostics: [Diagnostic] = []
        var outcomes: [Int: ReferenceVerification] = [:]
        var unverified = 0
        // An entry without a DOI or PMID is pointed out only in a list whose other entries write theirs (the way they
        // write them is how the fix writes it).
        let conventions = MissingIdentifier.conventions(run.references)
        let listCarriesIdentifiers = !conventions.isEmpty
        for (position, reference) in run.references.enumerated() {
            guard let result = run.results[position] else {
                unverified += 1
                outcomes[reference.entry.index] = ReferenceVerification(status: .unverified)
                continue
            }
            outcomes[reference.entry.index] = Self.outcome(of: result)
            let findings = verifier.findings(for: reference.parsed, result: result)
            let certain = !findings.isEmpty && PubMedFixes.isCertain(reference.parsed, result: result, scorer: verifier.scorer)
            for finding in findings {
                var diagnostic = finding.diagnostic(for: reference, in: source)
                diagnostic.fix = PubMedFixes.fix(for: finding, reference: reference, result: result, in: source, certain: certain)
                diagnostics.append(diagnostic)
            }
            if listCarriesIdentifiers,
                let missing = MissingIdentifier.diagnostic(
                    for: reference, result: result, scorer: verifier.scorer, conventions: conventions, in: source)
            {
                diagnostics.append(missing)
            }
        }
        return VerificationReport(diagnostics: diagnostics, references: outcomes, unverified: unverified, failure: failure)
    }

    /// Decides each reference: prepared decisions, the index, fixtures, cache, then the network.
    private func resolve(_ references: [Reference]) -> (Run, failure: String?) {
        var run = Run(references: references)
        var failure: String?
        decideFromPrepared(&run)
        if let index {
            do {
                try decideLocally(&run, from: index)
            } catch {
                failure = "\(index.sourceDescription): \(error)"
            }
        }
        if let fixtures, fixtures.count > 0 { try? decideLocally(&run, from: fixtures) }
        decideFromCache(&run)
        if failure == nil, let client, run.hasPending {
            if let earlier = networkFailure.withLock({ $0 }) {
                failure = earlier
            } else {
                do {
                    try decideOnline(&run, client: client)
                } catch {
                    let message = "\(error)"
                    networkFailure.withLock { $0 = $0 ?? message }
                    failure = message
                }
            }
        }
        save(run)
        return (run, failure)
    }

    // MARK: - The run of one post

    /// The state of one post's verification.
    struct Run {
        var references: [Reference]
        /// The decision for each reference; nil while undecided. A `.notFound` decision is only ever made from
        /// PubMed's answers (live or cached), never from the fixtures alone.
        var results: [MatchResult?]
        /// Records fetched or read from the cache, by PMID.
        var articles: [String: PubMedArticleXML] = [:]
        /// References decided from PubMed's answers in this run, whose lookups are to be cached.
        var decidedOnline: Set<Int> = []

        init(references: [Reference]) {
            self.references = references
            results = Array(repeating: nil, count: references.count)
        }

        var pending: [Int] { results.indices.filter { results[$0] == nil } }
        var hasPending: Bool { results.contains { $0 == nil } }
    }

    /// The key a reference's lookup is cached under: its text, white space collapsed.
    static func lookupKey(_ reference: Reference) -> String {
        reference.entry.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    private func decideFromPrepared(_ run: inout Run) {
        let decided = prepared.withLock { $0 }
        guard !decided.isEmpty else { return }
        for position in run.pending {
            guard let (result, articles) = decided[Self.lookupKey(run.references[position])] else { continue }
            run.results[position] = result
            for article in articles { run.articles[article.pmid] = article }
        }
    }

    /// Keeps the decisive decisions of a local source (a match or an ambiguity); what it cannot match stays pending.
    private func decideLocally(_ run: inout Run, from source: any RecordSource) throws {
        for position in run.pending {
            let result = try source.lookUp(run.references[position].parsed, scorer: verifier.scorer)
            if Self.isDecisive(result) { run.results[position] = result }
        }
    }

    private func decideFromCache(_ run: inout Run) {
        guard let cache else { return }
        for position in run.pending {
            guard let pmids = cache.lookup(Self.lookupKey(run.references[position])) else { continue }
            var candidates: [PubMedRecord] = []
            for pmid in pmids {
                guard let article = run.articles[pmid] ?? cache.article(pmid: pmid) else { break }
                run.articles[pmid] = article
                candidates.append(article.record)
            }
            guard candidates.count == pmids.count else { continue }  // a record expired: look it up again
            run.results[position] = verifier.scorer.decide(run.references[position].parsed, candidates: candidates)
        }
    }

    private func decideOnline(_ run: inout Run, client: EUtilitiesClient) throws {
        let pending = run.pending
        var candidates: [Int: [String]] = [:]
        func add(_ pmid: String, to position: Int) {
            if !(candidates[position]?.contains(pmid) ?? false) { candidates[position, default: []].append(pmid) }
        }

        // 1. Identifiers written in the reference, 2. ECitMatch for all in one batch.
        var lines: [String] = []
        for position in pending {
            let parsed = run.references[position].parsed
            if let pmid = parsed.pmid?.filter(\.isNumber), PubMedCache.isPMID(pmid) { add(pmid, to: position) }
            if let line = CandidateQueries.ecitmatchLine(for: parsed, key: "r\(position)") { lines.append(line) }
        }
        if !lines.isEmpty {
            for response in try client.ecitmatch(lines: lines) {
                for line in try ECitMatchResultParser.result(fromText: response.body).lines {
                    guard case .found(let pmid) = line.outcome, line.key.hasPrefix("r"),
                        let position = Int(line.key.dropFirst()), pending.contains(position)
                    else { continue }
                    add(pmid, to: position)
                }
            }
        }
        // 3. One EFetch for the candidates, and a first decision.
        try fetch(Array(candidates.values.joined()), into: &run, client: client)
        var unmatched: [Int] = []
        for position in pending {
            let records = (candidates[position] ?? []).compactMap { run.articles[$0]?.record }
            let result = verifier.scorer.decide(run.references[position].parsed, candidates: records)
            if Self.isDecisive(result) {
                run.results[position] = result
                run.decidedOnline.insert(position)
            } else {
                unmatched.append(position)
            }
        }
        guard !unmatched.isEmpty else { return }

        // 4. ESearch for the rest, batched, then one more EFetch and the final decision.
        var searched: [Int: [String]] = [:]
        for batch in searchBatches(unmatched.map { ($0, CandidateQueries.esearchTerms(for: run.references[$0].parsed)) }) {
            let retmax = min(10_000, 20 * batch.positions.count)
            let response = try client.esearch(term: batch.term, retmax: retmax, sort: "relevance")
            let ids = try ESearchResultParser.result(fromXML: response.body).ids
            for position in batch.positions { searched[position] = ids }
        }
        try fetch(Array(searched.values.joined()), into: &run, client: client)
        for position in unmatched {
            var pmids = candidates[position] ?? []
            for pmid in searched[position] ?? [] where !pmids.contains(pmid) { pmids.append(pmid) }
            let records = pmids.compactMap { run.articles[$0]?.record }
            run.results[position] = verifier.scorer.decide(run.references[position].parsed, candidates: records)
            run.decidedOnline.insert(position)
        }
    }

    /// Fetches the records not yet held, one EFetch POST per 200 PMIDs.
    private func fetch(_ pmids: [String], into run: inout Run, client: EUtilitiesClient) throws {
        var wanted: [String] = []
        var seen = Set<String>()
        for pmid in pmids where run.articles[pmid] == nil && seen.insert(pmid).inserted {
            if let cached = cache?.article(pmid: pmid) {
                run.articles[pmid] = cached
            } else {
                wanted.append(pmid)
            }
        }
        guard !wanted.isEmpty else { return }
        for response in try client.efetch(pmids: wanted) {
            let articles: [PubMedArticleXML]
            do {
                articles = try PubMedArticleXML.split(response.body)
            } catch {
                throw VerificationSetupError(message: "PubMed efetch.fcgi answered with unreadable XML: \(error)")
            }
            for article in articles {
                run.articles[article.pmid] = article
                try? cache?.store(article)
            }
        }
    }

    /// A reference's ESearch queries joined with `OR`, references packed into terms of at most
    /// ``maxSearchTermLength`` characters.
    func searchBatches(_ queries: [(position: Int, terms: [String])]) -> [(term: String, positions: [Int])] {
        var batches: [(term: String, positions: [Int])] = []
        var term = ""
        var positions: [Int] = []
        for (position, terms) in queries where !terms.isEmpty {
            let clause = terms.map { "(\($0))" }.joined(separator: " OR ")
            if !term.isEmpty, term.count + clause.count + 4 > maxSearchTermLength {
                batches.append((term, positions))
                term = ""
                positions = []
            }
            term += (term.isEmpty ? "" : " OR ") + clause
            positions.append(position)
        }
        if !positions.isEmpty { batches.append((term, positions)) }
        return batches
    }

    /// Caches the lookups decided online and records every PubMed record used (`--record`).
    private func save(_ run: Run) {
        for position in run.decidedOnline {
            guard let result = run.results[position] else { continue }
            try? cache?.storeLookup(Self.lookupKey(run.references[position]), pmids: Self.pmids(of: result))
        }
        guard let recordDirectory else { return }
        for result in run.results.compactMap({ $0 }) {
            for pmid in Self.pmids(of: result) {
                if let article = run.articles[pmid] { try? recordDirectory.save(article) }
            }
        }
    }

    /// The PMIDs a decision rests on: the match or the close candidates, and the records identifiers named.
    static func pmids(of result: MatchResult) -> [String] {
        var pmids: [String] = []
        switch result.outcome {
        case .matched(let record, _): pmids.append(record.pmid)
        case .ambiguous(let records): pmids += records.map(\.pmid)
        case .notFound: break
        }
        for conflict in result.identifierConflicts where !pmids.contains(conflict.record.pmid) {
            pmids.append(conflict.record.pmid)
        }
        return pmids
    }

    static func outcome(of result: MatchResult) -> ReferenceVerification {
        switch result.outcome {
        case .matched(let record, _): ReferenceVerification(status: .matched, pmids: [record.pmid])
        case .ambiguous(let records): ReferenceVerification(status: .ambiguous, pmids: records.map(\.pmid))
        case .notFound: ReferenceVerification(status: .notFound)
        }
    }

    /// A decision worth keeping without asking further: a match or an ambiguity.
    static func isDecisive(_ result: MatchResult) -> Bool {
        if case .notFound = result.outcome { return false }
        return true
    }
}
