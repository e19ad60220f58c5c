extension Array where Element == UInt8 {
    /// These bytes with each range replaced by its text: the ranges in order and not overlapping, as fixes' edits are.
    func splicing<Edits: Sequence>(_ edits: Edits, range: (Edits.Element) -> Range<Int>, text: (Edits.Element) -> String) -> [UInt8] {
        var spliced: [UInt8] = []
        spliced.reserveCapacity(count + 256)
        var cursor = 0
        for edit in edits {
            let replaced = range(edit)
            spliced += self[cursor..<replaced.lowerBound]
            spliced += text(edit).utf8
            cursor = replaced.upperBound
        }
        spliced += self[cursor...]
        return spliced
    }
}
