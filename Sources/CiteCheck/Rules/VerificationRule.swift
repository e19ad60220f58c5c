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

    /// The fix of a year, volume, issue or pages rule: `what` it writes, safe when the match is certain.
    public static func certainFix(_ what: String) -> FixDeclaration {
        FixDeclaration(
            safety: .safe,
            when:
                "\(what). Safe when the match is certain: a PMID, PMCID or DOI written in the reference is the record's, or at least two of title, first author and journal agree and no other record competes; unsafe otherwise. Never for a retracted record, inside a quotation, or where the field's characters are not plain text in the file."
        )
    }

    /// The fix of a rule whose fixes are all unsafe: `what` it writes.
    public static func unsafeFix(_ what: String) -> FixDeclaration {
        FixDeclaration(
            safety: .unsafe,
            when: "\(what). Unsafe: applied only with --unsafe-fixes. Never for a retracted record, inside a quotation, or where the characters are not plain text in the file."
        )
    }
}
