/// A rule whose findings are made while verifying references against PubMed (`pubmed-*`), outside the `Linter`.
///
/// One rule = one file under `Rules/PubMed/` declaring its description (id, default severity, summary, rationale,
/// examples checked against recorded PubMed records); the PubMed module reports findings with that description,
/// and `Linter.finalize` applies configuration and suppressions to them like to any other finding.
public protocol VerificationRule {
    static var description: RuleDescription { get }
}

/// What the `pubmed-*` field rules share.
public enum PubMedFieldComparison {
    /// The rationale of a rule that compares one field with the matched record's.
    public static func rationale(field: String) -> String {
        "The reference was matched to a PubMed record with confidence (title, authors, journal and year agree), and its \(field) disagrees with that record. The finding gives PubMed's value, written in the reference's own style, and the PMID."
    }
}
