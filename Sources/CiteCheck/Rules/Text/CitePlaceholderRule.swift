/// `cite-placeholder`: a citation placeholder left unfilled in the text: `(source)`, `[citation needed]`,
/// `(ref)`, `[?]`, `[cite]`, `(Quelle)`, `[TK]`.
///
/// Only the post's own prose is read: not code (inline or block), not block quotes, not the reference lists.
/// A placeholder is matched whole, brackets included, so `(sources: WHO)` or `arr[2]` never match.
public struct CitePlaceholderRule: Rule {
    public static let description = RuleDescription(
        id: "cite-placeholder",
        defaultSeverity: .warning,
        summary: "A citation placeholder was left in the text: `(source)`, `[citation needed]`, `(ref)`, `[?]`.",
        rationale: """
            Writers mark a claim that still needs its source with a placeholder and fill it in later. One left in \
            a published post tells readers the claim has no source. Cite the study, or soften the claim.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Vitamin D

                Most adults in northern Europe are deficient in winter ↓(source).

                Supplements halve the risk of falls ↓[citation needed], some say.
                """, format: .markdown),
            RuleExample(
                """
                Sleep

                Teenagers need nine hours of sleep ↓[?] and get seven [1].

                References

                1. Owens J. Insufficient sleep in adolescents and young adults: an update on causes and consequences. Pediatrics. 2014;134(3):e921-e932.
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Sleep

                Teenagers need nine hours of sleep (sources: the AAP and the NSF) [1]. In code, `refs[2]` and
                `(ref)` are not text.

                > The quoted writer left one [citation needed] in their own post.

                References

                1. Owens J. Insufficient sleep in adolescents and young adults: an update on causes and consequences. Pediatrics. 2014;134(3):e921-e932.
                """, format: .markdown)
        ]
    )

    /// The placeholders, lowercased, brackets included.
    static let placeholders: [String] = {
        let words = [
            "source", "sources", "ref", "refs", "reference", "citation", "citation needed", "cite", "needs citation",
            "?", "??", "tk", "todo", "quelle", "quellen", "fuente", "cita", "nachweis",
        ]
        return words.flatMap { ["(\($0))", "[\($0)]"] }
    }()

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let document = context.document
        let listBlocks = context.listBlockIndices
        let source = Array(document.source.text.utf8)
        var diagnostics: [Diagnostic] = []
        for (index, block) in document.blocks.enumerated() where !listBlocks.contains(index) && !block.isQuoted {
            switch block.kind {
            case .paragraph, .listItem, .heading: break
            default: continue
            }
            let lower = Array(block.text.lowercased().utf8)
            // Lowercasing keeps ASCII offsets; a text whose length changes is searched on its own bytes.
            let bytes = lower.count == block.text.utf8.count ? lower : Array(block.text.utf8)
            for match in Self.matches(in: bytes) {
                let start = block.sourceMap.sourceOffset(forDerived: match.lowerBound)
                let end = block.sourceMap.sourceOffset(forDerived: match.upperBound - 1) + 1
                if document.format == .markdown, Self.isInCodeSpan(source, at: start) { continue }
                // Written as such in the file: `([source](https://…))` is a link named "source", not a placeholder.
                guard end - start == match.count, end <= source.count,
                    source[start..<end].map(ByteClass.lowercased).elementsEqual(bytes[match])
                else { continue }
                if block.links.contains(where: { $0.textRange.overlaps(match) }) { continue }
                let written = String(decoding: Array(block.text.utf8)[match], as: UTF8.self)
                diagnostics.append(
                    Diagnostic(
                        rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "citation placeholder \(written) left in the text: cite the source or remove the placeholder",
                        file: context.path, range: document.source.range(of: start..<max(start, end)), found: written))
            }
        }
        return diagnostics
    }

    /// An odd number of backticks between the start of the source line and `offset`: inside a code span.
    static func isInCodeSpan(_ source: [UInt8], at offset: Int) -> Bool {
        var i = min(offset, source.count)
        var ticks = 0
        while i > 0, source[i - 1] != 0x0A, source[i - 1] != 0x0D {
            if source[i - 1] == UInt8(ascii: "`") { ticks += 1 }
            i -= 1
        }
        return ticks % 2 == 1
    }

    /// Byte ranges of whole placeholders in `bytes` (lowercased text).
    static func matches(in bytes: [UInt8]) -> [Range<Int>] {
        var found: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "(") || b == UInt8(ascii: "[") else {
                i += 1
                continue
            }
            // Not glued to a word before it (`arr[2]`, `f(x)`).
            if i > 0, ByteClass.isASCIIAlphanumeric(bytes[i - 1]) {
                i += 1
                continue
            }
            var matched: Range<Int>?
            for placeholder in placeholders {
                let p = Array(placeholder.utf8)
                if i + p.count <= bytes.count, bytes[i] == p[0], Array(bytes[i..<(i + p.count)]) == p {
                    matched = i..<(i + p.count)
                    break
                }
            }
            if let matched {
                found.append(matched)
                i = matched.upperBound
            } else {
                i += 1
            }
        }
        return found
    }
}
