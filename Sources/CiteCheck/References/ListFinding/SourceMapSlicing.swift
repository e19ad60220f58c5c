extension SourceMap {
    /// The map of the derived bytes `range`, re-based so that offset 0 is `range.lowerBound`.
    public func slice(_ range: Range<Int>) -> SourceMap {
        var result = SourceMap(anchors: [Anchor(derived: 0, source: sourceOffset(forDerived: range.lowerBound))])
        var low = 0
        var high = anchors.count
        while low < high {
            let mid = (low + high) / 2
            if anchors[mid].derived <= range.lowerBound { low = mid + 1 } else { high = mid }
        }
        var k = low
        while k < anchors.count, anchors[k].derived < range.upperBound {
            result.append(derived: anchors[k].derived - range.lowerBound, source: anchors[k].source)
            k += 1
        }
        return result
    }
}
