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
    /// Computed on first access and kept with the context (the six `cite-*` rules share it); changing the
    /// document, the list or the references discards it.
    public var citationChecks: CitationChecks {
        citationMemo.value {
            CitationChecks.analyze(document: document, list: referenceList, references: references, linker: .standard,
                                   isJournal: { JournalCatalog.isKnown($0) || CitationVocabulary.looksLikeJournal($0) })
        }
    }
}

