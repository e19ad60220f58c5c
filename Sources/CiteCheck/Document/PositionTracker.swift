/// Turns byte offsets into `SourcePosition`s in linear total time when the offsets mostly increase.
///
/// Gives exactly what `SourceFile.position(ofOffset:)` gives, but counts columns from the last answer on the
/// same line instead of from the line start, so a 1 MB single-line post with thousands of blocks stays fast.
public struct PositionTracker {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    private var cachedLine = -1
    private var cachedOffset = 0
    /// Scalars counted in `lineStart..<cachedOffset`.
    private var cachedScalars = 0

    public init(_ source: SourceFile) {
        self.bytes = Array(source.text.utf8)
        self.lineStarts = source.lineStarts
    }

    init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    /// The position of a byte offset, as `SourceFile.position(ofOffset:)` defines it.
    public mutating func position(ofOffset offset: Int) -> SourcePosition {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        if low != cachedLine || clamped < cachedOffset {
            cachedLine = low
            cachedOffset = lineStarts[low]
            cachedScalars = 0
        }
        var index = cachedOffset
        var scalars = cachedScalars
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
            index += 1
        }
        cachedOffset = clamped
        cachedScalars = scalars
        var column = scalars + 1
        if clamped < bytes.count, bytes[clamped] & 0xC0 == 0x80, column > 1 { column -= 1 }
        return SourcePosition(line: low + 1, column: column)
    }

    /// The line (1-based) of a byte offset.
    public func line(ofOffset offset: Int) -> Int {
        let clamped = min(max(0, offset), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return low + 1
    }

    public mutating func range(of range: Range<Int>) -> SourceRange {
        let start = position(ofOffset: range.lowerBound)
        return SourceRange(start: start, end: position(ofOffset: range.upperBound))
    }
}
