/// One ECitMatch query line: `journal|year|volume|first_page|author|key|`, as NCBI documents it.
public struct ECitMatchCitation: Sendable, Hashable {
    public var journal: String
    public var year: String
    public var volume: String
    public var firstPage: String
    /// `Surname Initials` (`mann bj`).
    public var author: String
    /// Echoed back by NCBI so answers can be matched to queries.
    public var key: String

    public init(journal: String = "", year: String = "", volume: String = "", firstPage: String = "", author: String = "", key: String) {
        self.journal = journal
        self.year = year
        self.volume = volume
        self.firstPage = firstPage
        self.author = author
        self.key = key
    }

    /// The query line; `|` and line breaks inside fields become spaces so they cannot shift fields.
    public var line: String {
        [journal, year, volume, firstPage, author, key].map(Self.clean).joined(separator: "|") + "|"
    }

    static func clean(_ field: String) -> String {
        String(field.map { $0 == "|" || $0.isNewline ? " " : $0 }).trimmingASCIIWhitespace()
    }
}
