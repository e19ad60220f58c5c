extension Normalization {
    /// A comparison key for a journal name: diacritics folded, lowercased, `&` read as `and`,
    /// apostrophes and hyphens removed (`Alzheimer's` → `alzheimers`, `Psycho-Oncology` → `psychooncology`),
    /// any other punctuation read as a space, spaces collapsed, and a leading `the` dropped.
    ///
    /// `The American journal of psychiatry` → `american journal of psychiatry`; `Am. J. Psychiatry` →
    /// `am j psychiatry`. This is the key of the embedded catalog: scripts/generate-journal-catalog.py
    /// implements the same function and must be kept in step with it.
    public static func journalKey(_ s: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 8)
        var pendingSpace = false
        func emit(_ scalar: Unicode.Scalar) {
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(contentsOf: String(scalar).utf8)
        }
        func emitByte(_ b: UInt8) {
            if pendingSpace && !bytes.isEmpty { bytes.append(0x20) }
            pendingSpace = false
            bytes.append(b)
        }
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                switch b {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): emitByte(b)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): emitByte(b + 32)
                case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "-"): continue
                case UInt8(ascii: "&"):
                    pendingSpace = true
                    emitByte(UInt8(ascii: "a"))
                    bytes.append(UInt8(ascii: "n"))
                    bytes.append(UInt8(ascii: "d"))
                    pendingSpace = true
                default: pendingSpace = true
                }
                continue
            }
            if isApostrophe(scalar) || isDash(scalar) { continue }
            var folded = String.UnicodeScalarView()
            appendFolded(scalar, to: &folded)
            for f in folded {
                for lower in f.properties.lowercaseMapping.unicodeScalars {
                    if isAlphanumeric(lower) {
                        emit(lower)
                    } else if lower.properties.generalCategory != .nonspacingMark {
                        pendingSpace = true
                    }
                }
            }
        }
        // Drop a leading "the " when more words follow.
        if bytes.count > 4, bytes[0] == UInt8(ascii: "t"), bytes[1] == UInt8(ascii: "h"), bytes[2] == UInt8(ascii: "e"),
            bytes[3] == 0x20
        {
            bytes.removeFirst(4)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            return ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Words that journal abbreviations drop (ISO 4 / NLM): articles, prepositions, conjunctions.
    static let journalStopWords: Set<String> = [
        "a", "an", "the", "of", "and", "in", "for", "on", "to", "with", "at", "by", "from",
        "de", "des", "du", "la", "le", "les", "l", "d", "der", "die", "das", "und", "fur", "et", "y", "e",
        "del", "della", "di", "da", "do", "dos", "en", "im", "zur", "zum",
    ]

    /// True when `a` and `b` name the same journal.
    ///
    /// Equal keys, or the same journal in the embedded catalog (full title = NLM abbreviation = ISO
    /// abbreviation), or, for journals the catalog does not know, one is a plausible word-by-word
    /// abbreviation of the other: after dropping stop words (`of`, `the`, `and`, …) both have the same
    /// number of words and each abbreviated word is a prefix of the full word (`J Psychopharmacol` =
    /// `Journal of Psychopharmacology`; `Neuropsychopharmacology` ≠ `Neuropsychology`). Short contractions
    /// of up to four letters are accepted when all but the last letter are a prefix and the last letter
    /// follows (`Natl` = `National`). Parenthesised qualifiers and subtitles after ` : ` are ignored in
    /// the rule-based comparison. When both names are in the catalog as different journals the answer is
    /// false, whatever the rule says.
    public static func sameJournal(_ a: String, _ b: String) -> Bool {
        let ka = journalKey(a)
        let kb = journalKey(b)
        if ka.isEmpty || kb.isEmpty { return false }
        if ka == kb { return true }
        if let ia = JournalCatalog.canonicalID(for: a), let ib = JournalCatalog.canonicalID(for: b) { return ia == ib }
        return sameJournalByRule(JournalName(a), JournalName(b))
    }

    /// Word-by-word abbreviation match between two names (either may be the abbreviation).
    static func abbreviates(_ wa: [Substring], _ wb: [Substring]) -> Bool {
        guard !wa.isEmpty, wa.count == wb.count else { return false }
        for (x, y) in zip(wa, wb) {
            if x == y { continue }
            let (short, long) = x.count < y.count ? (x, y) : (y, x)
            if long.hasPrefix(short) { continue }
            if isContraction(short, of: long) { continue }
            return false
        }
        return true
    }

    /// `natl` of `national`, `intl` of `international`: up to four letters, all but the last a prefix.
    static func isContraction(_ short: Substring, of long: Substring) -> Bool {
        guard short.count >= 3, short.count <= 4, let last = short.last else { return false }
        let stem = short.dropLast()
        guard long.hasPrefix(stem) else { return false }
        return long.dropFirst(stem.count).contains(last)
    }

    /// The journal key's words without stop words.
    static func journalWords(_ s: String) -> [Substring] {
        let key = journalKey(s)
        let words = key.split(separator: " ")
        let kept = words.filter { !journalStopWords.contains(String($0)) }
        return kept.isEmpty ? words : kept
    }

    /// The name without parenthesised qualifiers (`(Oxford, England)`, `(Oxf)`) and without a subtitle
    /// after ` : `, ` / ` or ` = `.
    public static func strippedJournal(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var depth = 0
        var previousWasSpace = false
        var scalars = Array(s.unicodeScalars)
        // Cut at a spaced subtitle separator.
        var i = 1
        while i + 1 < scalars.count {
            if scalars[i - 1] == " ", scalars[i + 1] == " ", scalars[i] == ":" || scalars[i] == "/" || scalars[i] == "=" {
                scalars.removeSubrange((i - 1)...)
                break
            }
            i += 1
        }
        for scalar in scalars {
            if scalar == "(" || scalar == "[" {
                depth += 1
                continue
            }
            if scalar == ")" || scalar == "]" {
                depth = max(0, depth - 1)
                continue
            }
            if depth > 0 { continue }
            if scalar == " " {
                if previousWasSpace { continue }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
            out.append(scalar)
        }
        return String(out)
    }

    /// The name cut before a `. ` that starts a title in other words (`Nihon rinsho. Japanese journal of
    /// clinical medicine` → `Nihon rinsho`): only when the part after it has a lowercase word of four or
    /// more letters, so abbreviations (`Am. J. Psychiatr. Res.`) and sections
    /// (`Acta Anaesthesiologica Scandinavica. Supplementum`) are left whole.
    static func droppingTranslatedSubtitle(_ s: String) -> String {
        guard let range = s.firstRange(of: ". ") else { return s }
        let head = s[..<range.lowerBound]
        let tail = s[range.upperBound...]
        let lowercaseWord = tail.split(separator: " ").contains { w in
            w.count >= 4 && w.allSatisfy { $0.isLetter } && (w.first?.isLowercase ?? false)
        }
        return lowercaseWord && !head.isEmpty ? String(head) : s
    }

    /// Common words of journal abbreviations that are not words of full titles on their own.
    static let abbreviationWords: Set<String> = [
        "j", "am", "int", "clin", "res", "med", "sci", "rev", "eur", "br", "arch", "ann", "proc", "bull",
        "psychiatr", "psychol", "neurol", "pharmacol", "biol", "chem", "phys", "soc", "assoc", "natl", "acad",
        "curr", "opin", "gen", "exp", "ther", "dis", "ment", "behav", "neurosci", "endocrinol", "metab", "nutr",
        "epidemiol", "pediatr", "surg", "nurs", "hosp", "dev", "cogn", "emerg", "infect", "immunol", "oncol",
        "cardiol", "gastroenterol", "hepatol", "obstet", "gynecol", "transl", "syst", "mol", "cell", "engl",
        "psychopharmacol", "neuropsychopharmacol", "depress", "anxiety", "physiol", "lett", "adv", "environ",
        "ophthalmol", "otolaryngol", "pathol", "radiol", "rep", "anesth", "dermatol", "hematol", "nephrol", "urol",
        "vet", "microbiol", "biochem", "pharm",
    ]

    /// True when `s` is written as an abbreviation (`Am J Psychiatry`, `J. Psychopharmacol.`), false for a
    /// full title (`American Journal of Psychiatry`) or a journal whose abbreviation is its title (`JAMA`,
    /// `Neuropsychopharmacology`).
    ///
    /// Uses the catalog when it knows the name (the name's key equals the NLM/ISO abbreviation's and differs
    /// from the full title's); otherwise a heuristic: no stop word (`of`, `and`, …) and at least one word
    /// written with a trailing period or known as an abbreviation word (`J`, `Am`, `Int`, `Clin`, …).
    public static func isAbbreviatedJournal(_ s: String) -> Bool {
        let key = journalKey(s)
        if key.isEmpty { return false }
        if let id = JournalCatalog.id(forKey: key), let entry = JournalCatalog.entry(atID: id) {
            let fullKey = journalKey(entry.fullTitle)
            let abbrKey = journalKey(entry.abbreviation)
            if key == abbrKey { return abbrKey != fullKey }
            if key == fullKey { return false }
        }
        let words = key.split(separator: " ").map(String.init)
        if words.contains(where: { journalStopWords.contains($0) && $0 != "am" }) { return false }
        if words.contains(where: { abbreviationWords.contains($0) && $0 != "cell" && $0 != "anxiety" }) { return true }
        // A word written with a trailing period that is not the last word or is short: `Psychiatr.`, `Neurol.`
        for token in s.split(whereSeparator: { $0 == " " }) where token.hasSuffix(".") && token.count >= 2 {
            let letters = token.dropLast()
            if letters.allSatisfy({ $0.isLetter }) { return true }
        }
        return false
    }
}
