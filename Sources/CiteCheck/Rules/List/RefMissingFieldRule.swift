/// `ref-missing-field`: a journal reference lacks its year, journal, volume or pages.
///
/// One diagnostic per missing field, with `field` set, so each finding is one fact a program can act on.
/// Entries without volume and pages that give a URL, or that carry none of journal, volume and pages but give a
/// DOI or PMID, are taken to be other kinds of work (web pages, books, reports) and are only asked for a year;
/// a link-only entry (a title linked to its PubMed record or DOI) is findable as it is and asked for nothing.
/// Only journal articles are checked (`ParsedReference.kind`).
/// Entries marked "Epub ahead of print" are not asked for volume and pages. Unparsed entries are left to
/// `RefUnparsedRule`.
public struct RefMissingFieldRule: Rule {
    public static let description = RuleDescription(
        id: "ref-missing-field",
        defaultSeverity: .warning,
        summary: "A journal reference is missing its year, journal name, volume or page numbers.",
        rationale: """
            Year, journal, volume and pages are what a reader (and PubMed) needs to find an article. A reference \
            without them is hard to check and easy to get wrong. Add the missing field; for an article with only an \
            article number, the number counts as its pages.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Exercise and anxiety

                Aerobic exercise reduced anxiety symptoms [1].

                References

                ↓1. Stubbs B, Vancampfort D, Rosenbaum S, et al. An examination of the anxiolytic effects of exercise for people with anxiety and stress-related disorders: a meta-analysis. Psychiatry Res. 2017;249.
                """),
            RuleExample(
                """
                Exercise and anxiety

                Aerobic exercise reduced anxiety symptoms [1].

                References

                ↓1. Stubbs B, Vancampfort D, Rosenbaum S, et al. An examination of the anxiolytic effects of exercise for people with anxiety and stress-related disorders: a meta-analysis. Psychiatry Res. 249:102-108.
                """),
            RuleExample(
                """
                ## Children and COVID-19

                Chest CT in children often showed a halo sign with consolidation [22].

                ### References

                ↓↓[22]	Xia W, Shao J, Guo Y, Peng X, Li Z, Hu D. Clinical and CT features in pediatric patients with
                COVID-19 infection: Different points from adults. Pediatr Pulmonol 2020;n/a.
                <https://doi.org/10.1002/ppul.24718>.
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Exercise and anxiety

                Aerobic exercise reduced anxiety symptoms [1].

                References

                1. Stubbs B, Vancampfort D, Rosenbaum S, et al. An examination of the anxiolytic effects of exercise for people with anxiety and stress-related disorders: a meta-analysis. Psychiatry Res. 2017;249:102-108.
                """),
            RuleExample(
                """
                Masks

                The agency's guidance changed in 2021 [1].

                References

                1. Centers for Disease Control and Prevention. Science brief: community use of masks. 2021. https://www.cdc.gov/coronavirus/2019-ncov/science/science-briefs/masking-science-sars-cov2.html
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .journalArticles)
        var diagnostics: [Diagnostic] = []
        for reference in context.references where !reference.parsed.isUnparsed {
            for field in missingFields(reference.parsed, linked: !reference.entry.links.isEmpty) {
                diagnostics.append(
                    context.diagnostic(
                        Self.description,
                        "\(reference.entry.displayName) has no \(Self.name(of: field))"
                            + (field == .volume && Self.hasVolumePlaceholder(reference.parsed.raw) ? " (\"n/a\" stands where it goes)" : ""),
                        reference: reference, field: field, range: reference.entry.range
                    ))
            }
        }
        return diagnostics
    }

    /// The required fields `parsed` lacks, in the order year, journal, volume, pages.
    /// `linked`: the entry links somewhere (a URL the reader kept out of the text still makes it findable).
    func missingFields(_ parsed: ParsedReference, linked: Bool = false) -> [ReferenceField] {
        var missing: [ReferenceField] = []
        // No title found: the parser could not tell the entry's parts apart (a page title read as a journal, `Blog -
        // Part 2` read as a volume), so what looks missing may be misread; only a missing year is sure.
        if parsed.title == nil, !(parsed.journal.map(LintNormalization.isKnownJournal) ?? false) {
            return parsed.year == nil && !Self.mentionsYear(parsed.raw) && parsed.doi == nil && parsed.pmid == nil && !linked ? [.year] : []
        }
        // A link to the record and nothing else (`[Title](https://pubmed.ncbi.nlm.nih.gov/…)`): findable as it is.
        if parsed.journal == nil, parsed.volume == nil, parsed.pages == nil, parsed.doi != nil || parsed.pmid != nil || parsed.pmcid != nil {
            return []
        }
        // A year the parser did not place (an unusual author list before it) is not a missing year.
        if parsed.year == nil, !Self.mentionsYear(parsed.raw) { missing.append(.year) }
        // A name with a link but no volume or pages is a web page or report (its "journal" may be a page title).
        // `J Med Virol 2020;n/a.` is an article cited before its issue was out, whatever link it has.
        let isJournalArticle =
            parsed.volume != nil || parsed.pages != nil || (parsed.journal != nil && parsed.url == nil && !linked)
            || (parsed.journal != nil && parsed.volume == nil && Self.hasVolumePlaceholder(parsed.raw))
        guard isJournalArticle else {
            // A web page, book or report with a link is findable; a bare title and year is not.
            if parsed.doi == nil, parsed.pmid == nil, parsed.url == nil, !linked { missing.append(.journal) }
            return missing
        }
        // A titleless reference (`Guo J and Frost JW, J. Am. Chem. Soc, 2002, 124, 528–529.`) may reach us with its
        // journal filed as the title: a known journal name there is not a missing journal.
        if parsed.journal == nil, !(parsed.title.map(LintNormalization.isKnownJournal) ?? false) { missing.append(.journal) }
        let aheadOfPrint = parsed.notes.contains { $0.kind == .epubAheadOfPrint }
        if !aheadOfPrint {
            if parsed.volume == nil { missing.append(.volume) }
            if parsed.pages == nil { missing.append(.pages) }
        }
        return missing
    }

    /// True when `raw` holds a standalone four-digit number from 1800 to 2099, or says "in press".
    static func mentionsYear(_ raw: String) -> Bool {
        let lowered = raw.lowercased()
        if lowered.contains("in press") || lowered.contains("forthcoming") { return true }
        let scalars = Array(raw.unicodeScalars)
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if end - index == 4, let value = Int(String(String.UnicodeScalarView(scalars[index..<end]))), (1800...2099).contains(value) {
                return true
            }
            index = end
        }
        return false
    }

    /// True when `raw` writes `n/a` (or `NA`) where a Vancouver volume goes: `2020;n/a`, `2020; NA.`
    static func hasVolumePlaceholder(_ raw: String) -> Bool {
        raw.contains(/(?i)\b(19|20)\d\d\s*;\s*n\/?a\b/)
    }

    static func name(of field: ReferenceField) -> String {
        switch field {
        case .year: "year"
        case .journal: "journal name"
        case .volume: "volume"
        case .pages: "page numbers or article number"
        default: field.rawValue
        }
    }
}
