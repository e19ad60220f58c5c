/// `cite-broken-footnote-marker`: in Markdown, a plain `[6]` written where the post's note is the footnote `[^6]`.
///
/// Markdown links only `[^6]` to the note; `[6]` renders as the literal text "[6]", so the reader sees a marker
/// that leads nowhere and the note shows up unreferenced. Only footnote names a plain marker matches are reported;
/// a numbered list answers `[6]` as usual.
public struct CiteBrokenFootnoteMarkerRule: CitationRule {
    public static let description = RuleDescription(
        id: "cite-broken-footnote-marker",
        defaultSeverity: .error,
        summary: "A plain [6] is written where the Markdown footnote is [^6]: it renders as literal text.",
        rationale: """
            In Markdown a footnote reference needs its caret: `[^6]`. Written `[6]`, the marker is shown as plain \
            text, leads nowhere, and the note it meant looks unused. Add the caret.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Selenium

                Selenium did not prevent cancer in men ↓[6].

                Later work agreed.[^7]

                [^6]: Lippman SM, Klein EA, Goodman PJ, et al. Effect of selenium and vitamin E on risk of prostate cancer and other cancers: the Selenium and Vitamin E Cancer Prevention Trial (SELECT). JAMA. 2009;301(1):39-51.
                [^7]: Vinceti M, Filippini T, Del Giovane C, et al. Selenium for preventing cancer. Cochrane Database Syst Rev. 2018;1(1):CD005195.
                """, format: .markdown)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Selenium

                Selenium did not prevent cancer in men.[^6] Later work agreed.[^7]

                [^6]: Lippman SM, Klein EA, Goodman PJ, et al. Effect of selenium and vitamin E on risk of prostate cancer and other cancers: the Selenium and Vitamin E Cancer Prevention Trial (SELECT). JAMA. 2009;301(1):39-51.
                [^7]: Vinceti M, Filippini T, Del Giovane C, et al. Selenium for preventing cancer. Cochrane Database Syst Rev. 2018;1(1):CD005195.
                """, format: .markdown),
            RuleExample(
                """
                Selenium

                Selenium did not prevent cancer in men [1].

                References

                1. Lippman SM, Klein EA, Goodman PJ, et al. Effect of selenium and vitamin E on risk of prostate cancer and other cancers: the Selenium and Vitamin E Cancer Prevention Trial (SELECT). JAMA. 2009;301(1):39-51.
                """, format: .markdown),
        ]
    )

    public init() {}

    public static func findings(in analysis: CitationAnalysis) -> [Diagnostic] {
        analysis.links.flatMap { link -> [Diagnostic] in
            let c = analysis.citations[link.citation]
            return link.plainMarkerFootnotes.map { name in
                analysis.diagnostic(
                    description,
                    "\(c.text) is not a footnote reference: the note is [^\(name)], and Markdown shows \(c.text) as plain text; write [^\(name)]",
                    at: c.sourceRange, expected: "[^\(name)]", found: c.text)
            }
        }
    }
}
