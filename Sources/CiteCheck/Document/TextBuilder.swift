/// Accumulates the derived text of one block together with its `SourceMap` and the source span it covers.
///
/// Verbatim pieces are copied from the source bytes and share an anchor while they stay contiguous;
/// replaced pieces (decoded entities, joined line breaks, collapsed whitespace) get an anchor of their own.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    private(set) var map = SourceMap()
    /// Source offset right after the last verbatim byte, when the next verbatim byte may continue the anchor.
    private var contiguousSourceEnd: Int?
    /// Source offset of the first non-whitespace piece.
    private(set) var sourceStart: Int?
    /// Source offset just past the last non-whitespace piece.
    private(set) var sourceEnd: Int?
    var superscripts: [Range<Int>] = []

    var isEmpty: Bool { bytes.isEmpty }
    var count: Int { bytes.count }
    var lastByte: UInt8? { bytes.last }

    /// Room for a typical block, taken at the first append: growing from empty would reallocate several times
    /// per block.
    private mutating func reserveOnce() {
        guard bytes.capacity == 0 else { return }
        bytes.reserveCapacity(256)
        map.reserveCapacity(16)
    }

    /// Appends `source[range]` unchanged.
    mutating func appendVerbatim(_ source: [UInt8], _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        reserveOnce()
        if contiguousSourceEnd != range.lowerBound {
            map.append(derived: bytes.count, source: range.lowerBound)
        }
        bytes.append(contentsOf: source[range])
        contiguousSourceEnd = range.upperBound
        noteSpan(range, isSpace: source[range].allSatisfy(ByteClass.isSpace))
    }

    /// Appends `replacement`, which stands for the source bytes `sourceRange`.
    mutating func appendReplacement(_ replacement: [UInt8], for sourceRange: Range<Int>) {
        guard !replacement.isEmpty else { return }
        reserveOnce()
        map.append(derived: bytes.count, source: sourceRange.lowerBound)
        bytes.append(contentsOf: replacement)
        contiguousSourceEnd = nil
        noteSpan(sourceRange, isSpace: replacement.allSatisfy(ByteClass.isSpace))
    }

    /// Appends a line break standing for the source line end at `offset`; nothing at the start of the text
    /// or right after another break.
    mutating func appendLineBreak(at offset: Int) {
        guard let last = bytes.last, last != 0x0A else { return }
        if last == 0x20 || last == 0x09 {
            trimTrailingWhitespace()
            guard !bytes.isEmpty else { return }
        }
        appendReplacement([0x0A], for: offset..<(offset + 1))
    }

    /// Marks a source span as belonging to the block without adding text (a list marker, `#` of a heading).
    mutating func extendSpan(to range: Range<Int>) {
        if sourceStart == nil || range.lowerBound < (sourceStart ?? 0) { sourceStart = range.lowerBound }
        if sourceEnd == nil || range.upperBound > (sourceEnd ?? 0) { sourceEnd = range.upperBound }
    }

    private mutating func noteSpan(_ range: Range<Int>, isSpace: Bool) {
        guard !isSpace else { return }
        if sourceStart == nil { sourceStart = range.lowerBound }
        if sourceEnd.map({ range.upperBound > $0 }) ?? true { sourceEnd = range.upperBound }
    }

    /// Removes trailing spaces, tabs and line breaks.
    mutating func trimTrailingWhitespace() {
        var end = bytes.count
        while end > 0, ByteClass.isSpace(bytes[end - 1]) { end -= 1 }
        guard end < bytes.count else { return }
        bytes.removeSubrange(end...)
        contiguousSourceEnd = nil
        superscripts = superscripts.compactMap { range in
            let clipped = range.clamped(to: 0..<end)
            return clipped.isEmpty ? nil : clipped
        }
    }

    /// The map with anchors past the end of the text dropped.
    var finishedMap: SourceMap {
        let limit = max(bytes.count, 1)
        // Anchors are sorted: only a map whose last anchor is past the end needs a copy.
        guard let last = map.anchors.last, last.derived >= limit else { return map }
        return SourceMap(anchors: map.anchors.filter { $0.derived < limit })
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Byte classes used by the readers (ASCII only: every markup character is ASCII).
enum ByteClass {
    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { isDigit(byte) || isASCIILetter(byte) }
    /// Letters and digits, counting every non-ASCII byte as a letter (for intraword `_`).
    static func isWordByte(_ byte: UInt8) -> Bool { isASCIIAlphanumeric(byte) || byte >= 0x80 }
    static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (byte >= 0x21 && byte <= 0x2F) || (byte >= 0x3A && byte <= 0x40) || (byte >= 0x5B && byte <= 0x60) || (byte >= 0x7B && byte <= 0x7E)
    }
    static func lowercased(_ byte: UInt8) -> UInt8 { (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte }
}

/// Finds the next occurrence of a byte sequence, remembering the last answer so that repeated searches
/// from increasing positions stay linear overall (`[[[[…` or `<<<<…` on a 1 MB line).
struct ForwardFinder {
    let needle: [UInt8]
    let caseInsensitive: Bool
    private var lastFrom = Int.max
    private var lastFound: Int?

    init(_ needle: String, caseInsensitive: Bool = false) {
        self.needle = Array(needle.utf8).map { caseInsensitive ? ByteClass.lowercased($0) : $0 }
        self.caseInsensitive = caseInsensitive
    }

    /// The first index `>= from` and `< limit` where the needle starts, or nil. Searches always run to the
    /// end of `bytes` so the answer can be reused by the next search from a later position.
    mutating func find(in bytes: [UInt8], from: Int, limit: Int? = nil) -> Int? {
        let end = limit ?? bytes.count
        let result: Int?
        if from >= lastFrom, lastFound.map({ $0 >= from }) ?? true {
            result = lastFound
        } else {
            result = search(bytes, from: from, end: bytes.count)
            lastFrom = from
            lastFound = result
        }
        guard let found = result, found < end else { return nil }
        return found
    }

    private func search(_ bytes: [UInt8], from: Int, end: Int) -> Int? {
        guard let first = needle.first, from >= 0 else { return nil }
        var i = from
        let last = min(end, bytes.count) - needle.count
        while i <= last {
            let b = caseInsensitive ? ByteClass.lowercased(bytes[i]) : bytes[i]
            if b == first {
                var k = 1
                while k < needle.count {
                    let c = caseInsensitive ? ByteClass.lowercased(bytes[i + k]) : bytes[i + k]
                    if c != needle[k] { break }
                    k += 1
                }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
