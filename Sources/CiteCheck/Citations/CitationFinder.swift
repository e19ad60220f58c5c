/// Finds citations in a post's body text: numbered markers, footnote references, author-year citations and
/// narrative mentions, each with its exact location and the claims it makes.
///
/// Scanning is by hand over UTF-8 bytes with bounded look-ahead and look-behind, so it is linear in the
/// text's length (no regular expressions).
///
/// Unicode superscript digits are ambiguous: `trial¹²` is read as 12 when 12 is an entry number, otherwise
/// as 1 and 2 when both are, otherwise as 12 (which then has no entry). `¹⁻³` is 1 to 3, `¹,²`/`¹˒²` is 1 and 2.
public struct CitationFinder: Sendable {
    /// Entry numbers of the reference list (positions when the entries are unnumbered).
    public var entryNumbers: Set<Int>
    /// The reference list is numbered: only then is `(2, 3)` read as a marker.
    public var listIsNumbered: Bool
    /// Footnote names of the list's entries, lowercased: a superscript holding one of them is a footnote reference.
    public var footnoteNames: Set<String>

    public init(entryNumbers: Set<Int> = [], listIsNumbered: Bool = false, footnoteNames: Set<String> = []) {
        self.entryNumbers = entryNumbers
        self.listIsNumbered = listIsNumbered
        self.footnoteNames = footnoteNames
    }

    /// A finder for a post with `list`: entry numbers from the labels, or positions 1…n when no entry has a
    /// number; `orderedList` says the entries are items of an ordered list (`<ol>`) without written numbers.
    public init(list: ReferenceList?, orderedList: Bool = false) {
        let entries = list?.entries ?? []
        footnoteNames = Set(entries.compactMap { $0.footnoteName?.lowercased() })
        let numbers = entries.compactMap(\.number)
        if numbers.isEmpty {
            entryNumbers = entries.isEmpty ? [] : Set(1...entries.count)
            listIsNumbered = orderedList && !entries.isEmpty
        } else {
            entryNumbers = Set(numbers)
            listIsNumbered = true
        }
    }

    /// Citations in the body of `document`: every block except code, footnote definitions, block quotes (the
    /// quoted author's citations), the lists' headings and the lists' own blocks. Sorted by block, then offset.
    public static func find(in document: Document, list: ReferenceList?) -> [Citation] {
        var excluded: [Range<Int>] = []
        var ordered = false
        if let list {
            let count = document.blocks.count
            for range in list.blockRanges {
                let clamped = max(0, min(range.lowerBound, count))..<max(0, min(range.upperBound, count))
                excluded.append(clamped)
            }
            // The heading block stands just before the first entry block.
            let first = max(0, min(list.firstBlockIndex, count))
            if first > 0 {
                let previous = document.blocks[first - 1]
                let trimmed = { (s: String) in s.citationTrimmed() }
                if previous.range == list.headingRange || (list.heading.map { trimmed($0) == trimmed(previous.text) } ?? false) {
                    excluded.append((first - 1)..<first)
                }
            }
            ordered = excluded.contains { range in
                document.blocks[range].contains {
                    if case .listItem(_, let ordinal) = $0.kind { return ordinal != nil }
                    return false
                }
            }
        }
        return CitationFinder(list: list, orderedList: ordered)
            .find(in: document.blocks, excluding: excluded, source: Array(document.source.text.utf8))
    }

    /// Citations in `blocks`, skipping the blocks at `excluding` (the reference list), code blocks, block quotes
    /// and footnote definitions. `Citation.blockIndex` indexes `blocks`.
    ///
    /// `source` is the file's UTF-8 text, when known: a superscript written `[^name]` in it (the Markdown reader
    /// records footnote references as superscripts) is then read as a footnote reference.
    public func find(in blocks: [TextBlock], excluding: [Range<Int>] = [], source: [UInt8]? = nil) -> [Citation] {
        var skip = [Bool](repeating: false, count: blocks.count)
        for range in excluding { for k in range where k < skip.count { skip[k] = true } }
        var citations: [Citation] = []
        for (index, block) in blocks.enumerated() where !skip[index] && !block.isQuoted {
            switch block.kind {
            case .code, .footnoteDefinition, .linkReferenceDefinition: continue
            default: citations += find(in: block, blockIndex: index, source: source)
            }
        }
        return citations
    }

    /// Citations in one block.
    public func find(in block: TextBlock, blockIndex: Int, source: [UInt8]? = nil) -> [Citation] {
        var scan = BlockScan(block: block, blockIndex: blockIndex, finder: self, source: source)
        scan.run()
        return scan.citations.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    }
}

/// The state of scanning one block.
struct BlockScan {
    let block: TextBlock
    let blockIndex: Int
    let finder: CitationFinder
    let text: ScanText
    let sentences: SentenceSplitter
    let superscripts: [Range<Int>]
    /// The file's bytes, when known.
    let source: [UInt8]?
    var citations: [Citation] = []
    /// Ranges already taken by a citation, in the order found (narrative scanning skips them).
    var covered: [Range<Int>] = []
    /// The number the next item of a `(1) … (2) …` enumeration in this block would have.
    var enumerationNext: Int?

    init(block: TextBlock, blockIndex: Int, finder: CitationFinder, source: [UInt8]? = nil) {
        self.source = source
        self.block = block
        self.blockIndex = blockIndex
        self.finder = finder
        text = ScanText(block.text)
        let count = text.count
        superscripts = block.superscripts
            .map { max(0, min($0.lowerBound, count))..<max(0, min($0.upperBound, count)) }
            .filter { !$0.isEmpty }
            .sorted { $0.lowerBound < $1.lowerBound }
        sentences = SentenceSplitter(text, superscripts: superscripts)
    }

    mutating func run() {
        scanMarkupSuperscripts()
        scanMarkers()
        scanNarrative()
        assignStudyTypes()
    }

    // MARK: Building citations

    func sourceRange(_ range: Range<Int>) -> Range<Int> {
        let map = block.sourceMap
        let start = map.sourceOffset(forDerived: range.lowerBound)
        let end = range.isEmpty ? start : map.sourceOffset(forDerived: range.upperBound - 1) + 1
        return start..<max(start, end)
    }

    func claim<V>(_ value: V, _ range: Range<Int>) -> Claim<V> {
        Claim(value: value, text: text.string(range), sourceRange: sourceRange(range))
    }

    mutating func add(_ kind: Citation.Kind, _ range: Range<Int>, claims: CitationClaims = CitationClaims()) {
        citations.append(
            Citation(
                kind: kind, text: text.string(range), blockIndex: blockIndex, range: range,
                sourceRange: sourceRange(range), sentence: sentences.sentence(at: range.lowerBound), claims: claims))
        if kind != .mention { covered.append(range) }
    }

    // MARK: Numbered markers

    /// `<sup>1</sup>`, `^2,3^`, `<sup>[4–6]</sup>`: superscript ranges holding only numbers.
    mutating func scanMarkupSuperscripts() {
        for range in superscripts {
            // `text <sup>1</sup>` may stand after a space; `10<sup>6</sup>` and `m<sup>2</sup>` are not markers.
            let spaced = text.scalar(before: range.lowerBound).map { ScanText.isSpace($0.scalar) } ?? true
            // A superscript linking to a note in the page (`up<sup><a href="#ref1">1</a></sup>`) is a marker wherever it stands.
            let linkedToNote = block.links.contains { $0.url.hasPrefix("#") && $0.textRange.overlaps(range) }
            guard range.count <= 60, spaced || linkedToNote || !followsDigitOrUnit(range.lowerBound) else { continue }
            if footnoteReference(range) { continue }
            var tokens = text.tokens(in: range)
            tokens.removeAll { $0.kind == .punct && ["[", "]", "(", ")"].contains($0.text) }
            guard let numbers = NumberList.parse(tokens) else { continue }
            add(.numbered(numbers: numbers, form: .superscript), range)
        }
    }

    /// A superscript that is a footnote reference: written `[^name]` in the source, or holding a footnote name
    /// of the list. Adds it and returns true.
    mutating func footnoteReference(_ range: Range<Int>) -> Bool {
        let name = text.string(range).citationTrimmed()
        guard !name.isEmpty, name.utf8.count <= 80, !name.unicodeScalars.contains(where: ScanText.isSpace) else { return false }
        let start = sourceRange(range)
        if let source, start.lowerBound >= 2, start.upperBound < source.count,
            source[start.lowerBound - 2] == 0x5B, source[start.lowerBound - 1] == 0x5E, source[start.upperBound] == 0x5D
        {
            let written = start.lowerBound - 2..<start.upperBound + 1
            citations.append(
                Citation(
                    kind: .footnote(name: name), text: "[^\(name)]", blockIndex: blockIndex, range: range,
                    sourceRange: written, sentence: sentences.sentence(at: range.lowerBound)))
            covered.append(range)
            return true
        }
        if finder.footnoteNames.contains(name.lowercased()), Int(name) == nil {
            add(.footnote(name: name), range)
            return true
        }
        return false
    }

    /// True when offset `i` follows a digit (`10⁶`) or a word of one or two letters (`m²`, `cm³`, `R²`, `χ²`).
    func followsDigitOrUnit(_ i: Int) -> Bool {
        guard let (s, start) = text.scalar(before: i) else { return true }
        if ScanText.isDigit(s) || ScanText.isSpace(s) { return true }
        guard ScanText.isLetter(s) else { return false }
        var letters = 1
        var j = start
        while let (t, st) = text.scalar(before: j), ScanText.isLetter(t), letters < 3 {
            letters += 1
            j = st
        }
        return letters <= 2
    }

    func inSuperscript(_ i: Int) -> Range<Int>? {
        // Few superscripts per block: a linear probe over a sorted array from a binary search.
        var low = 0
        var high = superscripts.count
        while low < high {
            let mid = (low + high) / 2
            if superscripts[mid].upperBound <= i { low = mid + 1 } else { high = mid }
        }
        if low < superscripts.count, superscripts[low].contains(i) { return superscripts[low] }
        return nil
    }

    mutating func scanMarkers() {
        let bytes = text.bytes
        var i = 0
        while i < bytes.count {
            if let sup = inSuperscript(i) {
                i = sup.upperBound
                continue
            }
            switch bytes[i] {
            case 0x5B:  // [
                if let end = footnote(at: i) ?? bracketMarker(at: i) {
                    i = end
                    continue
                }
            case 0x28:  // (
                if let end = parenthesis(at: i) {
                    i = end
                    continue
                }
            case 0xC2, 0xE2:
                if let end = unicodeSuperscript(at: i) {
                    i = end
                    continue
                }
            default: break
            }
            i += 1
        }
    }

    /// `[^name]`
    mutating func footnote(at i: Int) -> Int? {
        let bytes = text.bytes
        guard i + 3 < bytes.count, bytes[i + 1] == 0x5E else { return nil }
        var j = i + 2
        while j < bytes.count, j - i < 80 {
            let b = bytes[j]
            if b == 0x5D {
                guard j > i + 2 else { return nil }
                add(.footnote(name: text.string(i + 2..<j)), i..<j + 1)
                return j + 1
            }
            if b == 0x20 || b == 0x0A || b == 0x5B || b == 0x09 { return nil }
            j += 1
        }
        return nil
    }

    /// `[1]`, `[2, 3]`, `[4–6]`, `[1, 4-6]`, `[ref. 3]`
    mutating func bracketMarker(at i: Int) -> Int? {
        guard let end = SentenceSplitter.numericBracketEnd(text, at: i) else {
            var j = i + 1
            while j < text.count, j - i < 40, text.bytes[j] != 0x5D, text.bytes[j] != 0x5B { j += 1 }
            guard j < text.count, text.bytes[j] == 0x5D, let numbers = NumberList.parseReferenceWord(text.tokens(in: i + 1..<j)) else { return nil }
            add(.numbered(numbers: numbers, form: .bracket), i..<j + 1)
            return j + 1
        }
        let tokens = text.tokens(in: i + 1..<end - 1)
        guard let numbers = NumberList.parse(tokens),
            numbers.allSatisfy({ $0 <= 999 || finder.entryNumbers.contains($0) })
        else { return nil }
        add(.numbered(numbers: numbers, form: .bracket), i..<end)
        return end
    }

    /// `¹²`, `¹⁻³`, `¹,²`
    mutating func unicodeSuperscript(at i: Int) -> Int? {
        guard let (first, _) = text.scalar(at: i), ScanText.isSuperscriptDigit(first) else { return nil }
        var groups: [[Int]] = [[]]  // digits of each number, a range joins two numbers
        var rangeAfter: Set<Int> = []  // group indices followed by a range dash
        var j = i
        while j < text.count, let (s, n) = text.scalar(at: j) {
            if let d = ScanText.superscriptDigit(s) {
                groups[groups.count - 1].append(d)
                j += n
            } else if s == "\u{207B}" || s == "," || s == "\u{02D2}" || s == "\u{22C5}",
                let (next, _) = text.scalar(at: j + n), ScanText.isSuperscriptDigit(next),
                !(groups.last?.isEmpty ?? true)
            {
                if s == "\u{207B}" { rangeAfter.insert(groups.count - 1) }
                groups.append([])
                j += n
            } else {
                break
            }
        }
        guard !followsDigitOrUnit(i) else { return j }
        var values: [Int] = []
        var pendingRangeStart: Int?
        for (g, digits) in groups.enumerated() {
            guard !digits.isEmpty, digits.count <= 3 else { return j }
            let whole = digits.reduce(0) { $0 * 10 + $1 }
            var read: [Int]
            if digits.count == 1 || finder.entryNumbers.contains(whole) || pendingRangeStart != nil || rangeAfter.contains(g) {
                read = [whole]
            } else if digits.allSatisfy({ finder.entryNumbers.contains($0) }) {
                read = digits
            } else {
                read = [whole]
            }
            if let start = pendingRangeStart, let end = read.first {
                values += NumberList.expand(start, end).dropFirst()
                pendingRangeStart = nil
                read.removeFirst()
            }
            values += read
            if rangeAfter.contains(g) { pendingRangeStart = values.last }
        }
        guard !values.isEmpty, !values.contains(0) else { return j }
        add(.numbered(numbers: values, form: .unicodeSuperscript), i..<j)
        return j
    }

    // MARK: Parentheses

    /// `(Feder et al., 2014; Duman, 2014)`, `Feder and Charney (2014)`, `(2, 3)`.
    mutating func parenthesis(at i: Int) -> Int? {
        let bytes = text.bytes
        var j = i + 1
        while j < bytes.count, j - i < 400, bytes[j] != 0x29 {
            if bytes[j] == 0x28 { return nil }
            j += 1
        }
        guard j < bytes.count, bytes[j] == 0x29, j > i + 1 else { return nil }
        let inner = i + 1..<j
        let end = j + 1
        let tokens = text.tokens(in: inner)
        if parentheticalAuthorYear(tokens, paren: i..<end) { return end }
        if let numbers = NumberList.parseReferenceWord(tokens) {
            add(.numbered(numbers: numbers, form: .parenthesis), i..<end)
            return end
        }
        if yearsOnly(tokens), narrativeAuthorYear(tokens, paren: i..<end) { return end }
        if let numbers = NumberList.parse(tokens), numbers.count == 1, let n = numbers.first,
            opensEnumeration(i) || n == enumerationNext
        {
            // `(1) … (2) …`: an enumeration, not markers.
            enumerationNext = n + 1
            return end
        }
        if finder.listIsNumbered, let numbers = NumberList.parse(tokens),
            numbers.allSatisfy({ finder.entryNumbers.contains($0) })
        {
            add(.numbered(numbers: numbers, form: .parenthesis), i..<end)
            return end
        }
        return nil
    }

    /// `(1)` at the start of a sentence or after `:` is an enumeration, not a marker.
    func opensEnumeration(_ i: Int) -> Bool {
        let before = text.skipSpacesBack(from: i, to: 0)
        guard let (s, _) = text.scalar(before: before) else { return true }
        if s == ":" || s == ";" { return true }
        return sentences.starts[sentences.sentence(at: i)] == i
    }

    func yearsOnly(_ tokens: [TextToken]) -> Bool {
        !tokens.isEmpty && tokens.allSatisfy { $0.year != nil || ($0.kind == .punct && ($0.text == "," || $0.text == ";")) }
            && tokens.first?.year != nil
    }
}

/// Lists of marker numbers: `2, 3`, `4–6`, `1, 4-6`.
enum NumberList {
    /// The largest range expanded; longer ranges keep their two ends.
    static let maxRange = 200

    static func expand(_ a: Int, _ b: Int) -> [Int] {
        guard b > a else { return a == b ? [a] : [a, b] }
        guard b - a <= maxRange else { return [a, b] }
        return Array(a...b)
    }

    /// `ref. 3`, `refs 2, 3`, `reference 4`: a number list after a word saying so.
    static func parseReferenceWord(_ tokens: [TextToken]) -> [Int]? {
        guard let first = tokens.first, ["ref", "refs", "reference", "references"].contains(first.lower) else { return nil }
        var rest = tokens.dropFirst()
        if rest.first?.text == "." { rest = rest.dropFirst() }
        return parse(Array(rest))
    }

    /// The numbers of `tokens`, or nil when they are not a plain number list.
    static func parse(_ tokens: [TextToken]) -> [Int]? {
        var numbers: [Int] = []
        var k = 0
        var expectNumber = true
        var rangeStart: Int?
        while k < tokens.count {
            let t = tokens[k]
            if expectNumber {
                guard t.kind == .number, t.text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), t.text.utf8.count <= 4,
                    let value = Int(t.text), value > 0
                else { return nil }
                if let start = rangeStart {
                    numbers += expand(start, value).dropFirst()
                    rangeStart = nil
                } else {
                    numbers.append(value)
                }
                expectNumber = false
            } else {
                guard t.kind == .punct else { return nil }
                if t.text == "," || t.text == ";" {
                } else if let s = t.text.unicodeScalars.first, ScanText.isDash(s), rangeStart == nil {
                    rangeStart = numbers.last
                } else {
                    return nil
                }
                expectNumber = true
            }
            k += 1
        }
        return numbers.isEmpty || expectNumber ? nil : numbers
    }
}

extension String {
    /// Without leading and trailing spaces and line breaks.
    func citationTrimmed() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !ScanText.isSpace($0) }),
            let last = scalars.lastIndex(where: { !ScanText.isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}
