#if canImport(Glibc)
    import Glibc
#endif

/// An NCBI API key. Its text is reachable only inside this module (to put it on requests): every
/// description, debug description and mirror shows `[redacted]`.
public struct NCBIAPIKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key as NCBI issued it. Internal on purpose: nothing outside the client needs to read it.
    let value: String

    /// A key from `text` (surrounding white space trimmed); nil when empty or when it contains
    /// white space or control characters inside.
    public init?(_ text: String) {
        let trimmed = text.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
            return nil
        }
        value = trimmed
    }

    /// The key in environment variable `name` (`NCBI_API_KEY`), if set and well-formed.
    public static func fromEnvironment(_ name: String = "NCBI_API_KEY") -> NCBIAPIKey? {
        guard let raw = getenv(name) else { return nil }
        return NCBIAPIKey(String(cString: raw))
    }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "NCBIAPIKey([redacted])" }
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

extension String {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
