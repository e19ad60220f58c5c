/// Finds a post's reference lists and splits them into entries.
///
/// A post may hold several lists, and the finder returns them all:
/// - every section under a heading named like a reference section (`References`, `Bibliography`, `Sources`,
///   `Further reading`, `Quellen`, `Referencias`, … in any case, numbered or not, with or without a colon; a
///   Markdown or HTML heading, a plain-text line, a paragraph holding only the word, or a label such as
///   `**Sources:**` before entries on the same line) that holds entries with citation evidence;
/// - Markdown footnote definitions wherever they stand (mid-post definition blocks included);
/// - link reference definitions whose titles hold citations;
/// - runs of citation-like paragraphs or items without a heading (at the end of the post or of a section).
///
/// Entries are list items, footnote definitions, labelled lines (`1.`, `1)`, `1 `, `[1]`, `(1)`, `a.`, `-`, `*`,
/// `+`, `•`), link-only lines and unlabelled paragraphs or lines that `looksLikeReference`. A section's list ends at
/// the next heading or code, or at text that is neither an entry nor an annotation followed by more entries.
public struct ReferenceListFinder: Sendable {
    /// Section names that introduce a reference list (English, German, Spanish, French, Italian, Portuguese).
    public static let defaultHeadings = [
        "References", "Reference list", "Reference", "Bibliography", "Sources", "Source", "Works cited", "Literature cited",
        "Citations", "Citation", "Notes", "Further reading", "Literature", "Footnotes", "Endnotes", "Scientific references",
        "Research references", "Studies cited", "Selected references", "Key references", "Other references",
        "Additional references", "Additional reading", "Recommended reading", "Suggested reading", "Reading list",
        "Resources", "Links", "Sources cited", "Cited works", "Studies", "Research", "Read more", "Learn more",
        "Quellen", "Quelle", "Quellenangaben", "Quellenverzeichnis", "Literatur", "Literaturverzeichnis", "Literaturangaben",
        "Weiterführende Literatur", "Weitere Literatur", "Weiterführende Links", "Einzelnachweise", "Anmerkungen", "Fußnoten",
        "Referenzen", "Nachweise", "Studien",
        "Referencias", "Referencias bibliográficas", "Bibliografía", "Fuentes", "Notas", "Lecturas recomendadas",
        "Références", "Bibliographie", "Notes et références", "Fonti", "Bibliografia", "Riferimenti", "Referências",
    ]

    /// The built-in test for unlabelled text: see `ReferenceHeuristics.looksLikeReference`.
    public static let defaultLooksLikeReference: @Sendable (String) -> Bool = { ReferenceHeuristics.looksLikeReference($0) }

    public let headings: [String]
    public let looksLikeReference: @Sendable (String) -> Bool
    private let normalizedHeadings: Set<String>

    public init(
        headings: [String] = ReferenceListFinder.defaultHeadings,
        looksLikeReference: @escaping @Sendable (String) -> Bool = ReferenceListFinder.defaultLooksLikeReference
    ) {
        self.headings = headings
        self.looksLikeReference = looksLikeReference
        self.normalizedHeadings = Set(headings.map { ReferenceListFinder.normalizeHeading($0) })
    }

    /// The post's reference lists as one: every list's entries in file order, numbered by position, the lists
    /// themselves in `parts`; nil when the post has none.
    public func find(in document: Document) -> ReferenceList? {
        ReferenceListFinder.combine(findAll(in: document))
    }

    /// Every reference list of `document`, in file order.
    public func findAll(in document: Document) -> [ReferenceList] {
        var splitter = EntrySplitter(document: document, finder: self)
        let blocks = document.blocks
        var claimed = [Bool](repeating: false, count: blocks.count)
        var lists: [ReferenceList] = []

        // Sections under a reference heading.
        for index in blocks.indices where !claimed[index] {
            guard let heading = headingMatch(blocks[index]) else { continue }
            guard let found = splitter.collect(fromBlock: index, offset: heading.restOffset, headed: true, claimed: claimed),
                !found.entries.isEmpty, found.entries.contains(where: { EntryEvidence.cites($0.text, links: $0.links, finder: self) })
            else { continue }
            let block = blocks[index]
            let headingRange = heading.restOffset == nil ? block.range : splitter.range(of: block, derived: 0..<heading.headingEnd)
            let start = heading.restOffset == nil ? index : index
            for k in start..<found.endBlock { claimed[k] = true }
            lists.append(
                ReferenceList(
                    heading: heading.text, headingRange: headingRange, entries: found.entries,
                    firstBlockIndex: found.firstBlock, endBlockIndex: found.endBlock, kind: .section,
                    blockRanges: [start..<found.endBlock]))
        }

        // Footnote definitions wherever they stand.
        let footnotes = blocks.indices.filter { index in
            guard !claimed[index], case .footnoteDefinition = blocks[index].kind else { return false }
            return true
        }
        lists += scattered(footnotes, as: .footnotes, claimed: &claimed) { splitter.footnoteEntries(blocks[$0]) }

        // Link reference definitions that hold citations in their titles.
        let definitions = blocks.indices.filter { index in
            guard !claimed[index], case .linkReferenceDefinition = blocks[index].kind else { return false }
            return looksLikeReference(blocks[index].text.replacingNewlines)
        }
        lists += scattered(definitions, as: .linkDefinitions, claimed: &claimed) { [splitter.definitionEntry(blocks[$0])] }

        lists += unheadedRuns(in: document, splitter: &splitter, claimed: &claimed)

        // The source line that closes a block quote.
        let sources = blocks.indices.filter { index in
            guard blocks[index].isQuoted, !claimed[index], index + 1 == blocks.count || !blocks[index + 1].isQuoted else { return false }
            return EntryEvidence.isQuoteSource(blocks[index].text, links: blocks[index].links)
        }
        lists += scattered(sources, as: .quoteSources, claimed: &claimed) { [splitter.quoteSourceEntry(blocks[$0])] }

        let start = { (list: ReferenceList) in list.entries.first?.range.start ?? SourcePosition(line: 0, column: 0) }
        return lists.sorted { start($0) < start($1) }
    }

    /// A list of blocks that stand apart in the post (footnotes, definitions, quote sources), claimed once it holds
    /// an entry; none when it holds none.
    private func scattered(
        _ indices: [Int], as kind: ReferenceList.Kind, claimed: inout [Bool], entries: (Int) -> [ReferenceEntry]
    ) -> [ReferenceList] {
        guard let first = indices.first, let last = indices.last else { return [] }
        let found = indices.flatMap(entries)
        guard !found.isEmpty else { return [] }
        for index in indices { claimed[index] = true }
        return [
            ReferenceList(
                heading: nil, headingRange: nil, entries: found, firstBlockIndex: first, endBlockIndex: last + 1, kind: kind,
                blockRanges: indices.map { $0..<($0 + 1) })
        ]
    }

    /// One list holding every part's entries in file order, numbered by position; a single list stays itself
    /// (with its entries' `listIndex` set).
    static func combine(_ lists: [ReferenceList]) -> ReferenceList? {
        guard !lists.isEmpty else { return nil }
        var parts = lists
        var entries: [ReferenceEntry] = []
        for (listIndex, list) in lists.enumerated() {
            for entry in list.entries {
                var entry = entry
                entry.listIndex = listIndex
                entries.append(entry)
            }
        }
        entries.sort { ($0.range.start, $0.listIndex) < ($1.range.start, $1.listIndex) }
        for k in entries.indices { entries[k].index = k + 1 }
        for listIndex in parts.indices {
            parts[listIndex].entries = entries.filter { $0.listIndex == listIndex }
        }
        if parts.count == 1 {
            var only = parts[0]
            only.entries = entries
            return only
        }
        // The heading and block span of the combined list are those of its main part: the first headed section,
        // else the largest part.
        let main = parts.first { $0.kind == .section } ?? parts.max { $0.entries.count < $1.entries.count } ?? parts[0]
        return ReferenceList(
            heading: main.heading, headingRange: main.headingRange, entries: entries,
            firstBlockIndex: main.firstBlockIndex, endBlockIndex: main.endBlockIndex, kind: .combined,
            blockRanges: parts.flatMap(\.blockRanges), parts: parts)
    }

    // MARK: Headings

    struct HeadingMatch {
        /// The heading as written (first line of the block, trimmed).
        var text: String
        /// UTF-8 end of the heading in the block's text.
        var headingEnd: Int
        /// Where the rest of the block (its entries) starts, when the heading is the block's first line only.
        var restOffset: Int?
    }

    /// True when a block is (or starts with) a reference-section heading.
    func headingMatch(_ block: TextBlock) -> HeadingMatch? {
        switch block.kind {
        case .heading:
            guard isHeadingName(block.text) else { return nil }
            return HeadingMatch(text: block.text.trimmingSpaces, headingEnd: block.text.utf8.count, restOffset: nil)
        case .paragraph:
            let bytes = Array(block.text.utf8)
            let lineEnd = bytes.firstIndex(of: 0x0A) ?? bytes.count
            let first = String(decoding: bytes[0..<lineEnd], as: UTF8.self)
            if lineEnd <= 80, isHeadingName(first) {
                return HeadingMatch(text: first.trimmingSpaces, headingEnd: lineEnd, restOffset: lineEnd < bytes.count ? lineEnd + 1 : nil)
            }
            // A label before its entries on the same line: `Sources: [A](…), [B](…)`, `Citation: Smith J. …`.
            guard let colon = bytes[0..<min(lineEnd, 48)].firstIndex(of: UInt8(ascii: ":")), colon > 0 else { return nil }
            let name = String(decoding: bytes[0..<colon], as: UTF8.self)
            guard isHeadingName(name) else { return nil }
            var rest = colon + 1
            while rest < bytes.count, ByteClass.isSpace(bytes[rest]) { rest += 1 }
            guard rest < bytes.count else { return nil }
            return HeadingMatch(text: name.trimmingSpaces + ":", headingEnd: colon + 1, restOffset: rest)
        case .listItem(let marker?, _)
        where marker.contains(where: \.isNumber) && block.links.isEmpty && !block.text.utf8.contains(0x0A)
            && isHeadingName(block.text):
            // A numbered section heading in plain text (`7. References`) reads as a labelled line.
            return HeadingMatch(text: "\(marker) \(block.text.trimmingSpaces)", headingEnd: block.text.utf8.count, restOffset: nil)
        default:
            return nil
        }
    }

    /// A heading name, optionally numbered (`7. References`) or combined (`References and further reading`,
    /// `Sources & notes`).
    func isHeadingName(_ text: String) -> Bool {
        guard text.utf8.count <= 80 else { return false }
        var name = ReferenceListFinder.normalizeHeading(text)
        if normalizedHeadings.contains(name) { return true }
        // A section number in front.
        if let first = name.split(separator: " ").first,
            first.allSatisfy({ $0.isNumber || $0 == "." || "ivxlc".contains($0) }), first.contains(where: { $0 == "." || $0.isNumber })
        {
            name = String(name.dropFirst(first.count)).trimmingSpaces
            if normalizedHeadings.contains(name) { return true }
        }
        let parts = Self.headingParts(name)
        return parts.count > 1 && parts.allSatisfy { normalizedHeadings.contains($0.trimmingSpaces) }
    }

    /// What joins two section names in one heading (`References and further reading`, `Sources & notes`).
    private static let headingJoiners: [[UInt8]] = [" and ", " & ", ", ", "/", " und ", " y ", " et ", " e "].map { Array($0.utf8) }

    /// `name` cut at every joiner, empty pieces left out.
    static func headingParts(_ name: String) -> [String] {
        let bytes = Array(name.utf8)
        var parts: [String] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if let joiner = headingJoiners.first(where: { i + $0.count <= bytes.count && bytes[i..<(i + $0.count)].elementsEqual($0) }) {
                if i > start { parts.append(String(decoding: bytes[start..<i], as: UTF8.self)) }
                i += joiner.count
                start = i
            } else {
                i += 1
            }
        }
        if start < bytes.count { parts.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return parts
    }

    /// Lowercased, trimmed, without a trailing colon or period and without emphasis markers left in the text.
    static func normalizeHeading(_ text: String) -> String {
        var scalars = Substring(text.lowercased()).unicodeScalars
        let strip: (Unicode.Scalar) -> Bool = { $0.properties.isWhitespace || ":.*_#".unicodeScalars.contains($0) }
        while let first = scalars.first, strip(first) { scalars.removeFirst() }
        while let last = scalars.last, strip(last) { scalars.removeLast() }
        return String(scalars).split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "\t" }).joined(separator: " ")
    }

    // MARK: Without a heading

    /// Runs of unclaimed blocks that look like references: at the end of the post (a closing remark or two may
    /// follow) or anywhere with at least two entries that `looksLikeReference`.
    private func unheadedRuns(in document: Document, splitter: inout EntrySplitter, claimed: inout [Bool]) -> [ReferenceList] {
        let blocks = document.blocks
        var lists: [ReferenceList] = []
        var index = 0
        // The last block of the post that is not a closing remark: a trailing run may end up to two blocks before it.
        var lastContent = blocks.count - 1
        var skipped = 0
        while lastContent >= 0, skipped < 2, !claimed[lastContent], !blockLooksLikeReferences(blocks[lastContent], splitter: &splitter) {
            if case .heading = blocks[lastContent].kind { break }
            lastContent -= 1
            skipped += 1
        }
        while index < blocks.count {
            guard !claimed[index], !blocks[index].isQuoted, blockLooksLikeReferences(blocks[index], splitter: &splitter) else {
                index += 1
                continue
            }
            // The run goes on past one block that is not an entry (an annotation under an entry) when an entry follows.
            var end = index
            func continues(_ k: Int) -> Bool {
                k < blocks.count && !claimed[k] && !blocks[k].isQuoted && blockLooksLikeReferences(blocks[k], splitter: &splitter)
            }
            while continues(end) || (end > index && end + 1 < blocks.count && !claimed[end] && !blocks[end].isHeading && continues(end + 1)) {
                end += continues(end) ? 1 : 2
            }
            defer { index = max(end, index + 1) }
            guard let found = splitter.collect(fromBlock: index, offset: 0, headed: false, claimed: claimed) else { continue }
            let strong = found.entries.filter { looksLikeReference($0.text) }.count
            let footnotes = found.entries.contains { $0.footnoteName != nil }
            let trailing = end - 1 >= lastContent
            // Entries numbered 1, 2, 3, … that each cite something (a link, a URL, a year): a source list at the
            // end of a post even when its entries are web pages.
            let numbers = found.entries.map(\.number)
            let counted =
                found.entries.count >= 3 && numbers == Array(1...found.entries.count).map(Optional.some)
                && found.entries.allSatisfy { EntryEvidence.cites($0.text, links: $0.links, finder: self) }
            // A list of links to pages elsewhere, each item one page (a section's reading list without a heading).
            // Links all to one site that the post links to elsewhere too are the site's own menu or related posts.
            let hosts = Set(found.entries.compactMap { $0.links.first.map { EntryEvidence.host($0.url) } })
            let ownSite =
                hosts.count == 1
                && blocks.indices.contains { k in
                    !(found.firstBlock..<found.endBlock).contains(k) && blocks[k].links.contains { hosts.contains(EntryEvidence.host($0.url)) }
                }
            let linkList =
                found.entries.count >= 2 && !ownSite
                && found.entries.allSatisfy { EntryEvidence.isLinkEntry($0.text, links: $0.links) }
            guard strong >= 2 || (trailing && (found.entries.count >= 2 || footnotes) && strong >= 1) || (trailing && counted) || linkList
            else { continue }
            for k in found.firstBlock..<found.endBlock { claimed[k] = true }
            lists.append(
                ReferenceList(
                    heading: nil, headingRange: nil, entries: found.entries, firstBlockIndex: found.firstBlock,
                    endBlockIndex: found.endBlock, kind: .unheaded))
        }
        return lists
    }

    private func blockLooksLikeReferences(_ block: TextBlock, splitter: inout EntrySplitter) -> Bool {
        switch block.kind {
        case .footnoteDefinition: return true
        case .listItem:
            let text = EntryLabel.parse(block.text).map { String(decoding: Array(block.text.utf8)[$0.contentStart...], as: UTF8.self) } ?? block.text
            return looksLikeReference(text.replacingNewlines) || EntryEvidence.isLinkEntry(block.text, links: block.links)
        case .paragraph:
            if EntrySplitter.bareNumber(block.text) != nil { return true }
            return !(splitter.paragraphDrafts(block, from: 0, headed: false)?.drafts.isEmpty ?? true)
        case .heading, .code, .linkReferenceDefinition:
            return false
        }
    }
}

extension String {
    /// Line breaks replaced by spaces (same UTF-8 length, so offsets stay valid).
    var replacingNewlines: String {
        guard utf8.contains(0x0A) else { return self }
        return String(decoding: utf8.map { $0 == 0x0A ? 0x20 : $0 }, as: UTF8.self)
    }
}
