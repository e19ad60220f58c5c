/// `cite-stray-comment-marker`: a word processor's comment anchor left in the post (`[WK1]` linking to
/// `applewebdata://…#_msocom_1`): it reads like a citation marker but points at a reviewer's comment that was
/// never published.
///
/// Only anchors the link proves are comments are reported (a `#_msocom_` target, or an `applewebdata:`, `file:`
/// or `x-apple-data-detectors:` scheme), and the same anchor written again without its link in the same post:
/// `[WK1]` alone, in a post with no such link, might be a marker of some other kind.
public struct CiteStrayCommentMarkerRule: Rule {
    public static let description = RuleDescription(
        id: "cite-stray-comment-marker",
        defaultSeverity: .warning,
        summary: "A word processor's comment anchor ([WK1] linking to a #_msocom_ comment) was left in the text.",
        rationale: """
            Pasting a document with review comments into a blog keeps the comments' anchors: `[WK1]` and `[LM2]` \
            in the text, linked to the editor's local copy. Readers see a marker that leads nowhere. Delete the \
            anchor (and settle the comment it stood for).
            """,
        triggeringExamples: [
            RuleExample(
                """
                Masern

                Die Impfung wird von der STIKO empfohlen[↓\\[WK1\\]](applewebdata://84F6CB60-6858-4423#_msocom_1), zweimal.
                """, format: .markdown),
            RuleExample(
                """
                Masern
                Die Impfung wird von der STIKO empfohlen[↓\\[WK1\\]](applewebdata://84F6CB60-6858-4423#_msocom_1), zweimal.

                Der Schutz hält ein Leben lang ↓\\[WK1\\] und schützt auch andere.
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Masern
                Die Impfung wird von der STIKO empfohlen \\[WK1\\], zweimal. Ohne einen Link zu einem Kommentar kann [WK1] auch
                etwas anderes sein.
                """, format: .markdown),
            RuleExample(
                """
                Masern

                Die Impfung wird von der STIKO empfohlen [1], zweimal. See the [RKI page](https://www.rki.de/masern#faq).

                ## Quellen

                1. Robert Koch-Institut. Empfehlungen der Ständigen Impfkommission (STIKO) 2020/2021. Epid Bull. 2020;(34):1-68.
                """, format: .markdown),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let document = context.document
        let listBlocks = context.listBlockIndices
        var diagnostics: [Diagnostic] = []
        var anchors: Set<String> = []
        var linked: Set<[Int]> = []  // [block, start]: the anchors reported with their link
        func report(_ block: TextBlock, _ range: Range<Int>, _ written: String) {
            let start = block.sourceMap.sourceOffset(forDerived: range.lowerBound)
            let end = block.sourceMap.sourceOffset(forDerived: range.upperBound - 1) + 1
            diagnostics.append(
                Diagnostic(
                    rule: Self.description.id, severity: Self.description.defaultSeverity,
                    message: "\(written) is a word processor's comment anchor left in the text, not a citation: delete it",
                    file: context.path, range: document.source.range(of: start..<max(start, end)), found: written))
        }
        for (index, block) in document.blocks.enumerated() where !listBlocks.contains(index) {
            for link in block.links {
                let text = Array(block.text.utf8)
                guard link.textRange.upperBound <= text.count, !link.textRange.isEmpty else { continue }
                let written = String(decoding: text[link.textRange], as: UTF8.self)
                guard Self.isCommentAnchor(link.url, text: written) else { continue }
                report(block, link.textRange, written)
                anchors.insert(Self.core(of: written))
                linked.insert([index, link.textRange.lowerBound])
            }
        }
        guard !anchors.isEmpty else { return diagnostics }
        // The same anchors written again without their link (`\[WK1\]` in the Markdown).
        for (index, block) in document.blocks.enumerated() where !listBlocks.contains(index) {
            for range in Self.bracketedWords(in: block.text) where anchors.contains(Self.core(of: block.text, range)) {
                guard !block.links.contains(where: { $0.textRange.overlaps(range) }), !linked.contains([index, range.lowerBound]) else { continue }
                report(block, range, String(decoding: Array(block.text.utf8)[range], as: UTF8.self))
            }
        }
        return diagnostics
    }

    /// `WK1` for `[WK1]`, `\[WK1\]` or `WK1`.
    static func core(of written: String) -> String {
        written.filter { $0 != "[" && $0 != "]" && $0 != "\\" }
    }

    static func core(of text: String, _ range: Range<Int>) -> String {
        core(of: String(decoding: Array(text.utf8)[range], as: UTF8.self))
    }

    /// The UTF-8 ranges of `[` + up to four capitals and a number + `]` in `text`.
    static func bracketedWords(in text: String) -> [Range<Int>] {
        let bytes = Array(text.utf8)
        var ranges: [Range<Int>] = []
        var index = 0
        while index < bytes.count {
            defer { index += 1 }
            guard bytes[index] == UInt8(ascii: "[") else { continue }
            var end = index + 1
            while end < bytes.count, end - index <= 12, bytes[end] != UInt8(ascii: "]") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: "]"), end > index + 2 else { continue }
            ranges.append(index..<end + 1)
            index = end
        }
        return ranges
    }

    /// A comment's target (`#_msocom_1`), or a local target (`applewebdata:`, `file:`) whose text is a reviewer's
    /// initials and number (`[WK1]`). A number alone (`[1]` to a local target) is a footnote marker, not a comment.
    static func isCommentAnchor(_ url: String, text: String) -> Bool {
        let lower = url.lowercased()
        if lower.contains("#_msocom_") { return true }
        guard lower.hasPrefix("applewebdata:") || lower.hasPrefix("file:") || lower.hasPrefix("x-apple-data-detectors:") else { return false }
        let core = text.filter { $0 != "[" && $0 != "]" && $0 != "\\" }
        let letters = core.prefix { $0.isUppercase }
        let digits = core.dropFirst(letters.count)
        return (1...4).contains(letters.count) && !digits.isEmpty && digits.allSatisfy(\.isNumber)
    }
}
