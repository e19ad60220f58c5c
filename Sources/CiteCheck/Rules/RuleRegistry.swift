/// Every rule citecheck knows, in the order documentation and SARIF list them.
public enum RuleRegistry {
    /// The offline rules the `Linter` runs.
    public static let all: [any Rule.Type] = [
        RefUnparsedRule.self,
        RefMissingFieldRule.self,
        RefBadPagesRule.self,
        RefBadYearRule.self,
        RefDuplicateRule.self,
        RefNumberingRule.self,
        RefInconsistentStyleRule.self,
        RefEpubYearRule.self,
        RefGarbledCharactersRule.self,
        RefIdentifierMismatchRule.self,
        RefBrokenLinkRule.self,
        RefMalformedDOIRule.self,
        RefMisspelledJournalRule.self,
        CiteMissingReferenceRule.self,
        CiteUnusedReferenceRule.self,
        CiteYearMismatchRule.self,
        CiteAuthorMismatchRule.self,
        CiteJournalMismatchRule.self,
        CiteOrderRule.self,
        CiteBrokenFootnoteMarkerRule.self,
        CitePlaceholderRule.self,
        CiteStrayCommentMarkerRule.self,
        UnknownRuleRule.self,
        UnusedSuppressionRule.self,
    ]

    /// The rules whose findings PubMed verification makes, outside the `Linter`; registered here so configuration,
    /// suppressions and SARIF know them too.
    public static let verificationRules: [any VerificationRule.Type] = [
        PubMedYearRule.self,
        PubMedVolumeRule.self,
        PubMedIssueRule.self,
        PubMedPagesRule.self,
        PubMedJournalRule.self,
        PubMedAuthorsRule.self,
        PubMedDOIRule.self,
        PubMedPMIDRule.self,
        PubMedPMCIDRule.self,
        PubMedMissingIdentifierRule.self,
        PubMedTitleRule.self,
        PubMedEpubYearRule.self,
        PubMedRetractedRule.self,
        PubMedConcernRule.self,
        PubMedErratumRule.self,
        PubMedNotFoundRule.self,
        PubMedAmbiguousRule.self,
    ]

    /// Descriptions of the findings made outside the `Linter`.
    public static var externalDescriptions: [RuleDescription] { verificationRules.map { $0.description } }

    /// Every rule description: the linter's rules, then the external ones.
    public static var descriptions: [RuleDescription] {
        all.map { $0.description } + externalDescriptions
    }

    /// The rule type with this id, if the linter runs one.
    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// The description with this id, linter rule or external.
    public static func description(id: String) -> RuleDescription? {
        descriptions.first { $0.id == id }
    }

    /// Every known rule id.
    public static var ids: [String] { descriptions.map(\.id) }
}
