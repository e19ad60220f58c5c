import CiteCheck

/// Comparing a reference's author names with a PubMed record's.
enum NameMatching {
    /// Whether two family names are the same person's: equal keys, or one a particle-less tail of the other
    /// (`van der Berg` / `Berg`).
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        let ka = Normalization.name(a)
        let kb = Normalization.name(b)
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        if ka == kb { return true }
        guard ka.contains(kb) || kb.contains(ka) else { return false }
        // Particles before the name (`van der Berg` / `Berg`), or one half of a double name (`Landeros-Weisenberger` / `Landeros`).
        let aWords = MatchWords.tokens(a)
        let bWords = MatchWords.tokens(b)
        guard aWords.count != bWords.count else { return false }
        if let last = aWords.last, last == bWords.last, last.count >= 3 { return true }
        if let first = aWords.first, first == bWords.first, first.count >= 4 { return true }
        return false
    }
}
