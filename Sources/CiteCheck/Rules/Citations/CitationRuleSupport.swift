// WIRING: needs the rule engine (Rule, CheckContext) and Normalization/JournalCatalog from other branches; once
// they are on main, delete the `#if CITECHECK_CITATION_RULES` / `#endif` lines in Sources/CiteCheck/Rules/Citations/.

extension CitationLinker {
    /// The linker with the shared normalisation: `Normalization.sameJournal` (catalog-backed) and
    /// `Normalization.name` after dropping leading particles.
    public static var standard: CitationLinker {
        CitationLinker(sameJournal: { Normalization.sameJournal($0, $1) },
                       familyKey: { Normalization.name(CitationVocabulary.withoutParticles($0)) })
    }
}

extension CheckContext {
    /// The post's citations, found, linked to the list and ready to check.
    ///
    /// `precomputedCitationChecks` when the pipeline stored it (`Checker` does: six `cite-*` rules each asking
    /// made the citation scan of a 20 MB post run six times), else computed on each access.
    public var citationChecks: CitationChecks {
        precomputedCitationChecks ?? analyzeCitations()
    }

    /// Finds the post's citations and links them to the list.
    public func analyzeCitations() -> CitationChecks {
        CitationChecks.analyze(document: document, list: referenceList, references: references, linker: .standard,
                               isJournal: { JournalCatalog.isKnown($0) || CitationVocabulary.looksLikeJournal($0) })
    }
}

