import CiteCheck

/// The verification of one reference: how it was matched and what was found.
public struct Verification: Hashable, Sendable {
    public var result: MatchResult
    public var findings: [FieldFinding]

    public init(result: MatchResult, findings: [FieldFinding]) {
        self.result = result
        self.findings = findings
    }
}

/// Turns a match decision into findings: field comparisons for an accepted match only, `PubMedAmbiguousRule` for
/// close candidates, `PubMedNotFoundRule` when nothing matches, and identifier conflicts (a DOI, PMID or PMCID
/// that belongs to a different paper).
public struct Verifier: Sendable {
    public var scorer: MatchScorer

    public init(scorer: MatchScorer = MatchScorer()) {
        self.scorer = scorer
    }

    /// Matches `reference` in `index` and verifies it.
    public func verify(_ reference: ParsedReference, in index: RecordIndex) -> Verification {
        let result = index.match(reference, scorer: scorer)
        return Verification(result: result, findings: findings(for: reference, result: result))
    }

    /// Matches and verifies each of `references` in `index`, in order.
    public func verify(_ references: [ParsedReference], in index: RecordIndex) -> [Verification] {
        references.map { verify($0, in: index) }
    }

    /// Matches `reference` among `candidates` (e.g. records fetched for it from PubMed) and verifies it.
    public func verify(_ reference: ParsedReference, candidates: [PubMedRecord]) -> Verification {
        let result = scorer.decide(reference, candidates: candidates)
        return Verification(result: result, findings: findings(for: reference, result: result))
    }

    /// The findings for an already decided `result`.
    public func findings(for reference: ParsedReference, result: MatchResult) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        let matched = result.record
        for conflict in result.identifierConflicts {
            findings.append(conflictFinding(conflict, matched: matched))
        }
        switch result.outcome {
        case .matched(let record, _):
            let conflicted = Set(result.identifierConflicts.map(\.field))
            findings += FieldComparison.compare(reference, with: record).filter { finding in
                !(finding.rule == PubMedDOIRule.description.id && conflicted.contains(.doi))
            }
        case .ambiguous(let records):
            let pmids = records.map(\.pmid)
            findings.append(
                FieldFinding(
                    PubMedAmbiguousRule.description,
                    message: "several PubMed records match this reference about equally well (PMID \(pmids.joined(separator: ", "))); fields were not compared",
                    pmid: pmids.first
                ))
        case .notFound:
            if result.identifierConflicts.isEmpty, Self.isJournalArticleLike(reference) {
                findings.append(
                    FieldFinding(
                        PubMedNotFoundRule.description,
                        message: "no PubMed record matches \(Self.describe(reference))", pmid: nil
                    ))
            }
        }
        return findings
    }

    private func conflictFinding(_ conflict: IdentifierConflict, matched: PubMedRecord?) -> FieldFinding {
        let (rule, label): (RuleDescription, String) =
            switch conflict.field {
            case .pmid: (PubMedPMIDRule.description, "PMID")
            case .pmcid: (PubMedPMCIDRule.description, "PMCID")
            default: (PubMedDOIRule.description, "DOI")
            }
        let other = conflict.record
        var expected: String?
        if let matched {
            switch conflict.field {
            case .pmid: expected = matched.pmid
            case .pmcid: expected = matched.pmcid
            default: expected = matched.doi
            }
        }
        let otherTitle = TitleMatching.cleanTitle(other.title)
        let short = otherTitle.count > 80 ? String(otherTitle.prefix(77)) + "…" : otherTitle
        var message = "\(label) \(conflict.written) belongs to a different article (PMID \(other.pmid): \"\(short)\")"
        if let matched, let expected { message += "; the cited article (PMID \(matched.pmid)) has \(label) \(expected)" }
        return FieldFinding(rule, field: conflict.field, found: conflict.written, expected: expected, message: message, pmid: matched?.pmid ?? other.pmid)
    }

    /// Whether PubMed could be expected to hold the reference: it names a journal, or a PubMed identifier or DOI.
    static func isJournalArticleLike(_ reference: ParsedReference) -> Bool {
        if reference.pmid != nil || reference.pmcid != nil { return true }
        guard let journal = reference.journal, !journal.isEmpty else { return false }
        return reference.title != nil || reference.year != nil
    }

    /// `"Title…" (Feder, 2014)` for messages.
    static func describe(_ reference: ParsedReference) -> String {
        var parts: [String] = []
        if let title = reference.title.map(TitleMatching.cleanTitle) {
            parts.append("\"" + (title.count > 80 ? String(title.prefix(77)) + "…" : title) + "\"")
        }
        var tail: [String] = []
        if let author = reference.authors.first { tail.append(author.family + (reference.authors.count > 1 || reference.etAl ? " et al." : "")) }
        if let journal = reference.journal { tail.append(journal) }
        if let year = reference.year { tail.append(String(year)) }
        if !tail.isEmpty { parts.append("(" + tail.joined(separator: ", ") + ")") }
        return parts.isEmpty ? "this reference" : parts.joined(separator: " ")
    }
}
