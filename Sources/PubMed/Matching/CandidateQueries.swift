import CiteCheck

/// PubMed queries that find the candidate records for a reference online: ESearch terms and an ECitMatch line.
///
/// Each query leans on different fields, so that one wrong field (what verification looks for) does not hide
/// the record: identifiers, then title words, then first author + year (±1) + journal, then journal + volume +
/// first page. Run them in order and pool the PMIDs (a few per query) before fetching and deciding with `MatchScorer`.
public enum CandidateQueries {
    /// ESearch `term` values for `reference`, most specific first; empty when it has nothing to search by.
    public static func esearchTerms(for reference: ParsedReference) -> [String] {
        var terms: [String] = []
        if let doi = reference.doi.map(RecordKeys.doiKey), !doi.isEmpty, !doi.contains("\"") {
            terms.append("\"\(doi)\"[aid]")  // PubMed's Article Identifier field holds DOIs
        }
        if let pmcid = reference.pmcid.map(RecordKeys.pmcidKey), !pmcid.isEmpty {
            terms.append("\(pmcid)[pmcid]")
        }
        if let title = reference.title {
            let words = titleSearchWords(title)
            if words.count >= 2 { terms.append(words.map { "\($0)[ti]" }.joined(separator: " AND ")) }
        }
        let author = reference.authors.first.flatMap(authorTerm)
        let journal = reference.journal.flatMap(journalTerm)
        if let author, let year = reference.year {
            var term = "\(author)[au] AND \(year - 1):\(year + 1)[dp]"
            if let journal { term += " AND \(journal)[ta]" }
            terms.append(term)
        }
        if let journal, let volume = reference.volume.map(plain), !volume.isEmpty, let page = reference.pages?.first, !plain(page).isEmpty {
            terms.append("\(journal)[ta] AND \(volume)[vi] AND \(plain(page))[pg]")
        }
        return terms
    }

    /// One ECitMatch `bdata` line: `journal|year|volume|first page|author|key|`, nil without a journal.
    /// ECitMatch answers with the PMID of the one record matching all given fields.
    public static func ecitmatchLine(for reference: ParsedReference, key: String) -> String? {
        guard let journal = reference.journal.map(field), !journal.isEmpty else { return nil }
        let author = reference.authors.first.map { field($0.isGroup ? $0.family : "\($0.family) \(initials($0.given))") } ?? ""
        let fields = [
            journal, reference.year.map(String.init) ?? "", reference.volume.map(field) ?? "",
            reference.pages.map { field($0.first) } ?? "", author, field(key),
        ]
        return fields.joined(separator: "|") + "|"
    }

    /// Up to eight distinctive title words (longest first, in title order), ASCII letters and digits only.
    static func titleSearchWords(_ title: String) -> [String] {
        let words = MatchWords.tokens(title).filter { word in
            word.count >= 3 && !MatchWords.stopWords.contains(word) && word.utf8.allSatisfy { $0 < 0x80 }
        }
        var unique: [String] = []
        for word in words where !unique.contains(word) { unique.append(word) }
        let chosen = Set(unique.sorted { $0.count > $1.count }.prefix(8))
        return unique.filter { chosen.contains($0) }
    }

    /// `Feder A` for PubMed's `[au]` field.
    static func authorTerm(_ author: Author) -> String? {
        let family = author.family.filter { $0.isLetter || $0 == " " || $0 == "-" || $0 == "'" }
        guard !family.isEmpty else { return nil }
        if author.isGroup { return "\"\(family)\"" }
        let given = initials(author.given)
        return "\"\(family)\(given.isEmpty ? "" : " " + given)\""
    }

    /// The journal quoted for `[ta]`, without periods and parenthetical qualifiers.
    static func journalTerm(_ journal: String) -> String? {
        var text = journal
        if let open = text.firstIndex(of: "("), open != text.startIndex { text = String(text[..<open]) }
        let cleaned = MatchWords.trim(text.filter { $0 != "." && $0 != "\"" && $0 != "[" && $0 != "]" })
        return cleaned.isEmpty ? nil : "\"\(cleaned)\""
    }

    /// Capital initials of given names (`M. K.` / `Mary Kate` / `MK` → `MK`).
    static func initials(_ given: String) -> String {
        let parts = given.split(whereSeparator: { $0 == " " || $0 == "." || $0 == "-" })
        if parts.count == 1, let only = parts.first, only.count <= 3, only.allSatisfy(\.isUppercase) { return String(only) }
        return String(parts.compactMap { $0.first?.uppercased() }.joined())
    }

    private static func plain(_ text: String) -> String {
        text.filter { $0.isLetter || $0.isNumber }
    }

    /// A value safe inside a `|`-separated ECitMatch line.
    private static func field(_ text: String) -> String {
        MatchWords.trim(text.replacingPipes())
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        String(map { $0 == "|" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
