import CiteCheck

/// A PubMed record's pages, and comparison keys of pages, volumes, issues and identifiers.
enum RecordKeys {
    /// A record's page range with the last page expanded, from `pages` or `medlinePages`.
    static func recordPages(_ record: PubMedRecord) -> PageRange? {
        if let pages = record.pages, !pages.first.isEmpty {
            if let last = pages.last {
                return PageRange(first: pages.first, last: Normalization.expandedLastPage(first: pages.first, last: last), lastAsWritten: pages.lastAsWritten)
            }
            return pages
        }
        guard let text = record.medlinePages.map(MatchWords.trim), !text.isEmpty else { return nil }
        let firstRange = text.split(separator: ",").first.map(String.init) ?? text
        let parts = firstRange.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map { MatchWords.trim($0) }
        guard let first = parts.first, !first.isEmpty else { return nil }
        if parts.count >= 2, !parts[1].isEmpty {
            return PageRange(first: first, last: Normalization.expandedLastPage(first: first, last: parts[1]), lastAsWritten: parts[1])
        }
        return PageRange(first: first)
    }

    /// A page, volume or issue as a comparison key: folded, without spaces, leading zeros or a `p.`/`pp.` prefix.
    static func numberKey(_ text: String) -> String {
        var key = Normalization.name(text)
        if key.hasPrefix("pp") && key.dropFirst(2).first?.isNumber == true { key.removeFirst(2) }
        if key.hasPrefix("p") && key.dropFirst(1).first?.isNumber == true { key.removeFirst(1) }
        while key.count > 1, key.first == "0" { key.removeFirst() }
        return key
    }

    /// A DOI as a comparison key: lowercased, without resolver prefix or trailing punctuation.
    static func doiKey(_ doi: String) -> String {
        var key = MatchWords.trim(doi).lowercased()
        guard key.utf8.first != UInt8(ascii: "1") else {
            while let last = key.last, ".,;".contains(last) { key.removeLast() }
            return key
        }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "doi "] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        while let last = key.last, ".,;".contains(last) { key.removeLast() }
        return MatchWords.trim(key)
    }

    /// A PMCID as a comparison key (`pmc1234567` → `PMC1234567`).
    static func pmcidKey(_ pmcid: String) -> String {
        let digits = pmcid.filter(\.isNumber)
        return digits.isEmpty ? "" : "PMC" + digits
    }
}
