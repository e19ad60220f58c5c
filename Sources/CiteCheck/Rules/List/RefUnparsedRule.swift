/// `ref-unparsed`: an entry of the reference list yields no usable title, journal or year.
public struct RefUnparsedRule: Rule {
    public static let description = RuleDescription(
        id: "ref-unparsed",
        defaultSeverity: .warning,
        summary: "A reference list entry could not be read as a citation: no title, journal or year was found.",
        rationale: """
            An entry citecheck cannot split into fields cannot be checked, and a reader probably cannot find the work \
            either. Write it as a full citation (authors, title, journal, year, volume, pages), or move notes that \
            are not citations out of the reference list. It is a warning, not an error: the entry may be a valid \
            citation of a kind citecheck does not read. An entry longer than the entry-length limit (64 KiB, \
            `--max-entry-length`) is not parsed at all and is reported here with its length.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Sleep and mood

                Short sleep predicts low mood [1], as our earlier post explained [2].

                References

                1. Baglioni C, Battagliese G, Feige B, et al. Insomnia as a predictor of depression: a meta-analytic evaluation of longitudinal epidemiological studies. J Affect Disord. 2011;135(1-3):10-19.
                ↓2. https://example.org/sleep-and-mood
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Sleep and mood

                Short sleep predicts low mood [1].

                References

                1. Baglioni C, Battagliese G, Feige B, et al. Insomnia as a predictor of depression: a meta-analytic evaluation of longitudinal epidemiological studies. J Affect Disord. 2011;135(1-3):10-19.
                """)
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let maxLength = context.configuration.limits.maxEntryLength
        // Notes are not citations, and a web page, book or report with a title or a link is readable as what it is.
        let unreadable = context.references.filter { reference in
            let parsed = reference.parsed
            guard parsed.isUnparsed, parsed.kind.isCitation else { return false }
            return parsed.kind.isJournalArticle || parsed.title == nil
        }
        return unreadable.map { reference in
            let length = reference.entry.text.utf8.count
            let message =
                length > maxLength
                ? "\(reference.entry.displayName) was not parsed: it is \(length) bytes long, over the limit of \(maxLength) (see --max-entry-length)"
                : reference.parsed.kind.isJournalArticle || (reference.parsed.url == nil && reference.entry.links.isEmpty)
                    ? "\(reference.entry.displayName) could not be read as a citation: no journal or year found"
                    : "\(reference.entry.displayName) is only a link: give the page's title and who published it"
            // A bare link is findable: asking for its title is advice, not an error.
            let bareLink = !reference.parsed.kind.isJournalArticle && (reference.parsed.url != nil || !reference.entry.links.isEmpty)
            return context.diagnostic(severity: bareLink ? .info : nil, Self.description, message, reference: reference)
        }
    }
}
