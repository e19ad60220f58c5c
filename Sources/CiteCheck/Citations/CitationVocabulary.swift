/// Words the citation scanners and the linker share: name particles, words that are never names, journal-like
/// words. Names and journals are compared with `Normalization` (see `CitationLinker`).
public enum CitationVocabulary {
    /// Lowercase name particles dropped from the front of a family name when comparing (`van der Berg` ~ `Berg`).
    static let particles: Set<String> = [
        "van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le", "ten", "ter",
        "aan", "het", "op", "zu", "af", "av", "bin", "ibn",
    ]

    /// Capitalised words that are never an author's name in narrative text (`In (2014)`, `The (2019)`).
    static let notNames: Set<String> = [
        "the", "a", "an", "in", "on", "at", "of", "for", "from", "to", "by", "with", "this", "that", "these", "those",
        "our", "we", "their", "it", "its", "as", "and", "or", "but", "however", "also", "study", "trial", "table",
        "figure", "fig", "see", "since", "until", "during", "after", "before", "between", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "phase",
        "part", "section", "chapter", "volume", "version", "year", "years", "spring", "summer", "fall", "autumn",
        "winter", "published", "updated", "retrieved", "accessed", "copyright", "here", "there", "then", "when",
        "while", "although", "though", "because", "if", "what", "which", "who", "how", "why", "all", "some", "most",
        "many", "one", "two", "three", "first", "second", "third", "last", "next", "previous", "earlier", "later",
        "recent", "recently", "new", "review", "analysis", "report", "data", "results", "conclusion", "introduction",
        "background", "methods", "discussion", "note", "notes", "ibid", "ref", "refs", "reference", "references",
        "i", "he", "she", "they", "you", "yes", "no", "not", "e.g", "i.e", "cf", "etc", "researchers", "scientists",
        "investigators", "authors", "doctors", "physicians", "clinicians", "patients", "participants", "experts",
        // German and Spanish words that open a dated parenthesis without being a name (`Stand 2018`: as of 2018).
        "stand", "seit", "bis", "ab", "jahr", "im", "am", "vom", "und", "desde", "hasta", "año", "en", "del", "el",
        "as of", "since", "circa", "ca", "approx", "est", "founded", "born", "died", "updated", "edition", "ed",
    ]

    /// Nouns that make `a 2016 …` a study: `a 2016 crossover study`, `a 2019 meta-analysis`.
    static let studyNouns: Set<String> = [
        "study", "studies", "trial", "trials", "review", "meta-analysis", "metaanalysis", "analysis", "paper",
        "report", "survey", "experiment", "investigation", "article", "rct", "paper", "publication", "cohort",
        "research", "work", "letter", "commentary", "editorial",
    ]

    /// People who do studies: `in 2014, researchers…`, `researchers at Yale`.
    static let researcherNouns: Set<String> = [
        "researchers", "scientists", "investigators", "team", "group", "authors", "doctors", "physicians",
        "psychiatrists", "clinicians", "researcher", "scientist", "investigator", "lab", "laboratory",
    ]

    /// Words after a single name that mean `et al.` in narrative text: `Taylor and colleagues (2018)`.
    static let colleagueWords: Set<String> = ["colleagues", "coworkers", "co-workers", "collaborators", "associates", "coauthors", "co-authors", "team"]

    /// Study-design words and the normalised form a title is searched for.
    static let studyTypeWords: [String: String] = [
        "randomized": "randomized", "randomised": "randomized", "rct": "randomized",
        "placebo-controlled": "placebo-controlled", "controlled": "controlled",
        "double-blind": "double-blind", "double-blinded": "double-blind", "single-blind": "single-blind",
        "open-label": "open-label", "crossover": "crossover", "cross-over": "crossover",
        "replication": "replication", "meta-analysis": "meta-analysis", "metaanalysis": "meta-analysis",
        "cohort": "cohort", "case-control": "case-control", "pilot": "pilot", "longitudinal": "longitudinal",
        "prospective": "prospective", "retrospective": "retrospective", "cross-sectional": "cross-sectional",
        "follow-up": "follow-up", "observational": "observational", "systematic": "systematic",
        "proof-of-concept": "proof-of-concept", "multicenter": "multicenter", "multicentre": "multicenter",
        "naturalistic": "naturalistic", "preclinical": "preclinical", "retrospectively": "retrospective",
    ]

    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ]

    /// Lowercase words allowed inside a capitalised name (`American Journal of Psychiatry`, `Mount Sinai`).
    static let nameConnectors: Set<String> = ["of", "and", "&", "for", "the", "in", "de", "la", "du", "der", "und", "fur", "für"]

    /// Words that make a capitalised phrase look like a journal title, when no catalog says so.
    static let journalWords: Set<String> = [
        "journal", "jama", "lancet", "nejm", "bmj", "nature", "science", "cell", "psychiatry", "psychiatric",
        "medicine", "medical", "neuropsychopharmacology", "psychopharmacology", "psychopharmacol", "neuroscience",
        "neurology", "psychology", "psychological", "clinical", "research", "reviews", "review", "annals", "archives",
        "proceedings", "plos", "bulletin", "translational", "biological", "pharmacology", "anesthesiology",
        "anesthesia", "pain", "depression", "anxiety", "affective", "disorders", "therapeutics", "frontiers",
        "cochrane", "pediatrics", "oncology", "cardiology", "epidemiology", "health", "neuron", "brain", "j",
        "am", "biol", "psychiatr", "med", "clin", "neurosci", "pharmacol", "ther", "gen", "rev",
    ]

    /// The family name without leading particles (`van der Berg` → `Berg`, `Aan Het Rot` → `Rot`); a name that
    /// is all particles is kept whole.
    public static func withoutParticles(_ name: String) -> String {
        var words = name.split { $0 == " " || $0 == "\u{00A0}" }
        while words.count > 1, let first = words.first, particles.contains(fold(String(first))) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Lowercase with common Latin diacritics folded (`Müller` → `muller`, `Łukasz` → `lukasz`, `ß` → `ss`).
    public static func fold(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.lowercased().unicodeScalars {
            if scalar.isASCII {
                out.unicodeScalars.append(scalar)
            } else if let folded = foldTable[scalar] {
                out += folded
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let foldTable: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšș", "s"), ("ţťŧț", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("’‘ʼ", "'"),
        ]
        var table: [Unicode.Scalar: String] = ["ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d"]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = base }
        }
        return table
    }()

    /// Journal-name words: folded, `&` → `and`, punctuation dropped, `the` dropped.
    static func journalWordsOf(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in fold(name).unicodeScalars {
            if ScanText.isLetter(scalar) || ScanText.isDigit(scalar) {
                current.unicodeScalars.append(scalar)
            } else {
                if !current.isEmpty {
                    words.append(current)
                    current = ""
                }
                if scalar == "&" { words.append("and") }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words.filter { $0 != "the" }
    }

    /// A capitalised phrase looks like a journal title (one of its words is journal-like).
    public static func looksLikeJournal(_ name: String) -> Bool {
        journalWordsOf(name).contains { journalWords.contains($0) }
    }
}
