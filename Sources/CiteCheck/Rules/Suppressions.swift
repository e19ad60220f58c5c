/// Inline suppressions of a post: answers "is this finding silenced by a comment?".
///
/// - `citecheck-disable-next-line [RULE…]` silences findings on the next non-blank line after the comment.
///   A finding about a reference counts as being on every line of that reference's entry, so a comment above a
///   wrapped entry silences a finding about a field on the entry's third line.
/// - `citecheck-disable [RULE…]` silences findings starting on later lines until a matching
///   `citecheck-enable [RULE…]` (or the end of the file).
/// - No rule list means every rule.
public struct Suppressions: Sendable {
    /// The post's directives in line order.
    public let directives: [SuppressionDirective]
    /// For each `disable-next-line` directive (by index), the line it applies to.
    private let targetLines: [Int: Int]

    public init(document: Document) {
        let directives = document.directives.sorted { $0.line < $1.line }
        self.directives = directives
        var targets: [Int: Int] = [:]
        let lines = Suppressions.blankLines(of: document.source)
        for (index, directive) in directives.enumerated() where directive.action == .disableNextLine {
            var line = directive.line + 1
            while line <= lines.count, lines[line - 1] { line += 1 }
            targets[index] = line
        }
        self.targetLines = targets
    }

    /// True when `diagnostic` is silenced. `entryRange` is the range of the entry the finding is about, if any.
    public func isSuppressed(_ diagnostic: Diagnostic, entryRange: SourceRange? = nil) -> Bool {
        suppressor(of: diagnostic, entryRange: entryRange) != nil
    }

    /// The directive that silences `diagnostic` (the `disable-next-line` above it, else the `disable` in force),
    /// nil when none does.
    public func suppressor(of diagnostic: Diagnostic, entryRange: SourceRange? = nil) -> SuppressionDirective? {
        var firstLine = diagnostic.range.start.line
        var lastLine = max(diagnostic.range.end.line, firstLine)
        if let entryRange {
            firstLine = min(firstLine, entryRange.start.line)
            lastLine = max(lastLine, entryRange.end.line)
        }
        var disabledBy: SuppressionDirective?
        for (index, directive) in directives.enumerated() {
            guard directive.rules.isEmpty || directive.rules.contains(diagnostic.rule) else { continue }
            switch directive.action {
            case .disableNextLine:
                if let target = targetLines[index], (firstLine...lastLine).contains(target) { return directive }
            case .disable:
                if directive.line <= diagnostic.range.start.line { disabledBy = directive }
            case .enable:
                if directive.line <= diagnostic.range.start.line { disabledBy = nil }
            }
        }
        return disabledBy
    }

    /// `result[i]` is true when line `i + 1` of the file holds only white space.
    private static func blankLines(of source: SourceFile) -> [Bool] {
        let bytes = Array(source.text.utf8)
        var result: [Bool] = []
        result.reserveCapacity(source.lineStarts.count)
        for (index, start) in source.lineStarts.enumerated() {
            let end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : bytes.count
            var blank = true
            var offset = start
            while offset < end {
                let byte = bytes[offset]
                if byte != 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D {
                    blank = false
                    break
                }
                offset += 1
            }
            result.append(blank)
        }
        return result
    }
}
