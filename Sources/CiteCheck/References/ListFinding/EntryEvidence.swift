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

    /// A list item that is a link to a page elsewhere, with a title for its text (`[Burnout and the Brain](https://…)`,
    /// perhaps with a short comment or a second link after it): an entry of a link list. Links within the site
    /// (relative or `#anchor` targets), share buttons and bare-domain texts are not.
    static func isLinkEntry(_ text: String, links: [TextLink]) -> Bool {
        guard let first = links.first, links.count <= 3 else { return false }
        let url = first.url.lowercased()
        guard url.hasPrefix("http://") || url.hasPrefix("https://") else { return false }
        let share = ["/intent/", "sharer", "sharearticle", "share?", "/share/", "whatsapp", "mailto:", "/login", "/signup", "/subscribe"]
        if share.contains(where: url.contains) { return false }
        let bytes = Array(text.utf8)
        guard first.textRange.upperBound <= bytes.count else { return false }
        // The link starts the item (after at most a short prefix such as an emoji code) and names something.
        guard first.textRange.lowerBound <= 12 else { return false }
        let title = String(decoding: bytes[first.textRange], as: UTF8.self)
        let words = title.split(whereSeparator: { $0 == " " || $0 == "-" }).count
        return words >= 2 && !isProfileLink(url)
    }

    /// The host of an absolute URL, lowercased, without `www.` (`https://www.rki.de/x` gives `rki.de`).
    static func host(_ url: String) -> String {
        var rest = Substring(url.lowercased())
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : String(host)
    }

    /// A link to a person's or organisation's profile on a social site (`https://twitter.com/name`): a contact, not
    /// a source.
    static func isProfileLink(_ url: String) -> Bool {
        let sites = [
            "twitter.com", "x.com", "github.com", "facebook.com", "instagram.com", "linkedin.com", "mastodon",
            "youtube.com/c/", "youtube.com/channel", "youtube.com/@", "tiktok.com", "threads.net", "bsky.app",
        ]
        guard let host = sites.first(where: url.contains) else { return false }
        guard let range = url.range(of: host) else { return false }
        let path = url[range.upperBound...].split(separator: "/").filter { !$0.isEmpty && !$0.hasPrefix("?") }
        return path.count <= 1
    }

    /// A label that opens image credits (`Bild/Picture:`, `Photo:`, `Credit:`): what follows is no source.
    static func isCreditLabel(_ text: String) -> Bool {
        guard let colon = text.prefix(40).firstIndex(of: ":") else { return false }
        let label = text[..<colon].lowercased()
        let words = label.split(whereSeparator: { $0 == "/" || $0 == " " || $0 == "&" || $0 == "," })
        let credits: Set<String> = [
            "bild", "bilder", "picture", "pictures", "photo", "photos", "foto", "fotos", "image", "images",
            "credit", "credits", "titelbild", "beitragsbild", "illustration", "grafik", "imagen", "imágenes", "cover",
        ]
        return !words.isEmpty && words.allSatisfy { credits.contains(String($0)) }
    }

    /// A quote's closing source line: a dash and a link or URL, or a lone link or URL (`— [Title](https://…)`,
    /// `- https://…`, `[source](https://…)`), nothing else but a few words around it.
    static func isQuoteSource(_ text: String, links: [TextLink]) -> Bool {
        var trimmed = Substring(text.trimmingSpaces)
        while let first = trimmed.first, "—–-~―".contains(first) || first == " " { trimmed = trimmed.dropFirst() }
        guard !trimmed.isEmpty, !trimmed.contains("\n"), trimmed.utf8.count <= 300 else { return false }
        if trimmed.hasPrefix("http://") || trimmed.hasPrefix("https://") { return !trimmed.contains(" ") }
        guard let link = links.last else { return false }
        let url = link.url.lowercased()
        guard url.hasPrefix("http://") || url.hasPrefix("https://"), !isProfileLink(url) else { return false }
        // The link is most of the line: the source, not a link inside a quoted sentence.
        return link.textRange.count * 2 >= trimmed.utf8.count || trimmed.utf8.count <= 40
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
