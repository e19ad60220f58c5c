/// Journal names from the embedded catalog (NLM/Entrez, Index Medicus and life-science lists; CC0).
///
/// A journal's full title, NLM abbreviation and ISO abbreviation share one id:
/// `American Journal of Psychiatry` = `The American journal of psychiatry` = `Am J Psychiatry` =
/// `Am. J. Psychiatry`. Names are looked up by `Normalization.journalKey`, then by the same key with
/// parenthesised qualifiers and subtitles removed.
///
/// The data is three string literals compiled into the binary (`JournalCatalogData`): journals as
/// `Full Title\tAbbreviation` lines, sorted `key\tjournalOffset` lines, and the byte offset where each key
/// line starts (fixed-width hex), over which a lookup is a binary search of the raw UTF-8: nothing to load or
/// parse at start-up. Ids are stable within one build
/// of citecheck, not across catalog regenerations.
public enum JournalCatalog {
    /// The journal's id (same for its full title and its abbreviations), nil when the catalog does not
    /// know the name.
    public static func canonicalID(for name: String) -> Int? {
        if let id = id(forKey: Normalization.journalKey(name)) { return id }
        let stripped = Normalization.strippedJournal(name)
        return stripped == name ? nil : id(forKey: Normalization.journalKey(stripped))
    }

    /// The journal's full title (`American Journal of Psychiatry`), nil when unknown.
    public static func fullTitle(for name: String) -> String? {
        canonicalID(for: name).flatMap { entry(atID: $0)?.fullTitle }
    }

    /// The journal's NLM abbreviation (`Am J Psychiatry`), or the ISO one when NLM has none; nil when unknown.
    public static func abbreviation(for name: String) -> String? {
        canonicalID(for: name).flatMap { entry(atID: $0)?.abbreviation }
    }

    /// True when the catalog knows the name.
    public static func isKnown(_ name: String) -> Bool { canonicalID(for: name) != nil }

    /// Number of journals and of lookup keys in the catalog.
    public static var counts: (journals: Int, keys: Int) {
        (countLines(groupBytes), countLines(keyBytes))
    }

    // MARK: - Raw data access

    static var keyBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: JournalCatalogData.keys.utf8Start, count: JournalCatalogData.keys.utf8CodeUnitCount)
    }

    static var groupBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: JournalCatalogData.groups.utf8Start, count: JournalCatalogData.groups.utf8CodeUnitCount)
    }

    private static let newline = UInt8(ascii: "\n"), tab = UInt8(ascii: "\t")

    static var keyStartBytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: JournalCatalogData.keyStarts.utf8Start, count: JournalCatalogData.keyStarts.utf8CodeUnitCount)
    }

    /// Hex digits per key-line start in `keyStarts`, and starts per line (each line ends in a newline).
    private static let startDigits = 6, startsPerLine = 16

    /// Number of key lines (the entries of `keyStarts`).
    static let keyCount: Int = {
        let n = keyStartBytes.count
        let fullLines = n / (startDigits * startsPerLine + 1)
        let rest = n - fullLines * (startDigits * startsPerLine + 1)
        return fullLines * startsPerLine + rest / startDigits  // the last line has no newline
    }()

    /// The byte offset in `keys` where key line `index` starts.
    @inline(__always)
    private static func keyStart(_ index: Int, _ starts: UnsafeBufferPointer<UInt8>) -> Int {
        var at = (index / startsPerLine) * (startDigits * startsPerLine + 1) + (index % startsPerLine) * startDigits
        var value = 0
        for _ in 0..<startDigits {
            let c = starts[at]
            value = value << 4 | Int(c <= UInt8(ascii: "9") ? c &- UInt8(ascii: "0") : c &- UInt8(ascii: "a") &+ 10)
            at += 1
        }
        return value
    }

    /// Binary search of a journal key among the sorted key lines, through the table of line starts.
    static func id(forKey key: String) -> Int? {
        if key.isEmpty { return nil }
        var key = key
        return key.withUTF8 { query -> Int? in
            let buf = keyBytes
            let line = lowerBound(query)
            guard line < keyCount else { return nil }
            let (start, end) = keyLine(line)
            guard compare(query, buf, start, end) == 0, end < buf.count, buf[end] == tab else { return nil }
            var value = 0
            var i = end + 1
            while i < buf.count, buf[i] >= UInt8(ascii: "0"), buf[i] <= UInt8(ascii: "9") {
                value = value * 10 + Int(buf[i] - UInt8(ascii: "0"))
                i += 1
            }
            return value
        }
    }

    /// How many leading bytes of `key` some catalog key starts with: the longest common prefix of `key` with the
    /// keys either side of where it would sort. A variant of `key` changed only after that many bytes matches no key.
    static func longestKnownPrefix(of key: String) -> Int {
        var key = key
        return key.withUTF8 { query -> Int in
            let buf = keyBytes
            let line = lowerBound(query)
            var longest = 0
            for neighbour in [line - 1, line] where neighbour >= 0 && neighbour < keyCount {
                let start = keyLine(neighbour).start
                var shared = 0
                while shared < query.count, start + shared < buf.count, buf[start + shared] == query[shared] { shared += 1 }
                longest = max(longest, shared)
            }
            return longest
        }
    }

    /// The first key line that sorts at or after `query` (`keyCount` when none does).
    private static func lowerBound(_ query: UnsafeBufferPointer<UInt8>) -> Int {
        let buf = keyBytes
        var lo = 0
        var hi = keyCount
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            let (start, end) = keyLine(mid)
            if compare(query, buf, start, end) <= 0 { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    /// Where key line `index`'s key starts and ends (at its tab) in `keyBytes`.
    @inline(__always)
    private static func keyLine(_ index: Int) -> (start: Int, end: Int) {
        let buf = keyBytes
        let start = keyStart(index, keyStartBytes)
        var end = start
        while end < buf.count && buf[end] != tab && buf[end] != newline { end += 1 }
        return (start, end)
    }

    /// Byte-wise comparison of `query` with `buf[start..<end]`: negative, zero or positive.
    private static func compare(_ query: UnsafeBufferPointer<UInt8>, _ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        let n = min(query.count, end - start)
        var i = 0
        while i < n {
            let a = query[i]
            let b = buf[start + i]
            if a != b { return a < b ? -1 : 1 }
            i += 1
        }
        return query.count - (end - start)
    }

    /// The journal line at `id`: its full title and abbreviation.
    static func entry(atID id: Int) -> (fullTitle: String, abbreviation: String)? {
        let buf = groupBytes
        guard id >= 0, id < buf.count, id == 0 || buf[id - 1] == newline else { return nil }
        var sep = id
        while sep < buf.count && buf[sep] != tab && buf[sep] != newline { sep += 1 }
        guard sep < buf.count, buf[sep] == tab else { return nil }
        var end = sep + 1
        while end < buf.count && buf[end] != newline { end += 1 }
        let full = String(decoding: UnsafeBufferPointer(rebasing: buf[id..<sep]), as: UTF8.self)
        let abbr = String(decoding: UnsafeBufferPointer(rebasing: buf[(sep + 1)..<end]), as: UTF8.self)
        return (full, abbr)
    }

    /// The display forms (full title, abbreviation) of a journal.
    static func forms(ofID id: Int) -> [String] {
        guard let e = entry(atID: id) else { return [] }
        return e.fullTitle == e.abbreviation ? [e.fullTitle] : [e.fullTitle, e.abbreviation]
    }

    /// Every journal id, in catalog order (for tests and tools).
    static func allIDs() -> [Int] {
        let buf = groupBytes
        var ids = buf.isEmpty ? [] : [0]
        for i in 0..<buf.count where buf[i] == newline && i + 1 < buf.count { ids.append(i + 1) }
        return ids
    }

    private static func countLines(_ buf: UnsafeBufferPointer<UInt8>) -> Int {
        if buf.isEmpty { return 0 }
        var n = 1
        for b in buf where b == newline { n += 1 }
        return buf.last == newline ? n - 1 : n
    }
}
