import CiteCheck

/// A local store of PubMed records that the verifier asks before the cache and the network: the records of
/// `--fixtures` (``RecordIndex``) or an on-disk index of MEDLINE files. Every source decides with the same
/// ``MatchScorer`` over the candidates its lookups give (``ReferenceLookupKeys``).
public protocol RecordSource: Sendable {
    /// What the source is, for messages (`fixtures`, `index /path/pubmed.sqlite`).
    var sourceDescription: String { get }
    /// The match decision for `reference` among this source's candidates for it. Throws when the store cannot
    /// be read (the verifier reports it and goes on to the next source).
    func lookUp(_ reference: ParsedReference, scorer: MatchScorer) throws -> MatchResult
}

extension RecordIndex: RecordSource {
    public var sourceDescription: String { "fixtures" }

    public func lookUp(_ reference: ParsedReference, scorer: MatchScorer) throws -> MatchResult {
        match(reference, scorer: scorer, limit: 20)
    }
}
