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
    /// Computed on each access; the pipeline may compute it once and store it (the `cite-*` rules each ask once).
    public var citationChecks: CitationChecks {
        CitationChecks.analyze(document: document, list: referenceList, references: references, linker: .standard,
                               isJournal: { JournalCatalog.isKnown($0) || CitationVocabulary.looksLikeJournal($0) })
    }
}

