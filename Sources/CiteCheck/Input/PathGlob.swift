#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A path pattern written as `.gitignore`, Ruff and markdownlint write them: `*` any run of characters but `/`,
/// `?` one character but `/`, `[abc]`, `[a-z]`, `[!a]` a class, and `**` as a whole segment any number of folders.
/// A pattern without a `/` (other than a trailing one) matches a file or folder name at any depth; a pattern that
/// matches a folder matches everything below it.
public struct PathGlob: Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written.
    public let pattern: String
    private let segments: [String]

    public init(_ pattern: String) {
        self.pattern = pattern
        var body = pattern
        while body.hasPrefix("./") { body.removeFirst(2) }
        while body.hasSuffix("/") && body.count > 1 { body.removeLast() }
        let anchored = body.hasPrefix("/") || body.contains("/")
        if body.hasPrefix("/") { body.removeFirst() }
        let parts = body.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        segments = anchored ? parts : ["**"] + parts
    }

    public var description: String { pattern }

    /// True when `path` (relative, `/`-separated) is the pattern or lies below a folder the pattern matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        guard !parts.isEmpty else { return false }
        for count in 1...parts.count where Self.match(segments[...], parts[..<count]) { return true }
        return false
    }

    /// True when `path` is exactly what the pattern describes (not something below it): for expanding a pattern
    /// the user typed into files.
    public func matchesExactly(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init).filter { $0 != "." }
        return Self.match(segments[...], parts[...])
    }

    /// True when the text holds a wildcard (`*`, `?` or `[`).
    public static func isPattern(_ text: String) -> Bool {
        text.contains("*") || text.contains("?") || text.contains("[")
    }

    private static func match(_ pattern: ArraySlice<String>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        if head == "**" {
            let rest = pattern.dropFirst()
            var remaining = path
            while true {
                if match(rest, remaining) { return true }
                guard !remaining.isEmpty else { return false }
                remaining = remaining.dropFirst()
            }
        }
        guard let name = path.first, fnmatch(head, name, 0) == 0 else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }
}
