/// What kind of work a reference-list entry cites, or that it cites nothing (a note).
///
/// Journal checks (missing volume or pages, journal names, PubMed verification) apply to `article` only.
public enum EntryKind: String, Hashable, Sendable, Codable, CaseIterable {
    /// A journal article (print or online).
    case article
    /// A whole book.
    case book
    /// A chapter in an edited book (`In: …, eds.`).
    case chapter
    /// A report, guideline, position statement, thesis or other grey literature from an organisation.
    case report
    /// A web page, a software package or any online resource that is not news.
    case web
    /// A news item, magazine article or press release.
    case news
    /// A preprint (medRxiv, bioRxiv, arXiv, SSRN, Research Square).
    case preprint
    /// A data set or statistical database.
    case dataset
    /// A video or a recorded talk.
    case video
    /// A podcast episode.
    case podcast
    /// A footnote that explains rather than cites: not a reference at all.
    case note

    /// True for the kinds journal checks apply to.
    public var isJournalArticle: Bool { self == .article }

    /// True when the entry cites a work (everything but a note).
    public var isCitation: Bool { self != .note }
}
