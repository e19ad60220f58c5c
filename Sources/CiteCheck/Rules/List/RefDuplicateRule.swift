/// `ref-duplicate`: two entries of the list cite the same work.
///
/// Same work: equal DOI or equal PMID; or, when neither pair of identifiers differs, the same first author's
/// family name and year, and either the same normalised title or the same journal, volume and first page —
/// unless their volumes or first pages differ.
/// The later entry is reported, naming the earlier one.
public struct RefDuplicateRule: Rule {
    public static let description = RuleDescription(
        id: "ref-duplicate",
        defaultSeverity: .error,
        summary: "Two entries of the reference list cite the same work.",
        rationale: """
            A work listed twice splits the citations in the text between two numbers and makes the list look longer \
            than its evidence is. Keep one entry and renumber the citations that pointed to the other.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Mindfulness

                Mindfulness training eased anxiety [1], and the effect lasted [2].

                References

                1. Hoge EA, Bui E, Marques L, et al. Randomized controlled trial of mindfulness meditation for generalized anxiety disorder: effects on anxiety and stress reactivity. J Clin Psychiatry. 2013;74(8):786-792.
                ↓2. Hoge EA, Bui E, Marques L, et al. Randomized controlled trial of mindfulness meditation for generalized anxiety disorder: effects on anxiety and stress reactivity. J Clin Psychiatry. 2013;74(8):786-92.
                """),
            RuleExample(
                """
                ## Masern: Fragen an das RKI

                Die zweite Dosis schließt Impflücken¹, und die STIKO empfiehlt sie allen nach 1970 Geborenen².

                Quellen

                1 RKI-FAQ. [https://www.rki.de/SharedDocs/FAQ/Impfen/MMR/FAQ-Liste\\_MMR.html](https://www.rki.de/SharedDocs/FAQ/Impfen/MMR/FAQ-Liste_MMR.html)
                2 [https://www.rki.de/DE/Content/Kommissionen/STIKO/stiko\\_node.html](https://www.rki.de/DE/Content/Kommissionen/STIKO/stiko_node.html)
                ↓3 RKI-FAQ. [https://www.rki.de/SharedDocs/FAQ/Impfen/MMR/FAQ-Liste\\_MMR.html](https://www.rki.de/SharedDocs/FAQ/Impfen/MMR/FAQ-Liste_MMR.html)
                """, format: .markdown),
            RuleExample(
                """
                # Mindfulness

                Mindfulness training eased anxiety [1], and the effect lasted [2].

                ## References

                1. Hoge EA, Bui E, Marques L, et al. Randomized controlled trial of mindfulness meditation for generalized anxiety disorder. J Clin Psychiatry. 2013;74(8):786-792. doi:10.4088/JCP.12m08083
                ↓2. Hoge E. Mindfulness meditation for generalized anxiety disorder. J Clin Psychiatry. 2013. doi:10.4088/jcp.12m08083
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Mindfulness

                Mindfulness training eased anxiety [1], about as well as escitalopram [2].

                References

                1. Hoge EA, Bui E, Marques L, et al. Randomized controlled trial of mindfulness meditation for generalized anxiety disorder: effects on anxiety and stress reactivity. J Clin Psychiatry. 2013;74(8):786-792.
                2. Hoge EA, Bui E, Mete M, et al. Mindfulness-based stress reduction vs escitalopram for the treatment of adults with anxiety disorders: a randomized clinical trial. JAMA Psychiatry. 2023;80(1):13-21.
                """)
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        var diagnostics: [Diagnostic] = []
        // Entries the parser could not read (a web page's name and its link: no journal, year or identifier) can
        // still be exact repeats; `sameWork` never calls them the same, only `repeatKey` can.
        let references = context.references
        // Each entry's normalised fields once; an entry is compared only with the earlier entries that share a key
        // a duplicate must share (DOI, PMID, first author + year + title, first author + year + volume + first page,
        // link and words), so a list of 25,000 entries by one author is not 312 million comparisons.
        let keys = references.map { WorkKey($0.parsed) }
        let repeats = references.map { Self.repeatKey($0) }
        var buckets: [String: [Int]] = [:]
        for position in keys.indices {
            let bucketKeys = Self.bucketKeys(keys[position], repeated: repeats[position])
            var candidates: [Int] = []
            for key in bucketKeys { candidates += buckets[key] ?? [] }
            for key in bucketKeys { buckets[key, default: []].append(position) }
            for earlier in Set(candidates).sorted() {
                let reason: String
                if let same = Self.sameWork(keys[earlier], keys[position]) {
                    reason = same
                } else if let key = repeats[position], key == repeats[earlier] {
                    reason = "the same entry repeated: same link, same words"
                } else {
                    continue
                }
                let later = references[position]
                diagnostics.append(
                    context.diagnostic(
                        Self.description,
                        "\(later.entry.displayName) cites the same work as \(references[earlier].entry.displayName) (\(reason))",
                        reference: later, range: later.entry.range, expected: nil, found: nil
                    ))
                break
            }
        }
        return diagnostics
    }

    /// The keys an entry shares with every entry `sameWork` or `repeatKey` can call the same.
    static func bucketKeys(_ key: WorkKey, repeated: String?) -> [String] {
        var keys: [String] = []
        if let doi = key.doi { keys.append("doi|" + doi) }
        if let pmid = key.pmid { keys.append("pmid|" + pmid) }
        if let author = key.firstAuthor, let year = key.year {
            if let title = key.title, !title.isEmpty { keys.append("title|\(author)|\(year)|\(title)") }
            if let volume = key.volume, let page = key.firstPage { keys.append("page|\(author)|\(year)|\(volume)|\(page)") }
        }
        if let repeated { keys.append("repeat|" + repeated) }
        return keys
    }

    /// What makes an entry without bibliographic fields (a web page) the same entry: its link target, trimmed of
    /// trailing punctuation, with the digits of the dates written in it (an access date), and its words. Only
    /// exact repeats count: the same page cited again with another access date is not reported.
    static func repeatKey(_ reference: Reference) -> String? {
        let url = reference.entry.links.first?.url ?? reference.parsed.url
        guard var target = url?.lowercased(), target.count >= 12 else { return nil }
        while let last = target.last, ",.;:/".contains(last) { target.removeLast() }
        let words = reference.entry.text.lowercased().unicodeScalars
            .filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return target + "|" + String(String.UnicodeScalarView(words))
    }

    /// Why `a` and `b` are the same work, nil when they are not (or cannot be told apart from what is written).
    static func sameWork(_ a: ParsedReference, _ b: ParsedReference) -> String? {
        sameWork(WorkKey(a), WorkKey(b))
    }

    /// The fields `sameWork` compares, normalised once per entry.
    struct WorkKey {
        var doi: String?
        var pmid: String?
        var volume: String?
        var firstPage: String?
        var lowercasedFirstPage: String?
        var firstAuthor: String?
        var year: Int?
        var title: String?
        var journal: String?

        init(_ parsed: ParsedReference) {
            doi = parsed.doi.map { $0.lowercased() }
            pmid = parsed.pmid
            volume = parsed.volume
            firstPage = parsed.pages?.first
            lowercasedFirstPage = firstPage?.lowercased()
            firstAuthor = parsed.authors.first.map { LintNormalization.name($0.family) }
            year = parsed.year
            title = parsed.title.map { LintNormalization.title($0) }
            journal = parsed.journal
        }
    }

    static func sameWork(_ a: WorkKey, _ b: WorkKey) -> String? {
        if let doiA = a.doi, let doiB = b.doi {
            return doiA == doiB ? "same DOI \(doiA)" : nil
        }
        if let pmidA = a.pmid, let pmidB = b.pmid {
            return pmidA == pmidB ? "same PMID \(pmidA)" : nil
        }
        // Different volumes or first pages are different works, whatever else matches (`Biochemistry, 2016, 55,
        // 2122–2134` and `…, 2016, 55, 2813–2816` by the same first author).
        if let volumeA = a.volume, let volumeB = b.volume, volumeA != volumeB { return nil }
        if let pageA = a.lowercasedFirstPage, let pageB = b.lowercasedFirstPage, pageA != pageB { return nil }
        guard let authorA = a.firstAuthor, let authorB = b.firstAuthor, authorA == authorB,
            let year = a.year, year == b.year
        else { return nil }
        if let titleA = a.title, let titleB = b.title, !titleA.isEmpty, titleA == titleB {
            return "same first author, year and title"
        }
        if let journalA = a.journal, let journalB = b.journal, LintNormalization.sameJournal(journalA, journalB),
            let volume = a.volume, volume == b.volume,
            let pageA = a.firstPage, pageA == b.firstPage
        {
            return "same first author, year, journal, volume and first page"
        }
        return nil
    }
}
