/// Word lists the grammar consults: name particles, suffixes, months, journal abbreviations.
enum Lexicon {
    /// Lower-case particles that belong to a family name (`van der Berg`, `de Roever`, `aan het Rot`).
    static let particles: Set<String> = [
        "van", "von", "de", "der", "den", "del", "della", "delle", "dei", "di", "da", "das", "dos", "do", "du",
        "la", "las", "le", "lo", "los", "ten", "ter", "te", "het", "aan", "op", "in't", "van't", "bin", "ibn", "al", "el", "st",
        "zu", "y", "e", "d'", "des", "af", "av", "vander", "vanden",
    ]

    static let suffixes: Set<String> = ["jr", "sr", "ii", "iii", "iv", "2nd", "3rd", "4th", "jnr", "snr"]

    /// Month and season names and abbreviations, lower-case.
    static let months: Set<String> = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "spring", "summer", "fall", "autumn", "winter",
    ]

    /// Words ending in a period that usually abbreviate a journal-title word rather than end a sentence.
    static let journalAbbreviations: Set<String> = [
        "neurosci", "biochem", "pharmacol", "physiol", "psychol", "psychiatr", "immunol", "microbiol",
        "endocrinol", "epidemiol", "oncol", "genet", "biophys", "cardiol", "nephrol", "neurol", "pediatr",
        "radiol", "surg", "toxicol", "virol", "ecol", "evol", "sociol", "econ", "comput", "behav", "environ",
        "nutr", "natl", "acad", "proc", "trans", "intl", "assoc", "anesth", "anaesth", "dermatol", "gastroenterol",
        "hepatol", "infect", "pathol", "rheumatol", "urol", "gynecol", "obstet", "ophthalmol", "otolaryngol",
        "pharm", "ther", "exp", "res", "rev", "lett", "med", "sci", "biol", "chem", "phys", "clin", "mol",
        "struct", "syst", "technol", "eng", "math", "stat", "appl", "bull", "commun", "int", "eur",
        "ann", "arch", "curr", "opin", "adv", "psychopharmacol", "neuropsychopharmacol",
        "addict", "alcohol", "dev", "educ", "hum", "inf", "inform", "j", "jpn", "soc", "philos",
        "nat", "neurobiol", "biomed", "hosp", "nurs", "prev", "rehabil", "reprod", "resp",
        "respir", "sleep", "sports", "vet", "zool", "bot", "geophys", "astron", "astrophys", "chim", "acta",
        "mech", "electron", "biotechnol", "genom", "metab", "diabetol", "hematol", "haematol",
    ]

    static func isMonth(_ s: Substring) -> Bool { months.contains(s.lowercased()) }
}
