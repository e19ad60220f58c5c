extension ReferenceList {
    /// The index of the block holding the heading, when the list has one.
    public func headingBlockIndex(in document: Document) -> Int? {
        guard let headingRange else { return nil }
        var index = min(firstBlockIndex, document.blocks.count - 1)
        while index >= 0 {
            let block = document.blocks[index]
            if block.range.start == headingRange.start { return index }
            if block.range.end <= headingRange.start { return nil }
            index -= 1
        }
        return nil
    }

    /// The blocks that are the post's body text: everything before the heading (or before the list when it has
    /// none). Blocks from `endBlockIndex` on (a closing remark) come after the list and are body text too.
    public func bodyBlockRanges(in document: Document) -> [Range<Int>] {
        let end = headingBlockIndex(in: document) ?? firstBlockIndex
        var ranges = [0..<end]
        if endBlockIndex < document.blocks.count { ranges.append(endBlockIndex..<document.blocks.count) }
        return ranges.filter { !$0.isEmpty }
    }
}
