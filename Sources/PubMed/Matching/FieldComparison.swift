import CiteCheck

/// Compares every field of a reference with the PubMed record it was matched to. Call it only for an accepted
/// match: comparing against a doubtful match would "find" errors that are not there.
///
/// Differences of form are not mismatches: abbreviated page ranges (`2475-83` = `2475-2483`), full or
/// abbreviated journal names, quotes, case and trailing periods in titles, hyphenation, a missing issue, and
/// authors after `et al.`. Expected values are rendered in the reference's own style.
public enum FieldComparison {
    /// Findings for `reference` measured against `record`.
    public static func compare(_ reference: ParsedReference, with record: PubMedRecord) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        findings += compareAuthors(reference, record)
        findings += compareTitle(reference, record)
        findings += compareJournal(reference, record)
        findings += compareYear(reference, record)
        findings += compareVolume(reference, record)
        findings += compareIssue(reference, record)
        findings += comparePages(reference, record)
        findings += compareDOI(reference, record)
        findings += status(reference, record)
        return findings
    }

    // MARK: Year

    static func compareYear(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.year, let print = record.year, written != print else { return [] }
        if let electronic = record.electronicYear, electronic == written {
            return [
                FieldFinding(
                    PubMedEpubYearRule.description, field: .year, found: String(written), expected: String(print),
                    message: "year \(written) is the electronic publication year; PubMed's print year is \(print)", pmid: record.pmid
                )
            ]
        }
        var message = "year \(written) differs from PubMed's \(print)"
        if let electronic = record.electronicYear, electronic != print { message += " (Epub \(electronic))" }
        return [FieldFinding(PubMedYearRule.description, field: .year, found: String(written), expected: String(print), message: message, pmid: record.pmid)]
    }

    // MARK: Volume, issue

    static func compareVolume(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.volume, let actual = record.volume, !actual.isEmpty else { return [] }
        guard RecordKeys.numberKey(written) != RecordKeys.numberKey(actual) else { return [] }
        // `Suppl` volumes and the like: the written volume may carry the record's volume plus a supplement word.
        if tokens(of: actual).isSubset(of: tokens(of: written)) && !tokens(of: actual).isEmpty { return [] }
        // `71 Suppl 1` in PubMed and `71` written (or the other way round): the same volume number.
        let writtenNumber = MatchWords.tokens(written).first
        let actualNumber = MatchWords.tokens(actual).first
        if let writtenNumber, writtenNumber == actualNumber, MatchWords.tokens(written).count != MatchWords.tokens(actual).count { return [] }
        return [
            FieldFinding(
                PubMedVolumeRule.description, field: .volume, found: written, expected: actual,
                message: "volume \(written) differs from PubMed's \(actual)", pmid: record.pmid
            )
        ]
    }

    static func compareIssue(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.issue, let actual = record.issue, !actual.isEmpty else { return [] }
        let w = tokens(of: written)
        let a = tokens(of: actual)
        guard !w.isEmpty, !a.isEmpty else { return [] }
        if w.isSubset(of: a) || RecordKeys.numberKey(written) == RecordKeys.numberKey(actual) { return [] }
        return [
            FieldFinding(
                PubMedIssueRule.description, field: .issue, found: written, expected: actual,
                message: "issue \(written) differs from PubMed's \(actual)", pmid: record.pmid
            )
        ]
    }

    /// Alphanumeric tokens, folded, leading zeros dropped, `supplement`/`suppl` unified.
    private static func tokens(of text: String) -> Set<String> {
        Set(
            MatchWords.words(text).map { word -> String in
                var t = word.folded
                if t == "supplement" || t == "suppl" || t == "sup" { t = "suppl" }
                while t.count > 1, t.first == "0" { t.removeFirst() }
                return t
            })
    }

    // MARK: Pages

    static func comparePages(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.pages, !written.first.isEmpty else { return [] }
        let firstKey = RecordKeys.numberKey(written.first)
        if record.elocationIDs.contains(where: { RecordKeys.numberKey($0) == firstKey }) { return [] }
        guard let actual = RecordKeys.recordPages(record) else { return [] }
        // Pages copied from PubMed's own MedlinePgn agree, however odd their abbreviation (`87-5`, `988-86`).
        if let medline = record.medlinePages, dashesFolded(medline) == dashesFolded(writtenPages(reference)) { return [] }
        var writtenLast = written.lastAsWritten ?? written.last
        if let last = writtenLast { writtenLast = Normalization.expandedLastPage(first: written.first, last: last) }
        let firstAgrees = firstKey == RecordKeys.numberKey(actual.first)
        let lastAgrees: Bool
        if let writtenLast, let actualLast = actual.last {
            lastAgrees = RecordKeys.numberKey(writtenLast) == RecordKeys.numberKey(actualLast)
        } else {
            lastAgrees = true
        }
        if firstAgrees && lastAgrees { return [] }
        let found = writtenPages(reference)
        let expected = render(actual, like: reference, found: found)
        return [
            FieldFinding(
                PubMedPagesRule.description, field: .pages, found: found, expected: expected,
                message: "pages \(found) differ from PubMed's \(expected)", pmid: record.pmid
            )
        ]
    }

    private static func dashesFolded(_ text: String) -> String {
        String(text.map { $0 == "–" || $0 == "—" || $0 == "‐" ? "-" : $0 }.filter { !$0.isWhitespace })
    }

    /// The pages as written in the reference (from its field range), without a `p.`/`pp.` prefix.
    static func writtenPages(_ reference: ParsedReference) -> String {
        if let text = fieldText(reference, .pages) {
            var t = Substring(text)
            for prefix in ["pp.", "pp", "p.", "p"] where t.lowercased().hasPrefix(prefix) && t.dropFirst(prefix.count).first.map({ $0 == " " || $0.isNumber }) == true {
                t = t.dropFirst(prefix.count)
                break
            }
            let trimmed = MatchWords.trim(t)
            if !trimmed.isEmpty { return trimmed }
        }
        guard let pages = reference.pages else { return "" }
        if let last = pages.lastAsWritten ?? pages.last { return "\(pages.first)-\(last)" }
        return pages.first
    }

    /// PubMed's range in the reference's form: its dash, and the last page abbreviated if the reference abbreviates.
    static func render(_ pages: PageRange, like reference: ParsedReference, found: String) -> String {
        guard let last = pages.last, last != pages.first else { return pages.first }
        let dash: String = found.contains("–") ? "–" : found.contains("—") ? "—" : "-"
        var abbreviates = false
        if let written = reference.pages, let asWritten = written.lastAsWritten ?? written.last, asWritten.count < written.first.count,
            asWritten.allSatisfy(\.isNumber)
        {
            abbreviates = true
        }
        let shown = abbreviates ? Normalization.abbreviatedLastPage(first: pages.first, last: last) : last
        return pages.first + dash + shown
    }

    /// The text of a field as written, from `fieldRanges`.
    static func fieldText(_ reference: ParsedReference, _ field: ReferenceField) -> String? {
        guard let range = reference.fieldRanges[field] else { return nil }
        let utf8 = Array(reference.raw.utf8)
        guard range.lowerBound >= 0, range.upperBound <= utf8.count, range.lowerBound < range.upperBound else { return nil }
        return String(decoding: utf8[range], as: UTF8.self)
    }

    // MARK: Journal

    static func compareJournal(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.journal, !written.isEmpty else { return [] }
        guard record.journalTitle != nil || record.isoAbbreviation != nil || record.medlineTA != nil else { return [] }
        if JournalMatching.sameJournal(written, record) { return [] }
        let expected = expectedJournal(record, like: written)
        return [
            FieldFinding(
                PubMedJournalRule.description, field: .journal, found: written, expected: expected,
                message: "journal \"\(written)\" differs from PubMed's \"\(expected)\"", pmid: record.pmid
            )
        ]
    }

    /// The record's journal abbreviated (ISO, else MedlineTA) if `written` is abbreviated, else its full title.
    static func expectedJournal(_ record: PubMedRecord, like written: String) -> String {
        let abbreviation = record.isoAbbreviation ?? record.medlineTA
        if Normalization.isAbbreviatedJournal(written), let abbreviation { return abbreviation }
        if let title = record.journalTitle {
            return JournalCatalog.fullTitle(for: title) ?? record.isoAbbreviation.flatMap(JournalCatalog.fullTitle(for:))
                ?? JournalMatching.displayJournalTitle(title)
        }
        return abbreviation ?? ""
    }

    // MARK: Authors

    static func compareAuthors(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        let listed = reference.authors
        let pubmed = record.authors
        guard !listed.isEmpty, !pubmed.isEmpty else { return [] }
        // Group authors are named too differently to compare reliably.
        if listed.contains(where: \.isGroup) || pubmed.prefix(listed.count).contains(where: \.isCollective) { return [] }
        func position(of author: Author) -> Int? {
            pubmed.firstIndex { MatchScorer.sameAuthor(author, $0.lastName) }
        }
        var problem: String?
        for (i, author) in listed.enumerated() {
            if i < pubmed.count, MatchScorer.sameAuthor(author, pubmed[i].lastName) { continue }
            let written = display(author)
            if i >= pubmed.count {
                if record.authorListIncomplete { break }
                if position(of: author) == nil {
                    problem = "\"\(written)\" is not among PubMed's \(pubmed.count) author\(pubmed.count == 1 ? "" : "s")"
                } else {
                    problem = "authors are out of order"
                }
                break
            }
            if let j = position(of: author) {
                if j > i {
                    let skipped = pubmed[i..<j].filter { p in !listed.contains { MatchScorer.sameAuthor($0, p.lastName) } }
                    if let first = skipped.first, skipped.count == j - i {
                        problem = MatchWords.trim("author list lacks \(first.lastName) \(first.initials)") + " (PubMed's author \(i + 1))"
                        if skipped.count > 1 { problem = "author list lacks " + skipped.map { "\($0.lastName) \($0.initials)" }.joined(separator: ", ") }
                    } else {
                        problem = "authors are out of order"
                    }
                } else {
                    problem = "authors are out of order"
                }
            } else if MatchWords.editDistance(Normalization.name(author.family), Normalization.name(pubmed[i].lastName)) <= 2,
                Normalization.name(author.family).count >= 5
            {
                problem = "author \(author.family) is spelled \(pubmed[i].lastName) in PubMed"
            } else if i == 0 {
                problem = "first author is \(pubmed[0].lastName) \(pubmed[0].initials) in PubMed, not \(written)"
            } else {
                problem = "\"\(written)\" is not among PubMed's authors (PubMed's author \(i + 1) is \(pubmed[i].lastName) \(pubmed[i].initials))"
            }
            break
        }
        guard let problem else { return [] }
        let found = listed.map(display).joined(separator: ", ")
        let expected = renderAuthors(Array(pubmed.prefix(max(listed.count, 1))), style: reference.style)
        return [FieldFinding(PubMedAuthorsRule.description, field: .authors, found: found, expected: expected, message: problem, pmid: record.pmid)]
    }

    private static func display(_ author: Author) -> String {
        author.given.isEmpty ? author.family : "\(author.family) \(author.given)"
    }

    /// PubMed's authors in the reference's style: `Feder A, Parides MK` or `Feder, A., & Parides, M. K.`-like.
    static func renderAuthors(_ authors: [PubMedRecord.Author], style: CitationStyle) -> String {
        switch style {
        case .apa, .harvard, .chicago, .nature:
            return authors.map { author in
                guard !author.isCollective, !author.initials.isEmpty else { return author.lastName }
                return "\(author.lastName), " + author.initials.map { "\($0)." }.joined(separator: " ")
            }.joined(separator: ", ")
        default:
            return authors.map { author in
                author.isCollective || author.initials.isEmpty ? author.lastName : "\(author.lastName) \(author.initials)"
            }.joined(separator: ", ")
        }
    }

    // MARK: Title

    static func compareTitle(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.title, !written.isEmpty, !record.title.isEmpty else { return [] }
        // A bracketed PubMed title is an English translation; a reference may rightly cite the original title.
        if record.title.hasPrefix("["), TitleMatching.titleSimilarity(written, record.title) < 0.5 { return [] }
        // MEDLINE's bracketed annotations (`… suspensions [proceedings].`, `[letter]`) are no part of the title
        // a reference must give.
        var pubmed = record.title
        if !record.title.hasPrefix("["), !written.contains("[") { pubmed = Self.withoutBracketedNotes(pubmed) }
        let difference = TitleDifference(written: written, pubmed: pubmed)
        guard !difference.isEmpty else { return [] }
        return [
            FieldFinding(
                PubMedTitleRule.description, field: .title, found: written,
                expected: TitleMatching.cleanTitle(record.title), message: difference.message, pmid: record.pmid
            )
        ]
    }

    /// `Title [proceedings].` → `Title.`: bracketed groups after the start removed.
    static func withoutBracketedNotes(_ title: String) -> String {
        var result = ""
        var depth = 0
        for character in title {
            if character == "[" {
                depth += 1
                continue
            }
            if character == "]", depth > 0 {
                depth -= 1
                continue
            }
            if depth == 0 { result.append(character) }
        }
        guard depth == 0 else { return title }
        return result.split(separator: " ").joined(separator: " ").replacing(" .", with: ".")
    }

    // MARK: Identifiers

    static func compareDOI(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        guard let written = reference.doi, let actual = record.doi, !actual.isEmpty else { return [] }
        guard RecordKeys.doiKey(written) != RecordKeys.doiKey(actual) else { return [] }
        return [
            FieldFinding(
                PubMedDOIRule.description, field: .doi, found: written, expected: actual,
                message: "DOI \(written) differs from PubMed's \(actual)", pmid: record.pmid
            )
        ]
    }

    // MARK: Retractions, corrections

    static func status(_ reference: ParsedReference, _ record: PubMedRecord) -> [FieldFinding] {
        var findings: [FieldFinding] = []
        let notesRetraction = reference.notes.contains { $0.kind == .retraction }
        let notesCorrection = reference.notes.contains { $0.kind == .correction }
        if record.isRetracted && !notesRetraction {
            let notice = record.corrections.first { $0.refType == "RetractionIn" }.map { ": \($0.refSource)" } ?? ""
            findings.append(
                FieldFinding(
                    PubMedRetractedRule.description, message: "PubMed marks this article as retracted (PMID \(record.pmid))\(notice)", pmid: record.pmid
                ))
        }
        if let concern = record.corrections.first(where: { $0.refType == "ExpressionOfConcernIn" }) {
            findings.append(
                FieldFinding(
                    PubMedConcernRule.description,
                    message: "PubMed lists an expression of concern for this article: \(concern.refSource)", pmid: record.pmid
                ))
        }
        if !notesCorrection, let erratum = record.corrections.first(where: { $0.refType == "ErratumIn" }) {
            findings.append(
                FieldFinding(
                    PubMedErratumRule.description, message: "PubMed lists an erratum for this article: \(erratum.refSource)", pmid: record.pmid
                ))
        }
        return findings
    }
}
