/// A place in a source file: 1-based line and 1-based column.
///
/// Columns count Unicode scalars (code points) from the start of the line, so a line that starts
/// with `é` or `“` puts the next character in column 2, whatever its UTF-8 length. A byte order mark
/// at the start of a file is not counted. CR LF, LF and a lone CR each end a line.
public struct SourcePosition: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A span in a source file, from `start` (inclusive) to `end` (exclusive).
public struct SourceRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}
