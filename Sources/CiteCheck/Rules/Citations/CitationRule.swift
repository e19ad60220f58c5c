/// A rule over the post's text citations and their links to the reference list (`cite-*` rules that read the
/// citation finder's and linker's results). Each reads the one `CitationAnalysis` its context computes.
public protocol CitationRule: Rule {
    /// The rule's findings on a post's citation analysis.
    static func findings(in analysis: CitationAnalysis) -> [Diagnostic]
}

extension CitationRule {
    public func check(_ context: CheckContext) -> [Diagnostic] {
        Self.findings(in: context.citationAnalysis)
    }
}

extension CheckContext {
    /// The post's citations, found, linked to the list and ready to check.
    ///
    /// Computed on first access and kept with the context (the `cite-*` rules share it); changing the
    /// document, the list or the references discards it.
    public var citationAnalysis: CitationAnalysis {
        citationMemo.value {
            CitationAnalysis.analyze(document: document, list: referenceList, references: references)
        }
    }
}
