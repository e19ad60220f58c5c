/// Which link targets a reader keeps visible: bibliographic identifiers (DOI, PubMed, PMC), which references
/// often carry only as a link.
enum LinkTargets {
    static func isBibliographic(_ url: ArraySlice<UInt8>) -> Bool {
        let lower = url.map(ByteClass.lowercased)
        return lower.starts(with: Array("doi:".utf8)) || lower.starts(with: Array("10.".utf8))
            || contains(lower, "doi.org/") || contains(lower, "pubmed") || contains(lower, "ncbi.nlm.nih.gov/pmc")
            || contains(lower, "europepmc.org")
    }

    private static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        return needle.withUTF8Buffer { needle in
            let first = needle[0]
            for i in 0...(haystack.count - count) where haystack[i] == first {
                var k = 1
                while k < count, haystack[i + k] == needle[k] { k += 1 }
                if k == count { return true }
            }
            return false
        }
    }

    /// True when `visible` already shows the target's identifier (its last path component).
    static func isShown(_ url: ArraySlice<UInt8>, in visible: ArraySlice<UInt8>) -> Bool {
        var trimmed = Array(url)
        while let last = trimmed.last, last == UInt8(ascii: "/") { trimmed.removeLast() }
        let slash = trimmed.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
        let key = Array(trimmed[slash...]).map(ByteClass.lowercased)
        guard !key.isEmpty, visible.count >= key.count else { return false }
        let hay = visible.map(ByteClass.lowercased)
        var i = 0
        while i + key.count <= hay.count {
            if hay[i] == key[0], Array(hay[i..<(i + key.count)]) == key { return true }
            i += 1
        }
        return false
    }
}
