import CiteCheck

/// A record as stored in the index: the title and the journal (an id into the `journals` table) in their own
/// columns, everything else matching and field comparison read packed into one `details` text (author
/// affiliations and abstracts are not kept). Fields are separated by U+001E, list items by U+001D and an item's
/// parts by U+001F: control characters XML 1.0 cannot carry, so no field holds them.
struct IndexedRecord {
    struct Journal: Hashable, Sendable {
        var title: String? = nil
        var iso: String? = nil
        var medlineTA: String? = nil
    }

    static let field: Character = "\u{1E}"
    static let item: Character = "\u{1D}"
    static let part: Character = "\u{1F}"

    /// The `details` text of `record`.
    static func details(of record: PubMedRecord) -> String {
        var out = ""
        out.reserveCapacity(256)
        func add(_ text: String?) {
            if let text { out += text }
            out.append(field)
        }
        func list(_ items: [String]) {
            for (position, text) in items.enumerated() {
                if position > 0 { out.append(item) }
                out += text
            }
            out.append(field)
        }
        add(record.volume)
        add(record.issue)
        add(record.year.map(String.init))
        add(record.month)
        add(record.electronicYear.map(String.init))
        add(record.medlinePages)
        add(record.pages?.first)
        add(record.pages?.last)
        add(record.pages?.lastAsWritten)
        list(record.elocationIDs)
        list(
            record.authors.map { author in
                [author.lastName, author.initials, author.foreName ?? "", author.suffix ?? "", author.isCollective ? "1" : ""]
                    .joined(separator: String(part))
            })
        add(record.authorListIncomplete ? "1" : "")
        add(record.doi)
        add(record.pmcid)
        list(record.publicationTypes)
        list(record.corrections.map { [$0.refType, $0.refSource, $0.pmid ?? ""].joined(separator: String(part)) })
        return out
    }

    /// The record stored under `pmid` with this title, journal and details.
    static func record(pmid: Int64, title: String, journal: Journal, details: String) -> PubMedRecord {
        let fields = details.split(separator: field, omittingEmptySubsequences: false)
        func text(_ index: Int) -> String? {
            guard index < fields.count, !fields[index].isEmpty else { return nil }
            return String(fields[index])
        }
        func items(_ index: Int) -> [Substring] {
            guard index < fields.count, !fields[index].isEmpty else { return [] }
            return fields[index].split(separator: item, omittingEmptySubsequences: false)
        }
        var record = PubMedRecord(pmid: String(pmid), title: title)
        record.journalTitle = journal.title
        record.isoAbbreviation = journal.iso
        record.medlineTA = journal.medlineTA
        record.volume = text(0)
        record.issue = text(1)
        record.year = text(2).flatMap { Int($0) }
        record.month = text(3)
        record.electronicYear = text(4).flatMap { Int($0) }
        record.medlinePages = text(5)
        if let first = text(6) { record.pages = PageRange(first: first, last: text(7), lastAsWritten: text(8)) }
        record.elocationIDs = items(9).map(String.init)
        record.authors = items(10).map { entry in
            let parts = entry.split(separator: part, omittingEmptySubsequences: false).map(String.init)
            func at(_ index: Int) -> String { index < parts.count ? parts[index] : "" }
            return PubMedRecord.Author(
                lastName: at(0), initials: at(1), foreName: at(2).isEmpty ? nil : at(2), suffix: at(3).isEmpty ? nil : at(3),
                isCollective: at(4) == "1"
            )
        }
        record.authorListIncomplete = text(11) == "1"
        record.doi = text(12)
        record.pmcid = text(13)
        record.publicationTypes = items(14).map(String.init)
        record.corrections = items(15).map { entry in
            let parts = entry.split(separator: part, omittingEmptySubsequences: false).map(String.init)
            return PubMedRecord.Correction(
                refType: parts.first ?? "", refSource: parts.count > 1 ? parts[1] : "", pmid: parts.count > 2 && !parts[2].isEmpty ? parts[2] : nil
            )
        }
        return record
    }

    /// `record` as the index gives it back: affiliations dropped, empty optional texts as nil.
    static func roundTrip(_ record: PubMedRecord) -> PubMedRecord {
        Self.record(
            pmid: Int64(record.pmid) ?? 0, title: record.title,
            journal: Journal(title: record.journalTitle, iso: record.isoAbbreviation, medlineTA: record.medlineTA),
            details: details(of: record)
        )
    }
}
