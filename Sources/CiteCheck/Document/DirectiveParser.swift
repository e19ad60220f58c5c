/// Reads citecheck suppression directives: `citecheck-disable-next-line RULE[, RULE…]`,
/// `citecheck-disable RULE`, `citecheck-enable RULE` (no rule: every rule).
enum DirectiveParser {
    /// Parses the text of an HTML comment (without `<!--` and `-->`), or a whole plain-text line.
    /// Returns nil unless the text is exactly one directive (prose that starts with the keyword is not one).
    static func parse(_ bytes: ArraySlice<UInt8>, line: Int) -> SuppressionDirective? {
        let text = String(decoding: bytes, as: UTF8.self)
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "," })
        guard let first = words.first else { return nil }
        let action: SuppressionDirective.Action
        switch first.lowercased() {
        case "citecheck-disable-next-line": action = .disableNextLine
        case "citecheck-disable": action = .disable
        case "citecheck-enable": action = .enable
        default: return nil
        }
        // Rule ids are lowercase words joined by hyphens (`ref-…`, `cite-…`); `all` names every rule.
        var rules: [String] = []
        for word in words.dropFirst() {
            if word.lowercased() == "all" { continue }
            guard word.contains("-"), word.utf8.allSatisfy({ ByteClass.isASCIIAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") })
            else { return nil }
            rules.append(String(word))
        }
        return SuppressionDirective(action: action, rules: rules, line: line)
    }

    /// True when the bytes start with `citecheck-` (a cheap pre-check).
    static func mayBeDirective(_ bytes: [UInt8], from: Int, to end: Int) -> Bool {
        let prefix = Array("citecheck-".utf8)
        guard end - from >= prefix.count else { return false }
        for k in 0..<prefix.count where ByteClass.lowercased(bytes[from + k]) != prefix[k] { return false }
        return true
    }
}
