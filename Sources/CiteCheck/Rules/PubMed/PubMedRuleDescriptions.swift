/// The `pubmed-*` rules: findings of verification against PubMed records, made by the PubMed module's
/// field comparison and passed through `Linter.finalize`. Declared here so configuration, suppression comments,
/// `citecheck rules` and SARIF know them. Their behaviour is tested in PubMedTests (Matching) against records.
public enum PubMedRuleDescriptions {
    public static let all: [RuleDescription] = [
        field("pubmed-year", "year", "The print year differs from PubMed's."),
        field("pubmed-volume", "volume", "The volume differs from PubMed's."),
        field("pubmed-issue", "issue", "The issue differs from PubMed's (a missing issue is not reported)."),
        field("pubmed-pages", "pages", "The page range differs from PubMed's (abbreviated ranges such as 2475-83 are the same)."),
        field("pubmed-journal", "journal", "The journal is not the one PubMed lists (full and abbreviated names are the same journal)."),
        field("pubmed-authors", "authors", "The first author is wrong, the order changed, or a listed author is missing."),
        field("pubmed-doi", "DOI", "The DOI is not the matched record's DOI."),
        field("pubmed-pmid", "PMID", "The written PMID belongs to another paper."),
        field("pubmed-pmcid", "PMCID", "The written PMCID belongs to another paper."),
        RuleDescription(
            id: "pubmed-title", defaultSeverity: .warning, summary: "The title's words differ from PubMed's title.",
            rationale: "Case, punctuation, quotes and a trailing period are ignored; the message names the words that differ. A warning, since publishers and PubMed sometimes differ in wording."
        ),
        RuleDescription(
            id: "pubmed-epub-year", defaultSeverity: .info, summary: "The reference gives the online (epub) year; PubMed's print year differs.",
            rationale: "Papers are often published online months before their issue. Citing the online year is common and not wrong, but the print year is the one indexes use."
        ),
        RuleDescription(
            id: "pubmed-retracted", defaultSeverity: .error, summary: "PubMed marks the cited paper as retracted.",
            rationale: "A retracted paper should not be cited as evidence; PubMed links the retraction notice."
        ),
        RuleDescription(
            id: "pubmed-concern", defaultSeverity: .warning, summary: "PubMed lists an expression of concern for the cited paper.",
            rationale: "The journal has raised doubts about the paper's reliability; a reader deserves to know."
        ),
        RuleDescription(
            id: "pubmed-erratum", defaultSeverity: .info, summary: "PubMed lists an erratum for the cited paper.",
            rationale: "A correction was published; check that what the post relies on was not corrected."
        ),
        RuleDescription(
            id: "pubmed-not-found", defaultSeverity: .warning, summary: "No PubMed record matches the reference.",
            rationale: "The reference may be outside PubMed (a book, a preprint) or carry errors large enough to hide it. It does not mean the work does not exist."
        ),
        RuleDescription(
            id: "pubmed-ambiguous", defaultSeverity: .info, summary: "Two PubMed records match the reference about equally well.",
            rationale: "No field is compared against a doubtful match: a wrong match that reports errors is worse than none."
        ),
    ]

    private static func field(_ id: String, _ name: String, _ summary: String) -> RuleDescription {
        RuleDescription(
            id: id, defaultSeverity: .error, summary: summary,
            rationale: "The reference was matched to a PubMed record with confidence (title, authors, journal and year agree), and its \(name) disagrees with that record. The finding gives PubMed's value, written in the reference's own style, and the PMID."
        )
    }
}
