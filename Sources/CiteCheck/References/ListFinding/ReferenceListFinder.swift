/// Finds a post's reference list and splits it into entries.
///
/// The list starts after the last heading named like a reference section (`References`, `Bibliography`,
/// `Sources`, … in any case, with or without a colon; a plain-text line, a Markdown or HTML heading, or a
/// paragraph holding only the word, such as `<p><strong>References</strong></p>`) that is followed by entries,
/// preferring one whose entries include at least one that `looksLikeReference`.
/// Without such a heading, a trailing run of blocks that look like references is the list.
///
/// Entries are list items, footnote definitions, labelled lines (`1.`, `1)`, `[1]`, `(1)`, `-`, `*`, `•`) and
/// unlabelled paragraphs or lines that `looksLikeReference`. The list ends at the next heading, at code,
/// or at an unlabelled paragraph that does not look like a reference (a closing remark or promotion).
public struct ReferenceListFinder: Sendable {
    /// Section names that introduce a reference list.
    public static let defaultHeadings = [
        "References", "Reference list", "Reference", "Bibliography", "Sources", "Source", "Works cited", "Literature cited",
        "Citations", "Notes", "Further reading", "Literature", "Footnotes", "Endnotes", "Scientific references",
        "Research references", "Studies cited", "Selected references", "Key references",
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

    /// The reference list of `document`, or nil when it has none.
    public func find(in document: Document) -> ReferenceList? {
        var splitter = EntrySplitter(document: document, finder: self)
        let blocks = document.blocks
        var index = blocks.count - 1
        // The last headed list whose entries hold no reference at all (a `Notes` section of remarks) is kept
        // only in case no earlier heading introduces real references.
        var fallback: ReferenceList?
        while index >= 0 {
            if let heading = headingMatch(blocks[index]) {
                if let found = splitter.collect(fromBlock: index, offset: heading.restOffset, headed: true), !found.entries.isEmpty {
                    let block = blocks[index]
                    let headingRange = heading.restOffset == nil
                        ? block.range
                        : splitter.range(of: block, derived: 0..<heading.headingEnd)
                    let list = ReferenceList(
                        heading: heading.text, headingRange: headingRange, entries: found.entries,
                        firstBlockIndex: found.firstBlock, endBlockIndex: found.endBlock)
                    if found.entries.contains(where: { looksLikeReference($0.text) }) { return list }
                    if fallback == nil { fallback = list }
                }
            }
            index -= 1
        }
        return findTrailingRun(in: document, splitter: &splitter) ?? fallback
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
            guard lineEnd <= 80 else { return nil }
            let first = String(decoding: bytes[0..<lineEnd], as: UTF8.self)
            guard isHeadingName(first) else { return nil }
            return HeadingMatch(text: first.trimmingSpaces, headingEnd: lineEnd, restOffset: lineEnd < bytes.count ? lineEnd + 1 : nil)
        case .listItem(let marker?, _) where !block.text.utf8.contains(0x0A) && isHeadingName(block.text):
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
           first.allSatisfy({ $0.isNumber || $0 == "." || "ivxlc".contains($0) }), first.contains(where: { $0 == "." || $0.isNumber }) {
            name = String(name.dropFirst(first.count)).trimmingSpaces
            if normalizedHeadings.contains(name) { return true }
        }
        var parts = [name]
        for separator in [" and ", " & ", ", ", " / "] {
            parts = parts.flatMap { $0.split(separator: separator).map(String.init) }
        }
        return parts.count > 1 && parts.allSatisfy { normalizedHeadings.contains($0.trimmingSpaces) }
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

    private func findTrailingRun(in document: Document, splitter: inout EntrySplitter) -> ReferenceList? {
        let blocks = document.blocks
        var index = blocks.count - 1
        var skipped = 0
        // Allow a closing remark or two after the list.
        while index >= 0, skipped < 2, !blockLooksLikeReferences(blocks[index], splitter: &splitter) {
            if case .heading = blocks[index].kind { return nil }
            index -= 1
            skipped += 1
        }
        var start = index
        while start >= 0, blockLooksLikeReferences(blocks[start], splitter: &splitter) { start -= 1 }
        start += 1
        guard start <= index, start < blocks.count else { return nil }
        guard let found = splitter.collect(fromBlock: start, offset: 0, headed: false) else { return nil }
        let footnotes = found.entries.contains { $0.footnoteName != nil }
        guard found.entries.count >= 2 || (footnotes && !found.entries.isEmpty) else { return nil }
        return ReferenceList(heading: nil, headingRange: nil, entries: found.entries, firstBlockIndex: found.firstBlock, endBlockIndex: found.endBlock)
    }

    private func blockLooksLikeReferences(_ block: TextBlock, splitter: inout EntrySplitter) -> Bool {
        switch block.kind {
        case .footnoteDefinition: return true
        case .listItem:
            let text = EntryLabel.parse(block.text).map { String(decoding: Array(block.text.utf8)[$0.contentStart...], as: UTF8.self) } ?? block.text
            return looksLikeReference(text.replacingNewlines)
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
