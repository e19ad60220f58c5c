/// The citation rules, as functions returning findings. Each takes what the finder and the linker produced;
/// the rule engine wraps each function in a `Rule` with the same id.
///
/// - `cite-missing-reference` (error): a marker, footnote reference or author-year citation with no entry
///   (warning for a lone narrative name, `Duman (2014)`, which may be a product or place).
/// - `cite-unused-reference` (warning): an entry nothing cites, only in posts that cite with markers or
///   author-year citations at all.
/// - `cite-year-mismatch` (error; warning when the marker names several entries; info when the text gives
///   the entry's online year).
/// - `cite-author-mismatch` (error; warning when the name is a later author of the entry).
/// - `cite-journal-mismatch` (error when tied by a marker, warning when tied by narrative evidence).
/// - `cite-order` (info): numbered markers not in order of first citation.
public struct CitationChecks: Sendable {
    public static let ruleIDs = [
        "cite-missing-reference", "cite-unused-reference", "cite-year-mismatch", "cite-author-mismatch",
        "cite-journal-mismatch", "cite-order", "cite-broken-footnote-marker",
    ]

    public var source: SourceFile
    public var citations: [Citation]
    public var links: [CitationLink]
    public var references: [Reference]
    /// Whether a name is a journal's (pass a `JournalCatalog` lookup once available; the default is a word heuristic).
    public var isJournal: @Sendable (String) -> Bool
    public var sameJournal: @Sendable (String, String) -> Bool
    public var familyKey: @Sendable (String) -> String

    public init(source: SourceFile, citations: [Citation], links: [CitationLink], references: [Reference],
                isJournal: @escaping @Sendable (String) -> Bool = { CitationVocabulary.looksLikeJournal($0) },
                sameJournal: @escaping @Sendable (String, String) -> Bool = { CitationVocabulary.sameJournalFallback($0, $1) },
                familyKey: @escaping @Sendable (String) -> String = { CitationVocabulary.familyKey($0) }) {
        self.source = source
        self.citations = citations
        self.links = links
        self.references = references
        self.isJournal = isJournal
        self.sameJournal = sameJournal
        self.familyKey = familyKey
    }

    /// Finds, links and prepares the checks for a post in one call.
    public static func analyze(document: Document, list: ReferenceList?, references: [Reference],
                               linker: CitationLinker = CitationLinker(),
                               isJournal: @escaping @Sendable (String) -> Bool = { CitationVocabulary.looksLikeJournal($0) }) -> CitationChecks {
        let citations = CitationFinder.find(in: document, list: list)
        let links = linker.link(citations, to: references, markdown: document.format == .markdown)
        return CitationChecks(source: document.source, citations: citations, links: links, references: references,
                              isJournal: isJournal, sameJournal: linker.sameJournal, familyKey: linker.familyKey)
    }

    /// Every citation rule's findings, in rule order.
    public func all() -> [Diagnostic] {
        missingReference() + brokenFootnoteMarkers() + unusedReference() + yearMismatch() + authorMismatch()
            + journalMismatch() + order()
    }

    /// The names of the footnote definitions written in the file (`[^name]:` at the start of a line), lowercased.
    private func footnoteDefinitionNames() -> Set<String> {
        var names = Set<String>()
        let bytes = Array(source.text.utf8)
        var lineStart = true
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if lineStart, b == UInt8(ascii: "["), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "^") {
                var j = i + 2
                while j < bytes.count, j - i < 200, bytes[j] != UInt8(ascii: "]"), bytes[j] != 0x0A { j += 1 }
                if j + 1 < bytes.count, bytes[j] == UInt8(ascii: "]"), bytes[j + 1] == UInt8(ascii: ":") {
                    names.insert(String(decoding: bytes[(i + 2)..<j], as: UTF8.self).lowercased())
                }
            }
            lineStart = b == 0x0A || b == 0x0D || (lineStart && b == 0x20)
            i += 1
        }
        return names
    }

    /// True when the citation at source offset `offset` stands right after a closing quotation mark.
    private func followsQuotation(_ offset: Int) -> Bool {
        // At most a few bytes before the citation are read (the view's offsets are O(1) on native strings).
        let utf8 = source.text.utf8
        let end = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        let bytes = Array(utf8[utf8.index(end, offsetBy: -min(offset, 16))..<end])
        var k = bytes.count
        while k > 0, bytes[k - 1] == 0x20 || bytes[k - 1] == UInt8(ascii: "(") { k -= 1 }
        guard k > 0 else { return false }
        if bytes[k - 1] == UInt8(ascii: "\"") || bytes[k - 1] == UInt8(ascii: "'") { return true }
        // “ ” „ ‟ ‘ ’ (E2 80 9C–9F, 98–99) and « » (C2 AB / BB).
        if k >= 3, bytes[k - 3] == 0xE2, bytes[k - 2] == 0x80, (0x98...0x9F).contains(bytes[k - 1]) { return true }
        return k >= 2 && bytes[k - 2] == 0xC2 && (bytes[k - 1] == 0xAB || bytes[k - 1] == 0xBB)
    }

    /// `cite-broken-footnote-marker`: in Markdown, a plain `[6]` where the note is `[^6]`.
    public func brokenFootnoteMarkers() -> [Diagnostic] {
        links.flatMap { link -> [Diagnostic] in
            let c = citations[link.citation]
            return link.plainMarkerFootnotes.map { name in
                diagnostic("cite-broken-footnote-marker", .error,
                           "\(c.text) is not a footnote reference: the note is [^\(name)], and Markdown shows \(c.text) as plain text; write [^\(name)]",
                           at: c.sourceRange, expected: "[^\(name)]", found: c.text)
            }
        }
    }

    // MARK: Helpers

    private func diagnostic(_ rule: String, _ severity: Severity, _ message: String, at range: Range<Int>,
                            reference: Int? = nil, field: ReferenceField? = nil, expected: String? = nil, found: String? = nil) -> Diagnostic {
        Diagnostic(rule: rule, severity: severity, message: message, file: source.path, range: source.range(of: range),
                   reference: reference, field: field, expected: expected, found: found)
    }

    /// How an entry is named in messages: `reference 3` (its number when it has one).
    private func name(_ index: Int) -> String {
        references.reference(at: index)?.entry.displayName ?? "reference \(index)"
    }

    private static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        case 2: "\(items[0]) and \(items[1])"
        default: items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
        }
    }

    /// The post cites with markers, footnotes or author-year citations.
    public var usesExplicitCitations: Bool { citations.contains { $0.isExplicit } }

    // MARK: Rules

    /// `cite-missing-reference`
    public func missingReference() -> [Diagnostic] {
        var out: [Diagnostic] = []
        let writtenFootnotes = citations.contains { if case .footnote = $0.kind { return true } else { return false } }
            ? footnoteDefinitionNames() : []
        for link in links {
            let c = citations[link.citation]
            switch c.kind {
            case .numbered:
                guard !link.unmatchedNumbers.isEmpty else { continue }
                let numbers = link.unmatchedNumbers.map(String.init)
                let what = references.isEmpty ? "citecheck found no reference list in the post" :
                    "the reference list has no entry \(CitationChecks.list(numbers))"
                // Without a list citecheck cannot tell a missing entry from a list it could not find: only an info.
                out.append(diagnostic("cite-missing-reference", references.isEmpty ? .info : .error, "\(c.text) cites \(numbers.count == 1 ? "reference" : "references") \(CitationChecks.list(numbers)), but \(what)",
                                      at: c.sourceRange, found: c.text))
            case .footnote(let name):
                guard link.entries.isEmpty else { continue }
                // A definition written in the file but read as empty (its body a template tag): not missing.
                if writtenFootnotes.contains(name.lowercased()) { continue }
                out.append(diagnostic("cite-missing-reference", .error, "footnote reference \(c.text) has no footnote definition named \(name)",
                                      at: c.sourceRange, found: c.text))
            case .authorYear:
                guard link.entries.isEmpty, link.candidates.isEmpty else { continue }
                // `„…“ (Montgomery, 2019)`: who said a quoted remark, not a work cited.
                if followsQuotation(c.sourceRange.lowerBound) { continue }
                // A lone all-capitals name (`(USA, 2019)`) may be an acronym rather than a group author: not reported.
                if c.claims.authors.count == 1, let a = c.claims.authors.first, !a.value.unicodeScalars.contains(where: { $0.properties.isLowercase }) { continue }
                let author = c.claims.authors.first?.value ?? "?"
                let year = c.claims.year.map { ", \($0.value)" } ?? ""
                let why = references.isEmpty ? "citecheck found no reference list in the post" : "no entry's first author is \(author)"
                // `Spravato (2019)` reads like `Duman (2014)`: a lone narrative name is only a warning.
                let lone = c.kind == .authorYear(parenthetical: false) && c.claims.authors.count == 1 && !c.claims.etAl
                let severity: Severity = references.isEmpty ? .info : lone ? .warning : .error
                out.append(diagnostic("cite-missing-reference", severity, "\(author)\(c.claims.etAl ? " et al." : "")\(year) is cited but \(why)",
                                      at: c.sourceRange, found: c.text))
            case .mention:
                continue
            }
        }
        return out
    }

    /// `cite-unused-reference`
    public func unusedReference() -> [Diagnostic] {
        guard usesExplicitCitations else { return [] }
        var cited = Set<Int>()
        for link in links where link.confidence > .none || !link.candidates.isEmpty {
            cited.formUnion(link.entries)
            cited.formUnion(link.candidates)
        }
        // A list the text cites from (by markers, footnotes or names) should be cited throughout; a list the text
        // hardly cites is a bibliography or a reading list, whose entries need no citation.
        var perList: [Int: (total: Int, cited: Int)] = [:]
        for r in references where r.parsed.kind.isCitation {
            perList[r.entry.listIndex, default: (0, 0)].total += 1
            if cited.contains(r.entry.index) { perList[r.entry.listIndex, default: (0, 0)].cited += 1 }
        }
        let citedLists = Set(perList.filter { $0.value.cited * 2 >= $0.value.total && $0.value.cited > 0 }.keys)
        return references.filter { r in
            !cited.contains(r.entry.index) && r.parsed.kind.isCitation && citedLists.contains(r.entry.listIndex)
        }.map { r in
            Diagnostic(rule: "cite-unused-reference", severity: .warning,
                              message: "\(name(r.entry.index)) is not cited in the text", file: source.path,
                              range: r.entry.range, reference: r.entry.index)
        }
    }

    /// `cite-year-mismatch`
    public func yearMismatch() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in links {
            let c = citations[link.citation]
            guard let year = c.claims.year else { continue }
            if link.method == .authorOnly {
                let author = c.claims.authors.first?.value ?? "cited"
                let entries = link.candidates.compactMap(references.reference(at:))
                let years = entries.map { $0.parsed.year.map(String.init) ?? "undated" }
                let names = entries.map { String($0.entry.number ?? $0.entry.index) }
                let message = entries.count == 1
                    ? "text says \(year.value), the \(author) entry is \(years[0]) (\(name(entries[0].entry.index)))"
                    : "text says \(year.value), the \(author) entries are \(CitationChecks.list(years)) (references \(CitationChecks.list(names)))"
                out.append(diagnostic("cite-year-mismatch", .error, message, at: year.sourceRange,
                                      reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                                      expected: entries.count == 1 ? years[0] : nil, found: year.text))
                continue
            }
            if link.method == .authorOnlineYear, let r = link.entries.first.flatMap(references.reference(at:)), let print = r.parsed.year {
                out.append(diagnostic("cite-year-mismatch", .info,
                                      "text says \(year.value), \(name(r.entry.index)) was published online in \(year.value) and in print in \(print)",
                                      at: year.sourceRange, reference: r.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let entries = link.entries.compactMap(references.reference(at:)).filter { $0.parsed.year != nil }
            guard link.confidence > .none, !entries.isEmpty, !entries.contains(where: { $0.parsed.year == year.value }) else { continue }
            if let online = entries.first(where: { $0.parsed.epubYear == year.value }), let print = online.parsed.year {
                out.append(diagnostic("cite-year-mismatch", .info,
                                      "text says \(year.value), \(name(online.entry.index)) was published online in \(year.value) and in print in \(print)",
                                      at: year.sourceRange, reference: online.entry.index, field: .year, expected: String(print), found: year.text))
                continue
            }
            let says = entries.map { "\(name($0.entry.index)) says \($0.parsed.year.map(String.init) ?? "")" }
            // With several entries behind one marker the year may be about another work: a warning.
            out.append(diagnostic("cite-year-mismatch", entries.count == 1 ? .error : .warning, "text says \(year.value), \(CitationChecks.list(says))", at: year.sourceRange,
                                  reference: entries.count == 1 ? entries[0].entry.index : nil, field: .year,
                                  expected: entries.count == 1 ? entries[0].parsed.year.map(String.init) : nil, found: year.text))
        }
        return out
    }

    /// `cite-author-mismatch`
    public func authorMismatch() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in links where link.confidence > .none {
            let c = citations[link.citation]
            guard case .mention = c.kind, let author = c.claims.authors.first else { continue }
            let key = familyKey(author.value)
            let entries = link.entries.compactMap(references.reference(at:)).filter { !$0.parsed.authors.isEmpty }
            guard !entries.isEmpty, !key.isEmpty,
                  !entries.contains(where: { familyKey($0.parsed.authors[0].family) == key }) else { continue }
            let r = entries[0]
            let first = r.parsed.authors[0].family
            if let position = r.parsed.authors.firstIndex(where: { familyKey($0.family) == key }) {
                out.append(diagnostic("cite-author-mismatch", .warning,
                                      "text names \(author.value), \(name(r.entry.index))'s first author is \(first) (\(author.value) is author \(position + 1))",
                                      at: author.sourceRange, reference: r.entry.index, field: .authors, expected: first, found: author.text))
            } else {
                out.append(diagnostic("cite-author-mismatch", .error, "text names \(author.value), \(name(r.entry.index))'s first author is \(first)",
                                      at: author.sourceRange, reference: r.entry.index, field: .authors, expected: first, found: author.text))
            }
        }
        return out
    }

    /// `cite-journal-mismatch`
    public func journalMismatch() -> [Diagnostic] {
        var out: [Diagnostic] = []
        for link in links where link.confidence > .none {
            let c = citations[link.citation]
            guard let journal = c.claims.journal else { continue }
            let entries = link.entries.compactMap(references.reference(at:)).filter { $0.parsed.journal != nil }
            guard !entries.isEmpty, isJournal(journal.value),
                  !entries.contains(where: { $0.parsed.journal.map { sameJournal($0, journal.value) } ?? false }) else { continue }
            let r = entries[0]
            let actual = r.parsed.journal ?? ""
            let severity: Severity = link.method == .sameSentence ? .error : .warning
            out.append(diagnostic("cite-journal-mismatch", severity, "text says published in \(journal.value), \(name(r.entry.index)) is in \(actual)",
                                  at: journal.sourceRange, reference: r.entry.index, field: .journal, expected: actual, found: journal.text))
        }
        return out
    }

    /// `cite-order`: one finding at the first number cited before a smaller, not yet cited one.
    public func order() -> [Diagnostic] {
        guard references.contains(where: { $0.entry.number != nil }) else { return [] }
        let numbers = Set(references.compactMap(\.entry.number))
        // Only numbers the text cites somewhere: an entry never cited is `cite-unused-reference`'s business.
        var uncited = Set(citations.flatMap(\.numbers)).intersection(numbers)
        var seen = Set<Int>()
        for c in citations {
            for n in c.numbers where !seen.contains(n) {
                seen.insert(n)
                uncited.remove(n)
                if numbers.contains(n), let smaller = uncited.filter({ $0 < n }).min() {
                    return [diagnostic("cite-order", .info,
                                       "reference \(n) is cited before reference \(smaller); numbered references usually follow the order of first citation",
                                       at: c.sourceRange, reference: references.first { $0.entry.number == n }?.entry.index)]
                }
            }
        }
        return []
    }
}
