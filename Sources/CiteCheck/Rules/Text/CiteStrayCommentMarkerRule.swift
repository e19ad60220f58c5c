/// `cite-stray-comment-marker`: a word processor's comment anchor left in the post (`[WK1]` linking to
/// `applewebdata://…#_msocom_1`): it reads like a citation marker but points at a reviewer's comment that was
/// never published.
///
/// Only anchors the link proves are comments are reported (a `#_msocom_` target, or an `applewebdata:`, `file:`
/// or `x-apple-data-detectors:` scheme): `[WK1]` alone might be a marker of some other kind.
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
                """, format: .markdown)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Masern

                Die Impfung wird von der STIKO empfohlen [1], zweimal. See the [RKI page](https://www.rki.de/masern#faq).

                ## Quellen

                1. Robert Koch-Institut. Empfehlungen der Ständigen Impfkommission (STIKO) 2020/2021. Epid Bull. 2020;(34):1-68.
                """, format: .markdown)
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let document = context.document
        let listBlocks = context.listBlockIndices
        var diagnostics: [Diagnostic] = []
        for (index, block) in document.blocks.enumerated() where !listBlocks.contains(index) {
            for link in block.links {
                let text = Array(block.text.utf8)
                guard link.textRange.upperBound <= text.count, !link.textRange.isEmpty else { continue }
                guard Self.isCommentAnchor(link.url, text: String(decoding: text[link.textRange], as: UTF8.self)) else { continue }
                let start = block.sourceMap.sourceOffset(forDerived: link.textRange.lowerBound)
                let end = block.sourceMap.sourceOffset(forDerived: link.textRange.upperBound - 1) + 1
                let written = String(decoding: text[link.textRange], as: UTF8.self)
                diagnostics.append(
                    Diagnostic(
                        rule: Self.description.id, severity: Self.description.defaultSeverity,
                        message: "\(written) is a word processor's comment anchor left in the text, not a citation: delete it",
                        file: context.path, range: document.source.range(of: start..<max(start, end)), found: written))
            }
        }
        return diagnostics
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
