import CiteCheck

/// Comparing a reference's journal with a PubMed record's, over `Normalization`'s journal key and the
/// embedded catalog.
enum JournalMatching {
    /// A journal name as a comparison key: `Normalization.journalKey` of the name without parenthesised place
    /// qualifiers and subtitle (`Journal of psychopharmacology (Oxford, England)` → `journal of psychopharmacology`).
    static func key(_ journal: String) -> String {
        Normalization.journalKey(Normalization.strippedJournal(journal))
    }

    /// True when `written` names the record's journal: equal keys with its title, ISO abbreviation or MedlineTA,
    /// or each word of one a prefix of the matching word of the other (`Am J Psychiatry` / `American Journal of Psychiatry`).
    static func sameJournal(_ written: String, _ record: PubMedRecord) -> Bool {
        let key = JournalMatching.key(written)
        guard !key.isEmpty else { return false }
        var names = [record.isoAbbreviation, record.medlineTA, record.journalTitle].compactMap { $0 }
        // `CA: a cancer journal for clinicians` is also written `CA`; `Neuropsychopharmacology : official publication …`
        // is written `Neuropsychopharmacology`.
        if let title = record.journalTitle, let main = TitleMatching.mainTitle(title) { names.append(main) }
        if names.contains(where: { JournalMatching.key($0) == key }) { return true }
        // The embedded catalog knows full titles and abbreviations of one journal: when it knows both sides, it decides.
        if let id = JournalCatalog.canonicalID(for: written) {
            let known = names.compactMap { JournalCatalog.canonicalID(for: $0) }
            if !known.isEmpty { return known.contains(id) }
        }
        for name in names {
            let other = JournalMatching.key(name)
            if abbreviates(key, other) || abbreviates(other, key) { return true }
        }
        if let title = record.journalTitle, isAcronym(written, of: title) { return true }
        return false
    }

    /// `NEJM` for `The New England journal of medicine`, `PNAS` for `Proceedings of the National Academy of Sciences
    /// of the United States of America`: an upper-case word of 3 to 6 letters equal to the initials of the title's
    /// content words (or, from 4 letters, their start).
    static func isAcronym(_ written: String, of title: String) -> Bool {
        let letters = MatchWords.trim(written).filter { $0 != "." }
        guard (3...6).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        let initials = String(JournalMatching.key(title).split(separator: " ").filter { !MatchWords.stopWords.contains(String($0)) }.compactMap(\.first))
        let acronym = letters.lowercased()
        return initials == acronym || (acronym.count >= 4 && initials.hasPrefix(acronym))
    }

    /// Each word of `short` is a prefix of the corresponding content word of `long` (stop words skipped).
    static func abbreviates(_ short: String, _ long: String) -> Bool {
        let s = short.split(separator: " ").filter { !MatchWords.stopWords.contains(String($0)) }
        let l = long.split(separator: " ").filter { !MatchWords.stopWords.contains(String($0)) }
        guard !s.isEmpty, s.count == l.count else { return false }
        // One word: `Cancer` must not abbreviate to `CA`.
        if s.count == 1, s[0].count < 5 { return false }
        for (a, b) in zip(s, l) where !b.hasPrefix(a) { return false }
        return true
    }

    /// `The American journal of psychiatry` → `The American Journal of Psychiatry`; parenthetical qualifiers dropped.
    static func displayJournalTitle(_ title: String) -> String {
        var text = title
        if let open = text.firstIndex(of: "("), open != text.startIndex {
            text = MatchWords.trim(text[..<open])
        }
        let small: Set<String> = ["of", "and", "the", "in", "for", "on", "a", "an", "to", "with", "at", "by", "de", "du", "la", "et", "und", "der", "fur", "für"]
        var out: [String] = []
        for (i, word) in text.split(separator: " ").enumerated() {
            let w = String(word)
            if i > 0 && small.contains(w.lowercased()) {
                out.append(w)
            } else if let first = w.first, first.isLowercase {
                out.append(first.uppercased() + w.dropFirst())
            } else {
                out.append(w)
            }
        }
        return out.joined(separator: " ")
    }
}
