/// Removes secrets from URLs before they are shown: the E-utilities query string carries the API key
/// and the e-mail address.
public enum URLRedaction {
    /// `url` without its query string and fragment: `https://host/path?…` when there was a query.
    /// User information (`user:password@`) is dropped too.
    public static func redacted(_ url: String) -> String {
        var base = Substring(url)
        var hadQuery = false
        if let mark = base.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            hadQuery = base[mark] == "?"
            base = base[..<mark]
        }
        var text = String(base)
        if let schemeEnd = text.firstRange(of: "://") {
            let authorityStart = schemeEnd.upperBound
            let rest = text[authorityStart...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                text.removeSubrange(authorityStart...at)
            }
        }
        return hadQuery ? text + "?…" : text
    }

    /// The host of `url` (`eutils.ncbi.nlm.nih.gov`), or nil when it has none.
    public static func host(of url: String) -> String? {
        guard let schemeEnd = url.firstRange(of: "://") else { return nil }
        var authority = url[schemeEnd.upperBound...]
        if let end = authority.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            authority = authority[..<end]
        }
        if let at = authority.lastIndex(of: "@") {
            authority = authority[authority.index(after: at)...]
        }
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            return String(authority[...close]).lowercased()
        }
        if let colon = authority.lastIndex(of: ":") {
            authority = authority[..<colon]
        }
        return authority.isEmpty ? nil : authority.lowercased()
    }

    /// Replaces every occurrence of each non-empty secret in `text` with `[redacted]`.
    public static func scrub(_ text: String, secrets: [String]) -> String {
        var out = text
        for secret in secrets where !secret.isEmpty {
            out = out.replacing(secret, with: "[redacted]")
        }
        return out
    }
}
