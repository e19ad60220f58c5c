// The normalisation the rules use. WIRING: once the normalisation branch (`Normalization`, `JournalCatalog`) is
// merged, delete everything from `#if !CITECHECK_NORMALIZATION` to its `#else`, and the `#endif` at the end: the
// `#else` part routes everything through `Normalization` and the catalog (tested against that branch). Until then
// the first part is a small stand-in so the rules compile and can be tested on their own.
#if !CITECHECK_NORMALIZATION
/// Whether a journal name is written in full or abbreviated.
enum JournalForm: String, Sendable {
    case full, abbreviated

    var phrase: String {
        switch self {
        case .full: "full journal names"
        case .abbreviated: "abbreviated journal names"
        }
    }
}

enum LintNormalization {
    /// Lowercased, diacritics and punctuation dropped, white space collapsed: for comparing titles.
    static func title(_ text: String) -> String {
        var words: [String] = []
        var current = ""
        for scalar in text.lowercased().decomposedScalars where !isCombiningMark(scalar) {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty, scalar != "'" && scalar != "\u{2019}" {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.joined(separator: " ")
    }

    /// The fallback knows no catalogue.
    static func isKnownJournal(_ text: String) -> Bool { false }

    /// A family name for comparison: lowercased, letters only.
    static func name(_ text: String) -> String {
        title(text).lintRemovingSpaces()
    }

    /// Same journal when the normalised names are equal (the catalogue also matches abbreviations to full names).
    static func sameJournal(_ a: String, _ b: String) -> Bool {
        let x = title(a).lintReplacing("the ", with: "")
        let y = title(b).lintReplacing("the ", with: "")
        return !x.isEmpty && x == y
    }

    /// Full, abbreviated, or nil when the name reads the same both ways (`JAMA Psychiatry`, `Neuropsychopharmacology`).
    static func journalForm(_ journal: String) -> JournalForm? {
        let words = journal.split { $0 == " " || $0 == "\t" }.map(String.init)
        guard !words.isEmpty else { return nil }
        if words.contains(where: { $0.count > 1 && $0.hasSuffix(".") }) { return .abbreviated }
        let bare = words.map { $0.lintTrimming([".", ",", ":", ";"]) }
        if bare.contains(where: { abbreviationWords.contains($0) }) { return .abbreviated }
        if bare.contains(where: { connectives.contains($0.lowercased()) }) { return .full }
        if bare.count >= 2, bare.allSatisfy({ fullWords.contains($0) }) { return .full }
        return nil
    }

    private static let connectives: Set<String> = ["of", "and", "the", "for", "in", "on", "&", "de", "der", "und"]
    private static let fullWords: Set<String> = [
        "Journal", "American", "British", "European", "International", "Clinical", "Medicine", "Research", "Review",
        "Reviews", "Science", "Sciences", "Annals", "Archives", "Proceedings", "National", "Academy", "Psychological",
        "Psychiatric", "Neurology", "Pharmacology", "Psychopharmacology", "Behavioral", "Behavioural", "Therapy",
        "Disorders", "Biological", "Epidemiology", "Pediatrics", "Surgery", "Oncology", "Cardiology", "Nutrition",
        "Depression", "Anxiety", "Psychology", "Medical", "Association", "Society", "Bulletin", "Quarterly",
    ]
    private static let abbreviationWords: Set<String> = [
        "J", "Am", "Br", "Eur", "Int", "Clin", "Med", "Res", "Rev", "Sci", "Ann", "Arch", "Proc", "Natl", "Acad",
        "Psychol", "Psychiatr", "Neurol", "Pharmacol", "Psychopharmacol", "Depress", "Behav", "Cogn", "Ther", "Dis",
        "Biol", "Physiol", "Epidemiol", "Pediatr", "Surg", "Oncol", "Cardiol", "Endocrinol", "Nutr", "Assoc", "Soc",
        "Bull", "Q", "Gen", "Curr", "Opin", "Neurosci", "Psychother", "Psychosom", "Affect", "Disord", "Transl",
    ]

    private static func isCombiningMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }
}

private extension String {
    var decomposedScalars: [Unicode.Scalar] {
        // Canonical decomposition is not in the standard library on Linux without Foundation; dropping marks on
        // precomposed letters is left to `Normalization`. Plain scalars are good enough for the fallback.
        Array(unicodeScalars)
    }

    func lintRemovingSpaces() -> String { filter { $0 != " " } }

    func lintReplacing(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }

    func lintTrimming(_ set: Set<Character>) -> String {
        var s = Substring(self)
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return String(s)
    }
}

#else


/// Whether a journal name is written in full or abbreviated.
enum JournalForm: String, Sendable {
    case full, abbreviated
}

enum LintNormalization {
    static func title(_ text: String) -> String { Normalization.title(text) }

    static func name(_ text: String) -> String { Normalization.name(text) }

    static func sameJournal(_ a: String, _ b: String) -> Bool { Normalization.sameJournal(a, b) }

    /// True when `text` is a journal name the catalog knows (a parser may file a titleless reference's
    /// journal as its title).
    static func isKnownJournal(_ text: String) -> Bool { JournalCatalog.isKnown(text) }

    /// Full, abbreviated, or nil when the name reads the same both ways (`JAMA Psychiatry`, `Science`,
    /// `Neuropsychopharmacology`) or cannot be told.
    static func journalForm(_ journal: String) -> JournalForm? {
        let key = Normalization.journalKey(journal)
        guard !key.isEmpty else { return nil }
        if let full = JournalCatalog.fullTitle(for: journal), let abbreviation = JournalCatalog.abbreviation(for: journal) {
            let fullKey = Normalization.journalKey(Normalization.strippedJournal(full))
            let abbreviationKey = Normalization.journalKey(Normalization.strippedJournal(abbreviation))
            let strippedKey = Normalization.journalKey(Normalization.strippedJournal(journal))
            if fullKey == abbreviationKey { return nil }
            if strippedKey == fullKey { return .full }
            if strippedKey == abbreviationKey { return .abbreviated }
        }
        if Normalization.isAbbreviatedJournal(journal) { return .abbreviated }
        let words = journal.split { $0 == " " || $0 == "\t" }.map(String.init)
        if words.contains(where: { connectives.contains($0.lowercased()) }) { return .full }
        return nil
    }

    private static let connectives: Set<String> = ["of", "and", "the", "for", "in", "on", "&", "de", "der", "und"]
}

#endif
