/// Splits the blocks after a reference heading into `ReferenceEntry`s, keeping each entry's map to the file.
struct EntrySplitter {
    let document: Document
    let finder: ReferenceListFinder
    private let source: [UInt8]
    private var tracker: PositionTracker

    init(document: Document, finder: ReferenceListFinder) {
        self.document = document
        self.finder = finder
        self.source = Array(document.source.text.utf8)
        self.tracker = PositionTracker(bytes: source, lineStarts: document.source.lineStarts)
    }

    /// An entry before it gets its list position.
    struct Draft {
        var label: String?
        var number: Int?
        var footnoteName: String?
        var text: String
        var sourceMap: SourceMap
        var range: SourceRange
        var links: [TextLink] = []
        /// The number the renderer shows (Markdown ordered lists, HTML `<ol>`), when it differs in kind from the label.
        var renderedNumber: Int?
    }

    /// Collects entries from block `fromBlock`: from its UTF-8 offset `offset` when given (a heading that is the
    /// first line of a paragraph), else from the block after it. Blocks already `claimed` by another list end it.
    ///
    /// In a headed list, up to two paragraphs before the first entry are an introduction, and a block that is not
    /// an entry (an annotation under an entry, `Other references:`) is passed over when entries follow it.
    mutating func collect(
        fromBlock: Int, offset: Int?, headed: Bool, claimed: [Bool] = []
    ) -> (entries: [ReferenceEntry], firstBlock: Int, endBlock: Int)? {
        let blocks = document.blocks
        var index = offset == nil ? fromBlock + 1 : fromBlock
        var within = offset ?? 0
        var drafts: [Draft] = []
        var firstBlock: Int?
        var endBlock = index
        var skippedIntro = 0
        /// Blocks passed over since the last entry (annotations), ending the list unless an entry follows.
        var passedOver = 0
        /// A paragraph holding only a number (Substack's footnote numbers): the label of the next entry.
        var pendingNumber: (label: String, number: Int, range: SourceRange)?
        scan: while index < blocks.count {
            let block = blocks[index]
            if index < claimed.count, claimed[index], index != fromBlock { break scan }
            if within == 0 {
                switch block.kind {
                case .heading, .code: break scan
                default: if finder.headingMatch(block) != nil { break scan }
                }
            }
            // Image credits after a list end it.
            if within == 0, !drafts.isEmpty, EntryEvidence.isCreditLabel(block.text) { break scan }
            if within == 0, case .paragraph = block.kind, let number = EntrySplitter.bareNumber(block.text) {
                pendingNumber = (block.text, number, block.range)
                index += 1
                continue scan
            }
            let draftsBefore = drafts.count
            var ended = false
            var isEntry = true
            switch block.kind {
            case .listItem(let marker, let ordinal):
                let items = itemDrafts(block, marker: marker, ordinal: ordinal)
                if let draft = items.first {
                    // A bullet list after numbered entries ("Related posts") ends the list unless it holds references.
                    if draft.number == nil, let previous = drafts.last, previous.number != nil, !EntryEvidence.cites(draft.text, links: draft.links, finder: finder) {
                        isEntry = false
                    } else if !headed, !finder.looksLikeReference(draft.text), !EntryEvidence.isLinkEntry(draft.text, links: draft.links) {
                        isEntry = false
                    } else if headed, EntryEvidence.isLabel(draft.text) {
                        isEntry = false
                    } else {
                        drafts.append(contentsOf: items)
                    }
                } else {
                    isEntry = false
                }
            case .footnoteDefinition:
                let notes = footnoteDrafts(block)
                if notes.isEmpty { isEntry = false } else { drafts.append(contentsOf: notes) }
            case .paragraph:
                if let result = paragraphDrafts(block, from: within, headed: headed, previousNumber: drafts.last?.number) {
                    drafts.append(contentsOf: result.drafts)
                    ended = result.ended
                } else {
                    isEntry = false
                }
            case .heading, .code:
                break scan
            case .linkReferenceDefinition:
                isEntry = false
            }
            if !isEntry {
                if headed, drafts.isEmpty, skippedIntro < 2 {
                    skippedIntro += 1
                } else if !drafts.isEmpty, passedOver < 1 {
                    passedOver += 1
                } else {
                    break scan
                }
                index += 1
                within = 0
                continue scan
            }
            passedOver = 0
            if let pending = pendingNumber, drafts.count > draftsBefore, drafts[draftsBefore].label == nil {
                drafts[draftsBefore].label = pending.label
                drafts[draftsBefore].number = pending.number
                drafts[draftsBefore].range.start = pending.range.start
                if firstBlock == nil { firstBlock = index - 1 }
            }
            pendingNumber = nil
            if !drafts.isEmpty {
                if firstBlock == nil { firstBlock = index }
                endBlock = index + 1
            }
            if ended { break }
            index += 1
            within = 0
        }
        guard let firstBlock else { return nil }
        numberAsRendered(&drafts)
        let entries = drafts.enumerated().map { offset, draft in
            ReferenceEntry(
                index: offset + 1, label: draft.label, number: draft.number, footnoteName: draft.footnoteName,
                text: EntrySplitter.withoutBacklink(draft.text), sourceMap: draft.sourceMap, range: draft.range, links: draft.links)
        }
        return (entries, firstBlock, endBlock)
    }

    /// Markdown renumbers ordered lists: a writer who leaves that to the renderer writes `1.` on every line, and
    /// readers cite the 1, 2, 3 they see. Other written numbers are what the writer meant (a glued entry, `4.Zhou`,
    /// shifts the renderer's count; a skipped number is the writer's slip, which `RefNumberingRule` reports).
    private func numberAsRendered(_ drafts: inout [Draft]) {
        guard drafts.count > 1, drafts.contains(where: { $0.renderedNumber != nil }) else { return }
        let written = Set(drafts.map(\.number))
        guard written.count == 1 else { return }
        for k in drafts.indices {
            if let rendered = drafts[k].renderedNumber { drafts[k].number = rendered }
        }
    }

    /// A footnote definition as entries: one, or one per citation when it holds several (`Smith J. … 2010;1:2-9.
    /// Jones K. … 2012;3:4-8.`).
    func footnoteEntries(_ block: TextBlock) -> [ReferenceEntry] {
        footnoteDrafts(block).map { draft in
            ReferenceEntry(
                index: 0, label: draft.label, number: draft.number, footnoteName: draft.footnoteName,
                text: EntrySplitter.withoutBacklink(draft.text), sourceMap: draft.sourceMap, range: draft.range, links: draft.links)
        }
    }

    private func footnoteDrafts(_ block: TextBlock) -> [Draft] {
        guard case .footnoteDefinition(let name) = block.kind, !block.text.isEmpty else { return [] }
        let text = block.text.replacingNewlines
        let bytes = Array(text.utf8)
        let bounds = [0] + EntrySplitter.citationStarts(in: bytes, finder: finder) + [bytes.count]
        var drafts: [Draft] = []
        for k in 0..<(bounds.count - 1) {
            var end = bounds[k + 1]
            while end > bounds[k], bytes[end - 1] == 0x20 { end -= 1 }
            let derived = bounds[k]..<end
            guard !derived.isEmpty else { continue }
            let whole = bounds.count == 2
            drafts.append(
                Draft(
                    label: "[^\(name)]:", number: Int(name), footnoteName: name,
                    text: whole ? text : String(decoding: bytes[derived], as: UTF8.self),
                    sourceMap: whole ? block.sourceMap : block.sourceMap.slice(derived),
                    range: block.range, links: whole ? block.links : EntrySplitter.links(of: block, in: derived)))
        }
        return drafts
    }

    /// Where a second (third, …) citation starts in a note that holds several: after `. ` or `; `, where both
    /// the text before and the text after look like references on their own. Notes longer than 2 KB are left whole.
    static func citationStarts(in bytes: [UInt8], finder: ReferenceListFinder) -> [Int] {
        guard bytes.count <= 2048, bytes.count >= 60 else { return [] }
        var cuts: [Int] = []
        var from = 0
        var i = 1
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ";"), bytes[i + 1] == 0x20, i + 2 < bytes.count,
                (bytes[i + 2] >= 0x41 && bytes[i + 2] <= 0x5A) || bytes[i + 2] >= 0xC3, i - from >= 30
            {
                let before = String(decoding: bytes[from...i], as: UTF8.self)
                let after = String(decoding: bytes[(i + 2)...], as: UTF8.self)
                let afterBytes = Array(after.utf8)
                if ReferenceHeuristics.hasAuthorLikeStart(afterBytes), finder.looksLikeReference(before), finder.looksLikeReference(after),
                    endsCitation(bytes, at: i)
                {
                    cuts.append(i + 2)
                    from = i + 2
                    i += 2
                    continue
                }
            }
            i += 1
        }
        return cuts
    }

    /// The text before `end` closes a citation: pages, a volume, a year, a DOI or a PMID just before it.
    private static func endsCitation(_ bytes: [UInt8], at end: Int) -> Bool {
        var k = end
        while k > 0, bytes[k - 1] == UInt8(ascii: ")") || bytes[k - 1] == UInt8(ascii: "]") { k -= 1 }
        return k > 0 && (ByteClass.isDigit(bytes[k - 1]) || (k >= 2 && ByteClass.isDigit(bytes[k - 2]) && ByteClass.isASCIILetter(bytes[k - 1])))
    }

    /// The source line of a block quote as an entry, without its leading dash.
    mutating func quoteSourceEntry(_ block: TextBlock) -> ReferenceEntry {
        let bytes = Array(block.text.utf8)
        var start = 0
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == UInt8(ascii: "-") || bytes[start] == UInt8(ascii: "~") { start += 1 }
        // An em or en dash (E2 80 94 / 93) or a horizontal bar (E2 80 95).
        while start + 2 < bytes.count, bytes[start] == 0xE2, bytes[start + 1] == 0x80, (0x93...0x95).contains(bytes[start + 2]) {
            start += 3
            while start < bytes.count, bytes[start] == 0x20 { start += 1 }
        }
        let derived = start..<bytes.count
        return ReferenceEntry(
            index: 0, label: nil, number: nil, text: String(decoding: bytes[derived], as: UTF8.self).replacingNewlines,
            sourceMap: block.sourceMap.slice(derived), range: block.range, links: EntrySplitter.links(of: block, in: derived))
    }

    /// A link reference definition whose title holds a citation, as an entry (its label is the definition's).
    func definitionEntry(_ block: TextBlock) -> ReferenceEntry {
        let label: String
        if case .linkReferenceDefinition(let name) = block.kind { label = "[\(name)]:" } else { label = "" }
        return ReferenceEntry(
            index: 0, label: label, number: nil, text: block.text.replacingNewlines, sourceMap: block.sourceMap,
            range: block.range, links: block.links)
    }

    /// `3` for a paragraph that is only `3` or `3.`.
    static func bareNumber(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.hasSuffix(".") { digits = digits.dropLast() }
        guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits)
    }

    /// The text without a footnote back-link at its end (`↩`, `↩︎`); a prefix, so the map stays valid.
    static func withoutBacklink(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars
        var changed = false
        while let last = scalars.last, last == "\u{21A9}" || last == "\u{FE0E}" || last == "\u{FE0F}" || last.properties.isWhitespace {
            scalars.removeLast()
            changed = true
        }
        return changed ? String(scalars) : text
    }

    /// The entries of a list item: usually one, more when a line inside it starts with a number glued to its
    /// entry that continues the numbering (`4.Zhou …` after item 3 is read as item 3's continuation line).
    private mutating func itemDrafts(_ block: TextBlock, marker: String?, ordinal: Int?) -> [Draft] {
        var label = marker
        var number = ordinal
        var contentStart = 0
        let bytes = Array(block.text.utf8)
        let markerIsNumbered = marker.map { $0.unicodeScalars.contains { ("0"..."9").contains($0) } } ?? false
        if !markerIsNumbered, let inner = EntryLabel.parse(bytes, at: 0, end: bytes.firstIndex(of: 0x0A) ?? bytes.count), inner.number != nil {
            label = inner.text
            number = inner.number
            contentStart = inner.contentStart
        }
        guard contentStart < bytes.count else { return [] }
        // Lines inside the item that start a glued entry: (line start, label).
        var splits: [(start: Int, label: EntryLabel)] = []
        if let first = number {
            var expected = first
            var i = contentStart
            while let newline = bytes[i...].firstIndex(of: 0x0A) {
                let lineStart = newline + 1
                let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
                if let glued = EntryLabel.parseContinuing(bytes, at: lineStart, end: lineEnd, previous: expected), glued.text.hasSuffix(".") {
                    splits.append((lineStart, glued))
                    expected += 1
                }
                i = lineStart
            }
        }
        var drafts: [Draft] = []
        var pieces: [(label: String?, number: Int?, content: Int, end: Int, start: Int)] = []
        var currentStart = 0
        var currentLabel = label
        var currentNumber = number
        var currentContent = contentStart
        for split in splits {
            pieces.append((currentLabel, currentNumber, currentContent, split.start - 1, currentStart))
            currentStart = split.start
            currentLabel = split.label.text
            currentNumber = split.label.number
            currentContent = split.label.contentStart
        }
        pieces.append((currentLabel, currentNumber, currentContent, bytes.count, currentStart))
        for (k, piece) in pieces.enumerated() where piece.content < piece.end {
            let derived = piece.content..<piece.end
            let whole = k == 0 && splits.isEmpty
            drafts.append(
                Draft(
                    label: piece.label, number: piece.number, footnoteName: nil,
                    text: String(decoding: bytes[derived], as: UTF8.self).replacingNewlines,
                    sourceMap: derived.lowerBound == 0 && whole ? block.sourceMap : block.sourceMap.slice(derived),
                    range: whole
                        ? block.range
                        : (k == 0
                            ? SourceRange(start: block.range.start, end: range(of: block, derived: derived).end)
                            : range(of: block, derived: piece.start..<piece.end)),
                    links: EntrySplitter.links(of: block, in: derived),
                    renderedNumber: k == 0 && (markerIsNumbered || marker == nil) ? block.renderedNumber : nil))
        }
        return drafts
    }

    /// The block's links that lie in `range` of its text, re-based to the range's start.
    static func links(of block: TextBlock, in range: Range<Int>) -> [TextLink] {
        block.links.compactMap { link in
            guard link.textRange.lowerBound >= range.lowerBound, link.textRange.upperBound <= range.upperBound else { return nil }
            var moved = link
            moved.textRange = (link.textRange.lowerBound - range.lowerBound)..<(link.textRange.upperBound - range.lowerBound)
            return moved
        }
    }

    /// The entries in a paragraph (from UTF-8 offset `from`), and whether the list ends inside it; nil when the
    /// paragraph holds no reference. `previousNumber` is the last entry's number before the paragraph, so that
    /// numbering may run past 999.
    mutating func paragraphDrafts(_ block: TextBlock, from: Int, headed: Bool, previousNumber: Int? = nil) -> (drafts: [Draft], ended: Bool)? {
        let bytes = Array(block.text.utf8)
        struct Line {
            var start: Int
            var end: Int
            var label: EntryLabel?
            var indent: Int
        }
        var lines: [Line] = []
        var start = from
        var lastNumber = previousNumber
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            if end > start {
                let label =
                    EntryLabel.parse(bytes, at: start, end: end, previous: lastNumber)
                    ?? EntryLabel.parseContinuing(bytes, at: start, end: end, previous: lastNumber)
                if let number = label?.number { lastNumber = number }
                lines.append(Line(start: start, end: end, label: label, indent: indentColumns(block, derived: start)))
            }
            start = end + 1
        }
        guard !lines.isEmpty else { return nil }
        // Groups of lines, each one entry: (first line, last line).
        var groups: [(first: Int, last: Int)] = []
        let labelled = lines.contains { $0.label != nil }
        if labelled {
            for (k, line) in lines.enumerated() {
                if line.label != nil || groups.isEmpty { groups.append((k, k)) } else { groups[groups.count - 1].last = k }
            }
        } else {
            let firstIndent = lines[0].indent
            let hanging = lines.contains { $0.indent > firstIndent }
            let looking = lines.map { finder.looksLikeReference(text(bytes, $0.start..<$0.end)) }
            let onePerLine = lines.count >= 2 && looking.filter { $0 }.count * 2 >= lines.count
            for (k, line) in lines.enumerated() {
                let starts: Bool
                if groups.isEmpty {
                    starts = true
                } else if hanging {
                    starts = line.indent <= firstIndent
                } else {
                    starts = onePerLine && looking[k]
                }
                if starts { groups.append((k, k)) } else { groups[groups.count - 1].last = k }
            }
        }
        var drafts: [Draft] = []
        var ended = false
        for (g, group) in groups.enumerated() {
            let firstLine = lines[group.first]
            let label = firstLine.label
            let contentStart = label?.contentStart ?? firstLine.start
            let end = lines[group.last].end
            guard contentStart < end else { continue }
            let entryText = text(bytes, contentStart..<end).replacingNewlines
            let entryLinks = EntrySplitter.links(of: block, in: contentStart..<end)
            if label == nil {
                // A line of links and nothing else (`[A](…), [B](…)` after `Sources:`): one entry a link.
                if headed, entryLinks.count >= 2, let runs = linkRun(entryText, links: entryLinks) {
                    for run in runs {
                        let derived = (contentStart + run.lowerBound)..<(contentStart + run.upperBound)
                        drafts.append(
                            Draft(
                                label: nil, number: nil, footnoteName: nil, text: text(bytes, derived),
                                sourceMap: block.sourceMap.slice(derived), range: range(of: block, derived: derived),
                                links: EntrySplitter.links(of: block, in: derived)))
                    }
                    continue
                }
                // After numbered entries, unlabelled text must look like a reference on its own (a page footer,
                // `© 2022 Field Notes`, is not one).
                let loose = headed && previousNumber == nil && !labelled
                var accepted = loose ? EntryEvidence.isEntryLike(entryText, links: entryLinks, finder: finder) : finder.looksLikeReference(entryText)
                // A reading-list entry: a line that is one link to a page elsewhere (its title), a description below.
                if !accepted, previousNumber == nil, !labelled, let link = entryLinks.first, link.textRange.lowerBound == 0,
                    link.textRange.upperBound >= firstLine.end - contentStart - 1, EntryEvidence.isLinkEntry(entryText, links: entryLinks)
                {
                    accepted = true
                }
                if !accepted {
                    // Unlabelled text: an introduction before labelled entries is skipped; anything else ends the list.
                    if labelled, g == 0 { continue }
                    ended = true
                    break
                }
            }
            let startOffset = sourceOffset(block, derived: firstLine.start)
            let endOffset = sourceEnd(block, derived: end, textBytes: bytes)
            drafts.append(
                Draft(
                    label: label?.text, number: label?.number, footnoteName: nil, text: entryText,
                    sourceMap: block.sourceMap.slice(contentStart..<end),
                    range: tracker.range(of: startOffset..<max(startOffset, endOffset)), links: entryLinks))
        }
        if drafts.isEmpty { return nil }
        return (drafts, ended)
    }

    /// The links' spans when `text` is only links separated by commas, semicolons, `and`, `und`, dashes or
    /// emphasis markers; nil otherwise.
    private func linkRun(_ text: String, links: [TextLink]) -> [Range<Int>]? {
        let bytes = Array(text.utf8)
        var covered = 0
        let sorted = links.sorted { $0.textRange.lowerBound < $1.textRange.lowerBound }
        for link in sorted {
            guard link.textRange.lowerBound >= covered, link.textRange.upperBound <= bytes.count else { return nil }
            let between = String(decoding: bytes[covered..<link.textRange.lowerBound], as: UTF8.self)
            guard EntrySplitter.isSeparator(between) else { return nil }
            covered = link.textRange.upperBound
        }
        guard EntrySplitter.isSeparator(String(decoding: bytes[covered...], as: UTF8.self)) else { return nil }
        return sorted.map(\.textRange).filter { !$0.isEmpty }
    }

    private static func isSeparator(_ text: String) -> Bool {
        // The reader shows a bibliographic link's target after its text, `(https://doi.org/…)`: part of the link.
        var text = Substring(text)
        while let open = text.range(of: "(http") ?? text.range(of: "(doi"), let close = text[open.upperBound...].firstIndex(of: ")") {
            text = text[..<open.lowerBound] + text[text.index(after: close)...]
        }
        let words = text.split {
            $0 == " " || $0 == "," || $0 == ";" || $0 == "_" || $0 == "*" || $0 == "|" || $0 == "\u{00A0}" || $0 == "-" || $0 == "\u{2013}" || $0 == "\u{00B7}" || $0 == "\u{2022}"
        }
        return words.allSatisfy { ["and", "und", "y", "et", "e", "&"].contains($0.lowercased()) }
    }

    /// The source range of a UTF-8 span of a block's text.
    mutating func range(of block: TextBlock, derived: Range<Int>) -> SourceRange {
        let start = sourceOffset(block, derived: derived.lowerBound)
        return tracker.range(of: start..<max(start, sourceEnd(block, derived: derived.upperBound)))
    }

    private func text(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self)
    }

    private func sourceOffset(_ block: TextBlock, derived: Int) -> Int {
        block.sourceMap.sourceOffset(forDerived: derived)
    }

    /// The source offset just past the character that ends at derived offset `end`.
    private func sourceEnd(_ block: TextBlock, derived end: Int, textBytes: [UInt8]? = nil) -> Int {
        let textBytes = textBytes ?? Array(block.text.utf8)
        guard end > 0, end <= textBytes.count else { return sourceOffset(block, derived: end) }
        var lastStart = end - 1
        while lastStart > 0, textBytes[lastStart] & 0xC0 == 0x80 { lastStart -= 1 }
        let start = sourceOffset(block, derived: lastStart)
        guard start < source.count else { return source.count }
        if source[start] == UInt8(ascii: "&"), textBytes[lastStart] != UInt8(ascii: "&") {
            var k = start + 1
            while k < source.count, k - start < 40, source[k] != UInt8(ascii: ";") { k += 1 }
            if k < source.count, source[k] == UInt8(ascii: ";") { return k + 1 }
        }
        return min(source.count, start + (end - lastStart))
    }

    /// Indentation in columns of the source line where the derived offset stands (0 inside a line).
    private func indentColumns(_ block: TextBlock, derived: Int) -> Int {
        if derived == 0 { return block.indent }
        var s = sourceOffset(block, derived: derived)
        var columns = 0
        while s > 0, ByteClass.isBlank(source[s - 1]) {
            columns += source[s - 1] == 0x09 ? 4 : 1
            s -= 1
        }
        if s == 0 || source[s - 1] == 0x0A || source[s - 1] == 0x0D { return columns }
        return 0
    }
}
