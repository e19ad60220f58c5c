/// Bounds a `XMLStreamReader` enforces on its input.
public struct XMLReaderLimits: Hashable, Sendable {
    /// Most bytes the parser may read, counted after gzip decompression.
    public var maxBytes: Int
    /// Deepest element nesting allowed (the root element is at depth 1).
    public var maxDepth: Int

    /// 256 MB and 256 levels: a full MEDLINE baseline file (about 175 MB) fits.
    public static let `default` = XMLReaderLimits(maxBytes: 256 * 1024 * 1024, maxDepth: 256)

    public init(maxBytes: Int, maxDepth: Int) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
    }
}
