/// The weights and cut-offs `MatchScorer` decides with, by name, so a measurement (`bench/`) can vary one at a time.
///
/// The total score of a candidate is the weighted sum of its field agreements (at most 1). Acceptance, ambiguity
/// and identifier checks compare title similarities (0...1) and totals with the cut-offs.
public struct MatchPolicy: Sendable, Hashable {
    // MARK: Weights of the total score

    /// Weight of the title similarity.
    public var titleWeight = 0.40
    /// Weight of the first author agreeing.
    public var firstAuthorWeight = 0.20
    /// Share of `firstAuthorWeight` earned when the reference's first author is a later author of the record.
    public var authorElsewhereShare = 0.5
    /// Weight of the year agreeing (the print or the online year).
    public var yearWeight = 0.10
    /// Share of `yearWeight` earned when the years are one apart.
    public var adjacentYearShare = 0.6
    /// Weight of the journal agreeing.
    public var journalWeight = 0.15
    /// Weight of the volume agreeing.
    public var volumeWeight = 0.075
    /// Weight of the first page (or article number) agreeing.
    public var firstPageWeight = 0.075

    // MARK: Cut-offs

    /// Title similarity that counts as the same title (tolerates one dropped word in a 10-word title).
    public var strongTitle = 0.85
    /// Title similarity that counts as the same title when more fields agree.
    public var looseTitle = 0.7
    /// Below this title similarity the reference's words PubMed's title lacks are not counted one by one: all are.
    public var farTitle = 0.4
    /// A title of at most this many content words is short: it needs its first page (or more) to vouch for it.
    public var shortTitleWords = 3
    /// How far ahead of the second acceptable candidate the best one must be.
    public var margin = 0.07
    /// A runner-up within `margin` whose title similarity is within this of the best one's makes the match ambiguous;
    /// also how much better a rival's title must be to overrule a written identifier.
    public var titleGap = 0.1
    /// A record named by a written identifier is accepted with this title similarity and the first author (or
    /// the journal and year).
    public var identifierTitle = 0.6
    /// … or with this title similarity, the first author and the year.
    public var identifierWeakTitle = 0.3
    /// A record named by a written identifier whose title similarity is below this and whose authors disagree is
    /// a different paper: the identifier is reported as a conflict.
    public var contradictingTitle = 0.35

    public init() {}
}
