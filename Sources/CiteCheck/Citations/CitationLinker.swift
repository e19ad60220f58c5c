/// How a citation was tied to reference-list entries.
public struct CitationLink: Hashable, Sendable {
    public enum Method: String, Hashable, Sendable {
        /// A numbered marker, by the entries' written numbers.
        case marker
        /// A numbered marker, by position (the entries carry no numbers: an HTML `<ol>`).
        case position
        /// A footnote reference, by footnote name.
        case footnote
        /// Author-year: first author and year agree.
        case authorYear
        /// Author-year: first author agrees and the year is the entry's online (epub) year.
        case authorOnlineYear
        /// Author-year: only the first author agrees; `candidates` holds those entries, `entries` is empty.
        case authorOnly
        /// A narrative mention attached to the marker or author-year citation in the same sentence (`anchor`).
        case sameSentence
        /// A narrative mention in a post without markers: exactly one entry's journal is the one named.
        case narrativeJournal
        /// As `narrativeJournal`, with the year picking one of several entries in that journal.
        case narrativeJournalYear
        /// Exactly one entry has the year named and a title with every study-type word of the sentence.
        case narrativeYearStudyType
        /// Exactly one entry has the year named (`a 2014 study`), nothing else to go on.
        case narrativeYear
        /// Exactly one entry's first author is the one named (`Feder and colleagues found`).
        case narrativeAuthor
        /// Not linked.
        case none
    }

    public enum Confidence: Int, Hashable, Sendable, Comparable {
        case none, low, high
        public static func < (a: Confidence, b: Confidence) -> Bool { a.rawValue < b.rawValue }
    }

    /// Index into the citation array given to the linker.
    public var citation: Int
    /// 1-based entry positions (`ReferenceEntry.index`) the citation means.
    public var entries: [Int]
    /// Entries that match part of the evidence when none matches all of it (author-year: the first author only).
    public var candidates: [Int]
    public var method: Method
    public var confidence: Confidence
    /// For a mention linked `sameSentence`: the index of the citation it was attached to.
    public var anchor: Int?
    /// Marker numbers (or the footnote name, as a number when numeric) that no entry has.
    public var unmatchedNumbers: [Int]
    /// Footnote names a plain `[6]` marker stands for in Markdown, where only `[^6]` links to the note: the
    /// marker renders as literal text.
    public var plainMarkerFootnotes: [String] = []

    public init(
        citation: Int, entries: [Int] = [], candidates: [Int] = [], method: Method = .none,
        confidence: Confidence = .none, anchor: Int? = nil, unmatchedNumbers: [Int] = []
    ) {
        self.citation = citation
        self.entries = entries
        self.candidates = candidates
        self.method = method
        self.confidence = confidence
        self.anchor = anchor
        self.unmatchedNumbers = unmatchedNumbers
    }
}

/// Links citations to the reference-list entries they mean. Never guesses: a narrative mention in a post
/// without markers is linked only when the evidence picks exactly one entry.
public struct CitationLinker: Sendable {
    /// Journal-name comparison: `Normalization.sameJournal` (catalog-backed) unless given.
    public var sameJournal: @Sendable (String, String) -> Bool
    /// Family-name key for comparison: `Normalization.name` after dropping leading particles unless given.
    public var familyKey: @Sendable (String) -> String

    public init(
        sameJournal: @escaping @Sendable (String, String) -> Bool = { Normalization.sameJournal($0, $1) },
        familyKey: @escaping @Sendable (String) -> String = { Normalization.name(CitationVocabulary.withoutParticles($0)) }
    ) {
        self.sameJournal = sameJournal
        self.familyKey = familyKey
    }

    /// One link per citation, in the same order as `citations`.
    ///
    /// `markdown`: the post is Markdown, where a plain `[6]` does not link to the footnote `[^6]`.
    public func link(_ citations: [Citation], to references: [Reference], markdown: Bool = false) -> [CitationLink] {
        var footnoteNumbers: [Int: String] = [:]
        if markdown {
            for r in references where r.entry.footnoteName != nil {
                if let n = r.entry.number, let name = r.entry.footnoteName { footnoteNumbers[n] = name }
            }
        }
        let usesFootnoteReferences =
            markdown
            && citations.contains {
                if case .footnote = $0.kind { return true }
                return false
            }
        // Entries a plain numbered marker can mean (in Markdown, not footnotes).
        let markerEntries = markdown ? references.filter { $0.entry.footnoteName == nil } : references
        let numbered = markerEntries.contains { $0.entry.number != nil }
        var byNumber: [Int: Int] = [:]
        for r in markerEntries {
            if numbered {
                if let n = r.entry.number, byNumber[n] == nil { byNumber[n] = r.entry.index }
            } else {
                byNumber[r.entry.index] = r.entry.index
            }
        }
        var byFootnote: [String: Int] = [:]
        var footnoteSiblings: [Int: [Int]] = [:]
        for r in references {
            if let name = r.entry.footnoteName?.lowercased() {
                if let first = byFootnote[name] { footnoteSiblings[first, default: []].append(r.entry.index) } else { byFootnote[name] = r.entry.index }
            }
        }
        let firstAuthorKeys = references.map { $0.parsed.authors.first.map { familyKey($0.family) } ?? "" }

        var links: [CitationLink] = []
        links.reserveCapacity(citations.count)
        for (i, citation) in citations.enumerated() {
            var link = CitationLink(citation: i)
            switch citation.kind {
            case .numbered(let numbers, _):
                var entries: [Int] = []
                for n in numbers {
                    // A footnote list (`[^1]: …`) answers `1` by name when its entries carry no numbers.
                    if usesFootnoteReferences, let name = footnoteNumbers[n] {
                        // A post that cites with `[^n]` means its note by a plain `[n]` too, which Markdown breaks.
                        link.plainMarkerFootnotes.append(name)
                    } else if let e = byNumber[n] ?? (markdown ? nil : byFootnote[String(n)]) {
                        if !entries.contains(e) { entries.append(e) }
                    } else if let name = footnoteNumbers[n] {
                        link.plainMarkerFootnotes.append(name)
                    } else {
                        link.unmatchedNumbers.append(n)
                    }
                }
                link.entries = entries
                link.method = numbered ? .marker : .position
                link.confidence = entries.isEmpty ? .none : .high
            case .footnote(let name):
                if let e = byFootnote[name.lowercased()] ?? Int(name).flatMap({ byNumber[$0] }) {
                    // A footnote holding two citations gives two entries of the same name: the reference means both.
                    link.entries = [e] + (footnoteSiblings[e] ?? [])
                    link.method = .footnote
                    link.confidence = .high
                } else if let n = Int(name) {
                    link.unmatchedNumbers = [n]
                }
            case .authorYear:
                linkAuthorYear(citation, references, firstAuthorKeys, into: &link)
            case .mention:
                break
            }
            links.append(link)
        }

        // Mentions: attach to an explicit citation of the same sentence, or, in a post without any, link on
        // unambiguous evidence.
        let anyExplicit = citations.contains { $0.isExplicit }
        for (i, citation) in citations.enumerated() where !citation.isExplicit {
            if let anchor = anchor(of: i, in: citations) {
                links[i].anchor = anchor
                links[i].entries = links[anchor].entries
                links[i].candidates = links[anchor].candidates
                links[i].method = .sameSentence
                links[i].confidence = links[anchor].confidence
            } else {
                // With markers in the post, only a named author is evidence enough (`Feder and colleagues found`).
                linkNarrative(citation, references, firstAuthorKeys, authorsOnly: anyExplicit, into: &links[i])
            }
        }
        return links
    }

    /// The nearest explicit citation after the mention in its sentence, else the nearest before it.
    private func anchor(of i: Int, in citations: [Citation]) -> Int? {
        let mention = citations[i]
        var before: Int?
        var after: Int?
        // Citations are sorted by block and offset: look outwards from i within the same sentence.
        var j = i + 1
        while j < citations.count, citations[j].blockIndex == mention.blockIndex, citations[j].sentence == mention.sentence {
            if citations[j].isExplicit {
                after = j
                break
            }
            j += 1
        }
        j = i - 1
        while j >= 0, citations[j].blockIndex == mention.blockIndex, citations[j].sentence == mention.sentence {
            if citations[j].isExplicit {
                before = j
                break
            }
            j -= 1
        }
        return after ?? before
    }

    private func linkAuthorYear(_ citation: Citation, _ references: [Reference], _ keys: [String], into link: inout CitationLink) {
        guard let first = citation.claims.authors.first else { return }
        let key = familyKey(first.value)
        guard !key.isEmpty else { return }
        let byAuthor = references.indices.filter {
            keys[$0] == key || (references[$0].parsed.authors.first?.isGroup == true && familyKey(references[$0].parsed.authors[0].family).hasPrefix(key))
        }
        guard !byAuthor.isEmpty else { return }
        guard let year = citation.claims.year?.value else {
            if byAuthor.count == 1 {
                link.entries = [references[byAuthor[0]].entry.index]
                link.method = .authorYear
                link.confidence = .low
            } else {
                link.candidates = byAuthor.map { references[$0].entry.index }
                link.method = .authorOnly
            }
            return
        }
        var full = byAuthor.filter { references[$0].parsed.year == year }
        // A second author named (`Feder & Charney, 2014`) picks between same-first-author entries.
        if full.count > 1, citation.claims.authors.count > 1 {
            let second = familyKey(citation.claims.authors[1].value)
            let narrowed = full.filter { references[$0].parsed.authors.count > 1 && familyKey(references[$0].parsed.authors[1].family) == second }
            if !narrowed.isEmpty { full = narrowed }
        }
        // `2014a`, `2014b`: the n-th of the same-author same-year entries, in list order.
        if full.count > 1, let suffix = citation.claims.yearSuffix?.unicodeScalars.first, suffix >= "a", suffix <= "z" {
            let n = Int(suffix.value - 0x61)
            if n < full.count { full = [full[n]] }
        }
        if !full.isEmpty {
            link.entries = full.map { references[$0].entry.index }
            link.method = .authorYear
            link.confidence = .high
            return
        }
        let online = byAuthor.filter { references[$0].parsed.epubYear == year }
        if !online.isEmpty {
            link.entries = online.map { references[$0].entry.index }
            link.method = .authorOnlineYear
            link.confidence = .high
            return
        }
        link.candidates = byAuthor.map { references[$0].entry.index }
        link.method = .authorOnly
    }

    private func linkNarrative(
        _ citation: Citation, _ references: [Reference], _ keys: [String], authorsOnly: Bool,
        into link: inout CitationLink
    ) {
        let claims = citation.claims
        let year = claims.year?.value
        func yearAgrees(_ r: Reference) -> Bool { year != nil && (r.parsed.year == year || r.parsed.epubYear == year) }
        func set(_ indices: [Int], _ method: CitationLink.Method, _ confidence: CitationLink.Confidence) {
            link.entries = indices.map { references[$0].entry.index }
            link.method = method
            link.confidence = confidence
        }
        if let journal = claims.journal?.value, !authorsOnly {
            let inJournal = references.indices.filter { references[$0].parsed.journal.map { sameJournal($0, journal) } ?? false }
            if inJournal.count == 1 { return set(inJournal, .narrativeJournal, .high) }
            if inJournal.count > 1 {
                let byYear = inJournal.filter { yearAgrees(references[$0]) }
                if byYear.count == 1 { return set(byYear, .narrativeJournalYear, .high) }
                return
            }
        }
        if let author = claims.authors.first {
            let key = familyKey(author.value)
            var byAuthor = references.indices.filter { keys[$0] == key }
            if byAuthor.count > 1, year != nil { byAuthor = byAuthor.filter { yearAgrees(references[$0]) } }
            if byAuthor.count == 1 { return set(byAuthor, .narrativeAuthor, .high) }
            if !byAuthor.isEmpty { return }
        }
        guard year != nil, !authorsOnly else { return }
        let sameYear = references.indices.filter { yearAgrees(references[$0]) }
        let designs = claims.studyTypes.filter { $0 != "controlled" && $0 != "follow-up" }
        if !designs.isEmpty {
            let fitting = sameYear.filter { idx in
                let title = CitationVocabulary.fold(references[idx].parsed.title ?? references[idx].entry.text)
                return designs.allSatisfy { title.contains($0) || ($0 == "randomized" && title.contains("randomised")) }
            }
            // The title disagreeing with the design words is no evidence either way: stay silent.
            if fitting.count == 1 { set(fitting, .narrativeYearStudyType, .high) }
            return
        }
        if sameYear.count == 1 { set(sameYear, .narrativeYear, .low) }
    }
}
