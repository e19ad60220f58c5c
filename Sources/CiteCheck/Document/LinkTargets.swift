/// Which link targets a reader keeps visible: bibliographic identifiers (DOI, PubMed, PMC), which references
/// often carry only as a link.
enum LinkTargets {
    static func isBibliographic(_ url: ArraySlice<UInt8>) -> Bool {
        let lower = String(decoding: url, as: UTF8.self).lowercased()
        return lower.contains("doi.org/") || lower.hasPrefix("doi:") || lower.hasPrefix("10.")
            || lower.contains("pubmed") || lower.contains("ncbi.nlm.nih.gov/pmc") || lower.contains("europepmc.org")
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
