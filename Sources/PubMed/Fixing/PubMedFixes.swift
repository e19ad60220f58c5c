import CiteCheck

/// The fixes of the PubMed rules' findings: PubMed's value written over the field's own bytes, in the writer's style.
///
/// | Rule | Fix |
/// | --- | --- |
/// | `PubMedYearRule`, `PubMedVolumeRule`, `PubMedIssueRule`, `PubMedPagesRule` | safe when the match is certain (``isCertain``), else unsafe |
/// | `PubMedEpubYearRule`, `PubMedTitleRule`, `PubMedAuthorsRule`, `PubMedJournalRule`, `PubMedDOIRule`, `PubMedPMIDRule`, `PubMedPMCIDRule` | unsafe |
/// | `PubMedMissingIdentifierRule` (``MissingIdentifier``) | unsafe: the record's DOI or PMID appended |
/// | a retracted record; `PubMedRetractedRule`, `PubMedConcernRule`, `PubMedErratumRule`, `PubMedNotFoundRule`, `PubMedAmbiguousRule` | none |
///
/// A fix is made only when every byte it replaces was copied verbatim from the file (no entity, emphasis or
/// joined line break inside the edited span); otherwise the finding is reported without one.
public enum PubMedFixes {
    /// The fix for `finding` about `reference`, matched as `result`; nil when the finding is not fixed.
    public static func fix(
        for finding: FieldFinding, reference: Reference, result: MatchResult, in file: SourceFile, certain: Bool
    ) -> Fix? {
        guard let record = result.record, !record.isRetracted, reference.parsed.kind.isJournalArticle else { return nil }
        let parsed = reference.parsed
        let editor = FieldEditor(reference: reference, file: file)
        let safeWhenCertain: FixSafety = certain ? .safe : .unsafe
        switch finding.rule {
        case PubMedYearRule.description.id:
            guard let written = parsed.year, let year = record.year else { return nil }
            return editor.replace(.year, String(written), with: String(year), safety: safeWhenCertain, label: "year")
        case PubMedEpubYearRule.description.id:
            guard let written = parsed.year, let year = record.year else { return nil }
            return editor.replace(.year, String(written), with: String(year), safety: .unsafe, label: "year")
        case PubMedVolumeRule.description.id:
            guard let written = parsed.volume, let volume = record.volume, !volume.isEmpty else { return nil }
            return editor.replace(.volume, written, with: volume, safety: safeWhenCertain, label: "volume")
        case PubMedIssueRule.description.id:
            guard let written = parsed.issue, let issue = record.issue, !issue.isEmpty else { return nil }
            return editor.replace(.issue, written, with: issue, safety: safeWhenCertain, label: "issue")
        case PubMedPagesRule.description.id:
            guard let pages = RecordKeys.recordPages(record) else { return nil }
            return editor.pages(pages, safety: safeWhenCertain)
        case PubMedJournalRule.description.id:
            guard let written = parsed.journal, var expected = finding.expected, !expected.isEmpty else { return nil }
            // The period after the name is the reference's punctuation, outside the field.
            while expected.hasSuffix(".") { expected.removeLast() }
            let key = { (name: String) in name.lowercased().filter { $0.isLetter || $0.isNumber } }
            guard key(written) != key(expected) else { return nil }
            return editor.replace(.journal, written, with: expected, safety: .unsafe, label: "journal")
        case PubMedTitleRule.description.id:
            return editor.title(TitleMatching.cleanTitle(record.title))
        case PubMedAuthorsRule.description.id:
            return editor.authors(record.authors)
        case PubMedDOIRule.description.id:
            guard finding.field == .doi, let written = finding.found ?? parsed.doi, let doi = record.doi, !doi.isEmpty else { return nil }
            return editor.replace(.doi, written, with: doi, safety: .unsafe, label: "DOI")
        case PubMedPMIDRule.description.id:
            guard let written = finding.found ?? parsed.pmid else { return nil }
            return editor.replace(.pmid, written, with: record.pmid, safety: .unsafe, label: "PMID")
        case PubMedPMCIDRule.description.id:
            guard let written = finding.found ?? parsed.pmcid, let pmcid = record.pmcid else { return nil }
            return editor.replace(.pmcid, written, with: pmcid, safety: .unsafe, label: "PMCID")
        default:
            return nil
        }
    }

    /// Whether `reference` certainly cites `result`'s record: no identifier written in it names another paper, and
    /// either a PMID, PMCID or DOI written in it is the record's, or at least two of title (similarity ≥
    /// `scorer.policy.strongTitle`), first author and journal agree while no other candidate came close enough to make
    /// the match ambiguous. Year, volume, issue and pages never count: they are what a fix may change.
    public static func isCertain(_ reference: ParsedReference, result: MatchResult, scorer: MatchScorer) -> Bool {
        guard case .matched(let record, _) = result.outcome, result.identifierConflicts.isEmpty else { return false }
        if let pmid = reference.pmid, pmid.filter(\.isNumber) == record.pmid { return true }
        if let doi = reference.doi, let recordDOI = record.doi, !recordDOI.isEmpty, RecordKeys.doiKey(doi) == RecordKeys.doiKey(recordDOI) {
            return true
        }
        if let pmcid = reference.pmcid, let recordPMCID = record.pmcid, !RecordKeys.pmcidKey(pmcid).isEmpty,
            RecordKeys.pmcidKey(pmcid) == RecordKeys.pmcidKey(recordPMCID)
        {
            return true
        }
        let score = scorer.score(reference, record)
        let keys = [(score.title ?? 0) >= scorer.policy.strongTitle, score.firstAuthor == true, score.journal == true]
        return keys.count { $0 } >= 2
    }
}

/// Builds edits on one reference's fields, keeping everything the writer wrote around the changed characters.
struct FieldEditor {
    var reference: Reference
    var file: SourceFile

    private var raw: [UInt8] { Array(reference.parsed.raw.utf8) }

    /// The field's range in the entry text, when it is valid.
    private func range(_ field: ReferenceField) -> Range<Int>? {
        guard let range = reference.parsed.fieldRanges[field], range.lowerBound >= 0, range.upperBound <= raw.count, !range.isEmpty else { return nil }
        return range
    }

    /// Replaces `written` where it stands inside the field with `value`: `2014` inside `(2014)`, `3` inside `(3)`.
    func replace(_ field: ReferenceField, _ written: String, with value: String, safety: FixSafety, label: String) -> Fix? {
        guard written != value, let range = range(field), let at = Self.find(Array(written.utf8), in: raw, within: range) else { return nil }
        guard let edit = reference.edit(replacing: at, with: value, in: file) else { return nil }
        return Fix(safety: safety, summary: "\(label) \(written) → \(value)", edits: [edit])
    }

    /// PubMed's page range written over the written one: the first and last page numbers replaced, the writer's
    /// dash, spacing, `pp.` and abbreviation of the last page (`2475-83`) kept.
    func pages(_ pages: PageRange, safety: FixSafety) -> Fix? {
        guard let range = range(.pages) else { return nil }
        let text = Array(raw[range])
        // Runs of letters and digits holding a digit: the page numbers (`pp` is no page).
        var runs: [Range<Int>] = []
        var k = 0
        while k < text.count {
            guard Self.isASCIIAlphanumeric(text[k]) else {
                k += 1
                continue
            }
            var end = k
            while end < text.count, Self.isASCIIAlphanumeric(text[end]) { end += 1 }
            if text[k..<end].contains(where: { (0x30...0x39).contains($0) }) { runs.append(k..<end) }
            k = end
        }
        guard let firstRun = runs.first else { return nil }
        let writtenFirst = String(decoding: text[firstRun], as: UTF8.self)
        let replacement: String
        let span: Range<Int>
        if runs.count >= 2, let lastRun = runs.last {
            let writtenLast = String(decoding: text[lastRun], as: UTF8.self)
            let separator = String(decoding: text[firstRun.upperBound..<lastRun.lowerBound], as: UTF8.self)
            span = firstRun.lowerBound..<lastRun.upperBound
            guard let last = pages.last, last != pages.first else {
                replacement = pages.first
                return make(span, in: range, replacement: replacement, safety: safety, found: writtenFirst + separator + writtenLast)
            }
            let lastShown = Self.lastPage(first: pages.first, last: last, writtenFirst: writtenFirst, writtenLast: writtenLast)
            return makeTwo(
                firstRun, pages.first, lastRun, lastShown, in: range, safety: safety,
                found: writtenFirst + "-" + writtenLast, shown: pages.first + "-" + lastShown
            )
        }
        span = firstRun
        if let last = pages.last, last != pages.first {
            let dash = reference.parsed.raw.contains("–") ? "–" : "-"
            replacement = pages.first + dash + last
        } else {
            replacement = pages.first
        }
        return make(span, in: range, replacement: replacement, safety: safety, found: writtenFirst)
    }

    private func make(_ span: Range<Int>, in field: Range<Int>, replacement: String, safety: FixSafety, found: String) -> Fix? {
        guard found != replacement else { return nil }
        let absolute = (field.lowerBound + span.lowerBound)..<(field.lowerBound + span.upperBound)
        guard let edit = reference.edit(replacing: absolute, with: replacement, in: file) else { return nil }
        return Fix(safety: safety, summary: "pages \(found) → \(replacement)", edits: [edit])
    }

    /// The first and the last page replaced each on its own, the separator between them left as written (an
    /// entity such as `&ndash;` included).
    private func makeTwo(
        _ first: Range<Int>, _ firstValue: String, _ last: Range<Int>, _ lastValue: String, in field: Range<Int>, safety: FixSafety,
        found: String, shown: String
    ) -> Fix? {
        guard found != shown else { return nil }
        var edits: [TextEdit] = []
        let written = raw
        for (span, value) in [(first, firstValue), (last, lastValue)] {
            let absolute = (field.lowerBound + span.lowerBound)..<(field.lowerBound + span.upperBound)
            guard String(decoding: written[absolute], as: UTF8.self) != value else { continue }
            guard let edit = reference.edit(replacing: absolute, with: value, in: file) else { return nil }
            edits.append(edit)
        }
        guard !edits.isEmpty else { return nil }
        return Fix(safety: safety, summary: "pages \(found) → \(shown)", edits: edits)
    }

    /// The last page as the writer would write it: abbreviated as far as the writer abbreviates (`2475-83`
    /// keeps two digits, `291-6` one), in full when the writer writes it in full.
    static func lastPage(first: String, last: String, writtenFirst: String, writtenLast: String) -> String {
        let numeric = { (s: String) in !s.isEmpty && s.allSatisfy(\.isNumber) }
        guard numeric(writtenFirst), numeric(writtenLast), writtenLast.count < writtenFirst.count, numeric(first), numeric(last),
            first.count == last.count
        else { return last }
        let expanded = Normalization.expandedLastPage(first: writtenFirst, last: writtenLast)
        let writerMinimal = Normalization.abbreviatedLastPage(first: writtenFirst, last: expanded).count
        let minimal = Normalization.abbreviatedLastPage(first: first, last: last)
        // The writer keeps more digits than needed (`321-28`): keep as many.
        let keep = writtenLast.count > writerMinimal ? max(minimal.count, writtenLast.count) : minimal.count
        return String(last.suffix(min(keep, last.count)))
    }

    // MARK: Title

    /// PubMed's words written over the title's: only the words that differ are replaced (compared without
    /// regard to case), so the writer's case, quotes, end punctuation and line breaks stay.
    func title(_ pubmed: String) -> Fix? {
        guard let range = range(.title) else { return nil }
        var lower = range.lowerBound
        var upper = range.upperBound
        let quotes: [[UInt8]] = ["\"", "'", "“", "”", "‘", "’", "«", "»"].map { Array($0.utf8) }
        func startsWithQuote(_ at: Int) -> Int? { quotes.first { q in at + q.count <= upper && Array(raw[at..<(at + q.count)]) == q }?.count }
        func endsWithQuote(_ at: Int) -> Int? { quotes.first { q in at - q.count >= lower && Array(raw[(at - q.count)..<at]) == q }?.count }
        while lower < upper, let n = startsWithQuote(lower) { lower += n }
        while lower < upper {
            if let n = endsWithQuote(upper) {
                upper -= n
                continue
            }
            if raw[upper - 1] == UInt8(ascii: ".") || raw[upper - 1] == UInt8(ascii: ",") {
                upper -= 1
                continue
            }
            break
        }
        let written = Self.tokens(raw, lower..<upper)
        var pubmedText = pubmed
        while let last = pubmedText.last, last == "." { pubmedText.removeLast() }
        let theirs = pubmedText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).map(String.init)
        let mine = written.map { String(decoding: raw[$0], as: UTF8.self) }
        guard !written.isEmpty, !theirs.isEmpty else { return nil }
        let key = { (word: String) in word == "&" ? "and" : word.lowercased() }
        let hunks = Self.diff(mine.map(key), theirs.map(key))
        guard !hunks.isEmpty else { return nil }
        // Words the writer has before or after all of PubMed's are more likely a misread boundary (an author or the
        // journal read as part of the title) than words to drop: no fix then.
        if let first = hunks.first, first.mine.lowerBound == 0, first.theirs.isEmpty { return nil }
        if let last = hunks.last, last.mine.upperBound == mine.count, !last.mine.isEmpty, last.theirs.isEmpty { return nil }
        var edits: [TextEdit] = []
        for hunk in hunks {
            let words = theirs[hunk.theirs].joined(separator: " ")
            let span: Range<Int>
            let replacement: String
            if !hunk.mine.isEmpty {
                let from = written[hunk.mine.lowerBound].lowerBound
                let to = written[hunk.mine.upperBound - 1].upperBound
                if hunk.theirs.isEmpty {
                    // A word to drop goes with the space after it (or, at the end, the space before it).
                    if hunk.mine.upperBound < written.count {
                        span = from..<written[hunk.mine.upperBound].lowerBound
                    } else if hunk.mine.lowerBound > 0 {
                        span = written[hunk.mine.lowerBound - 1].upperBound..<to
                    } else {
                        return nil
                    }
                    replacement = ""
                } else {
                    span = from..<to
                    replacement = words
                }
            } else if hunk.mine.lowerBound < written.count {
                // Words to add go before the next written word, which is rewritten with them.
                let next = written[hunk.mine.lowerBound]
                span = next
                replacement = words + " " + String(decoding: raw[next], as: UTF8.self)
            } else {
                let previous = written[written.count - 1]
                span = previous
                replacement = String(decoding: raw[previous], as: UTF8.self) + " " + words
            }
            guard let edit = reference.edit(replacing: span, with: replacement, in: file) else { return nil }
            edits.append(edit)
        }
        let shown = theirs.joined(separator: " ")
        return Fix(safety: .unsafe, summary: "title → \(shown.count > 80 ? String(shown.prefix(77)) + "…" : shown)", edits: edits)
    }

    /// Byte ranges of the white-space separated words of `bytes[range]`.
    static func tokens(_ bytes: [UInt8], _ range: Range<Int>) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var k = range.lowerBound
        while k < range.upperBound {
            if bytes[k] == 0x20 || bytes[k] == 0x0A || bytes[k] == 0x09 || bytes[k] == 0x0D {
                k += 1
                continue
            }
            var end = k
            while end < range.upperBound, !(bytes[end] == 0x20 || bytes[end] == 0x0A || bytes[end] == 0x09 || bytes[end] == 0x0D) { end += 1 }
            result.append(k..<end)
            k = end
        }
        return result
    }

    /// The differing runs of two word lists (longest common subsequence).
    static func diff(_ a: [String], _ b: [String]) -> [(mine: Range<Int>, theirs: Range<Int>)] {
        let n = a.count
        let m = b.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var hunks: [(mine: Range<Int>, theirs: Range<Int>)] = []
        var i = 0
        var j = 0
        var start: (Int, Int)?
        while i < n || j < m {
            if i < n, j < m, a[i] == b[j] {
                if let (si, sj) = start {
                    hunks.append((si..<i, sj..<j))
                    start = nil
                }
                i += 1
                j += 1
            } else {
                if start == nil { start = (i, j) }
                if j < m, i == n || table[i][j + 1] >= table[i + 1][j] { j += 1 } else { i += 1 }
            }
        }
        if let (si, sj) = start { hunks.append((si..<n, sj..<m)) }
        return hunks
    }

    // MARK: Authors

    /// PubMed's authors written over the listed ones that differ, position by position, each name in the list's
    /// own format (initials with or without periods and spaces, or given names), the separators and `et al.` kept.
    func authors(_ pubmed: [PubMedRecord.Author]) -> Fix? {
        let listed = reference.parsed.authors
        guard let range = range(.authors), !listed.isEmpty, !pubmed.isEmpty, !listed.contains(where: \.isGroup) else { return nil }
        var cursor = range.lowerBound
        var edits: [TextEdit] = []
        let initialsSpacing = Self.initialsSpacing(listed, style: reference.parsed.style)
        for (i, author) in listed.enumerated() {
            guard let family = Self.find(Array(author.family.utf8), in: raw, within: cursor..<range.upperBound) else { return nil }
            // The given names or initials: right after the family name (`Feder A`, `Feder, A.`), else right before it
            // (`Adriana Feder`).
            var given: Range<Int>?
            if !author.given.isEmpty {
                let needle = Array(author.given.utf8)
                // The field's range may stop before the last initials' period: the window reaches past it.
                let after = family.upperBound..<min(raw.count, family.upperBound + 3 + needle.count)
                given = Self.find(needle, in: raw, within: after)
                if given == nil {
                    let before = max(cursor, family.lowerBound - needle.count - 2)..<family.lowerBound
                    given = Self.find(needle, in: raw, within: before)
                }
                if given == nil { return nil }
            }
            cursor = max(family.upperBound, given?.upperBound ?? 0)
            guard i < pubmed.count else { break }
            let theirs = pubmed[i]
            if theirs.isCollective { return nil }
            if MatchScorer.sameAuthor(author, theirs.lastName) { continue }
            guard let familyEdit = reference.edit(replacing: family, with: theirs.lastName, in: file) else { return nil }
            edits.append(familyEdit)
            if let given {
                let written = String(decoding: raw[given], as: UTF8.self)
                let value = Self.given(theirs, like: written, spacing: initialsSpacing)
                if value != written {
                    guard let givenEdit = reference.edit(replacing: given, with: value, in: file) else { return nil }
                    edits.append(givenEdit)
                }
            }
        }
        guard !edits.isEmpty else { return nil }
        let count = max(1, min(listed.count, pubmed.count))
        let names = pubmed.prefix(count).map { "\($0.lastName) \($0.initials)" }.joined(separator: ", ")
        return Fix(safety: .unsafe, summary: "authors → \(names)", edits: edits)
    }

    /// Whether the list writes two initials with a space between them (`M. K.`) or without (`M.K.`), from the
    /// authors that have two; by the style's habit when none has (Harvard without, the others with).
    static func initialsSpacing(_ authors: [Author], style: CitationStyle) -> Bool {
        for author in authors {
            let scalars = Array(author.given.unicodeScalars)
            for k in scalars.indices.dropLast() where scalars[k] == "." {
                if scalars[k + 1] == " " { return true }
                if scalars[k + 1].properties.isUppercase { return false }
            }
        }
        return style != .harvard
    }

    /// PubMed's given names in the form `written` has: `MK`, `M.K.`, `M. K.`, `M K` or a given name.
    static func given(_ author: PubMedRecord.Author, like written: String, spacing: Bool? = nil) -> String {
        let initials = author.initials.filter(\.isLetter).map(String.init)
        let hasLowercase = written.contains { $0.isLowercase }
        if hasLowercase, let foreName = author.foreName, !foreName.isEmpty { return foreName }
        guard !initials.isEmpty else { return author.foreName ?? written }
        let periods = written.contains(".")
        let writtenSpaced = written.trimmingSpaces.contains(" ")
        if periods { return initials.map { $0 + "." }.joined(separator: (spacing ?? writtenSpaced) ? " " : "") }
        return initials.joined(separator: writtenSpaced ? " " : "")
    }

    // MARK: Bytes

    /// The first place `needle` stands in `bytes[range]`, preferring a place not inside a longer word or number.
    static func find(_ needle: [UInt8], in bytes: [UInt8], within range: Range<Int>) -> Range<Int>? {
        guard !needle.isEmpty, range.count >= needle.count else { return nil }
        var fallback: Range<Int>?
        for start in range.lowerBound...(range.upperBound - needle.count) where bytes[start] == needle[0] {
            guard bytes[start..<(start + needle.count)].elementsEqual(needle) else { continue }
            let end = start + needle.count
            let boundedBefore = start == 0 || !isAlphanumeric(bytes[start - 1]) || !isAlphanumeric(needle[0])
            let boundedAfter = end == bytes.count || !isAlphanumeric(bytes[end]) || !isAlphanumeric(needle[needle.count - 1])
            if boundedBefore && boundedAfter { return start..<end }
            if fallback == nil { fallback = start..<end }
        }
        return fallback
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte >= 0x80
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
