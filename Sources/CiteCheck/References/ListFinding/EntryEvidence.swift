/// Looser tests than the finder's `looksLikeReference`, for text under a reference heading, where the heading
/// has already said what follows: web pages, books and link-only entries count as entries there.
enum EntryEvidence {
    /// The text cites something: a reference shape, a year, a DOI, a URL or a link.
    static func cites(_ text: String, links: [TextLink], finder: ReferenceListFinder) -> Bool {
        if !links.isEmpty || finder.looksLikeReference(text) { return true }
        let bytes = Array(text.utf8)
        return ReferenceHeuristics.hasYear(bytes) || ReferenceHeuristics.hasDOI(bytes) || hasURL(bytes)
            || (ReferenceHeuristics.hasVolumeOrPages(bytes) && ReferenceHeuristics.hasAuthorLikeStart(bytes))
    }

    /// Under a heading: text that cites something and is not a bare label (`Other references:`).
    static func isEntryLike(_ text: String, links: [TextLink], finder: ReferenceListFinder) -> Bool {
        !isLabel(text) && cites(text, links: links, finder: finder)
    }

    /// A short line ending in a colon (`Other references:`, `MindTools:`): a label over entries, not one.
    static func isLabel(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces
        return trimmed.isEmpty || (trimmed.hasSuffix(":") && trimmed.utf8.count < 60)
    }

    static func hasURL(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 4 <= b.count {
            if b[i] == UInt8(ascii: "h"), b[i + 1] == UInt8(ascii: "t"), b[i + 2] == UInt8(ascii: "t"), b[i + 3] == UInt8(ascii: "p") { return true }
            if b[i] == UInt8(ascii: "w"), b[i + 1] == UInt8(ascii: "w"), b[i + 2] == UInt8(ascii: "w"), b[i + 3] == UInt8(ascii: ".") { return true }
            i += 1
        }
        return false
    }
}
