/// The bounds a post must keep to. Every step after them is linear in the input, so they exist to turn a file
/// that is not a blog post (a database dump, a runaway generated list) into one clear message rather than a run
/// of minutes; real posts are far inside them. `docs/limits.md` lists them with what happens past each.
///
/// Set in `.citecheck.toml` under `[limits]` (`max-file-size`, `max-entries`, `max-entry-length`) or with the
/// options of the same names, which win over the file.
public struct InputLimits: Sendable, Equatable {
    /// Posts larger than this many bytes are refused with a one-line error (exit 2).
    public var maxFileSize: Int
    /// A reference list with more entries than this is refused with a one-line error (exit 2).
    public var maxEntries: Int
    /// An entry longer than this many bytes of UTF-8 is not parsed; `RefUnparsedRule` reports it with its length.
    public var maxEntryLength: Int

    /// 64 MiB per post, 100,000 entries per list, 64 KiB per entry (the longest of 140,000 real reference strings
    /// is about 4 KB).
    public init(maxFileSize: Int = 64 * 1024 * 1024, maxEntries: Int = 100_000, maxEntryLength: Int = 64 * 1024) {
        self.maxFileSize = maxFileSize
        self.maxEntries = maxEntries
        self.maxEntryLength = maxEntryLength
    }

    public static let `default` = InputLimits()

    /// These limits with the ones given (the command line's) put in place of their own.
    public func overridden(maxFileSize: Int?, maxEntries: Int?, maxEntryLength: Int?) -> InputLimits {
        InputLimits(
            maxFileSize: maxFileSize ?? self.maxFileSize, maxEntries: maxEntries ?? self.maxEntries,
            maxEntryLength: maxEntryLength ?? self.maxEntryLength
        )
    }
}
