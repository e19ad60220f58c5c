/// Whitespace clean-up for text read from XML.
enum TextNormalizer {
    /// Collapses each run of XML whitespace (space, tab, CR, LF) and non-breaking space into one space and trims
    /// both ends.
    static func collapse(_ text: String) -> String {
        if isCollapsed(text) { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace {
                    result.unicodeScalars.append(" ")
                    pendingSpace = false
                }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `collapse` would give `text` back unchanged: no tab, CR, LF or non-breaking space (C2 A0), no two
    /// spaces in a row, no space at either end. Most element texts of a MEDLINE file are, and checking their bytes
    /// costs much less than rebuilding them scalar by scalar.
    static func isCollapsed(_ text: String) -> Bool {
        if let result = text.utf8.withContiguousStorageIfAvailable(isCollapsed) { return result }
        return Array(text.utf8).withUnsafeBufferPointer(isCollapsed)
    }

    private static func isCollapsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if first == 0x20 || last == 0x20 { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case 0x09, 0x0A, 0x0D: return false
            case 0x20 where previous == 0x20: return false
            case 0xA0 where previous == 0xC2: return false
            default: previous = byte
            }
        }
        return true
    }
}
