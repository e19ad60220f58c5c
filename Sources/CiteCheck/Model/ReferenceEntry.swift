/// Maps UTF-8 byte offsets in a derived text (markup stripped, entities decoded, wrapped lines joined)
/// back to positions in the original file. Built by the document readers; every later stage keeps it,
/// so a finding about a word in a reference points at that word in the file.
public struct SourceMap: Hashable, Sendable {
    /// Anchors sorted by `derived`: from an anchor until the next one, derived and source offsets advance
    /// together byte for byte (text copied verbatim). A replaced piece (an entity, a joined line break)
    /// gets an anchor of its own.
    public struct Anchor: Hashable, Sendable {
        public var derived: Int
        public var source: Int
        public init(derived: Int, source: Int) {
            self.derived = derived
            self.source = source
        }
    }

    public private(set) var anchors: [Anchor]

    public init(anchors: [Anchor] = []) {
        self.anchors = anchors
    }

    /// A map for text copied verbatim from `sourceOffset` onwards.
    public init(verbatimFrom sourceOffset: Int) {
        self.anchors = [Anchor(derived: 0, source: sourceOffset)]
    }

    mutating func reserveCapacity(_ count: Int) {
        anchors.reserveCapacity(count)
    }

    public mutating func append(derived: Int, source: Int) {
        if let last = anchors.last, last.derived == derived {
            anchors[anchors.count - 1].source = source
        } else {
            anchors.append(Anchor(derived: derived, source: source))
        }
    }

    /// The source byte offset of the derived byte offset `offset`.
    public func sourceOffset(forDerived offset: Int) -> Int {
        guard !anchors.isEmpty else { return offset }
        var low = 0
        var high = anchors.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if anchors[mid].derived <= offset { low = mid } else { high = mid - 1 }
        }
        let anchor = anchors[low]
        return anchor.source + max(0, offset - anchor.derived)
    }
}

/// One entry of a reference list, as the splitter found it, before parsing.
public struct ReferenceEntry: Hashable, Sendable {
    /// 1-based position of the entry in the list.
    public var index: Int
    /// The label exactly as written: `1.`, `1)`, `[1]`, `(1)`, `-`, `•`, `[^1]:`; nil when the entry has none.
    public var label: String?
    /// The number in the label, when it has one (`3` for `[3]`); kept as written even when it skips or repeats.
    public var number: Int?
    /// The footnote name for Markdown footnote definitions (`1` for `[^1]:`, `feder` for `[^feder]:`).
    public var footnoteName: String?
    /// The reference text: label removed, markup stripped, entities decoded, wrapped lines joined by one space.
    public var text: String
    /// Maps UTF-8 offsets in `text` to byte offsets in the file.
    public var sourceMap: SourceMap
    /// Where the entry stands in the file, label included.
    public var range: SourceRange
    /// Which of the post's lists the entry belongs to (0-based, in file order): numbering is checked per list.
    public var listIndex: Int
    /// The links in the entry, with ranges in `text`.
    public var links: [TextLink]

    public init(
        index: Int, label: String?, number: Int?, footnoteName: String? = nil, text: String, sourceMap: SourceMap, range: SourceRange,
        listIndex: Int = 0, links: [TextLink] = []
    ) {
        self.index = index
        self.listIndex = listIndex
        self.links = links
        self.label = label
        self.number = number
        self.footnoteName = footnoteName
        self.text = text
        self.sourceMap = sourceMap
        self.range = range
    }
}

/// An entry together with the fields parsed from its text.
extension Array where Element == Reference {
    /// The reference at 1-based list position `index`. Entries are numbered by position, so that slot is tried
    /// first (a search per lookup was quadratic in long lists); the search is only a fallback.
    public func reference(at index: Int) -> Reference? {
        if indices.contains(index - 1), self[index - 1].entry.index == index { return self[index - 1] }
        return first { $0.entry.index == index }
    }
}

public struct Reference: Hashable, Sendable {
    public var entry: ReferenceEntry
    public var parsed: ParsedReference

    public init(entry: ReferenceEntry, parsed: ParsedReference) {
        self.entry = entry
        self.parsed = parsed
    }
}

extension ReferenceEntry {
    /// How messages name the entry: as the post prints it (`reference 13` for the entry labelled `13.`, `footnote
    /// [^smith]` for a footnote), by position only when it has no number.
    public var displayName: String {
        if let footnoteName { return "footnote [^\(footnoteName)]" }
        return "reference \(number ?? index)"
    }
}
