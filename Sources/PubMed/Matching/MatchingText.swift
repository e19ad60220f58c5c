import CiteCheck

/// Text helpers for matching: folding, tokens, names, journals, pages.
///
/// Folding comes from `Normalization` (CiteCheck); what is here is specific to comparing a reference with a
/// PubMed record (title tokens and similarity, record pages, identifier keys).
enum MatchingText {
    // MARK: Folding and words

    /// A word of a text: its folded form (lowercase ASCII where possible) and the word as written.
    struct Word: Hashable, Sendable {
        var folded: String
        var original: String
    }

    /// Lowercases and removes diacritics (`Müller` → `muller`, `β` → `beta`, `&` → `and`).
    static func fold(_ text: String) -> String {
        Normalization.comparisonFold(text)
    }

    /// `text` without leading and trailing whitespace.
    static func trim(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(String.UnicodeScalarView(scalars[start...end]))
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// The words of `text`, split at anything that is not a letter or digit (hyphens split words).
    static func words(_ text: String) -> [Word] {
        var result: [Word] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            let original = String(current)
            for part in fold(original).split(whereSeparator: { !$0.unicodeScalars.allSatisfy(isWordScalar) }) {
                result.append(Word(folded: String(part), original: original))
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                current.append(scalar)
            } else {
                flush()
                if scalar == "&" { result.append(Word(folded: "and", original: "&")) }
            }
        }
        flush()
        return result
    }

    /// The folded words of `text` (as `words(_:).map(\.folded)`), with a fast path for ASCII text.
    static func tokens(_ text: String) -> [String] {
        var isASCII = true
        for byte in text.utf8 where byte >= 0x80 {
            isASCII = false
            break
        }
        guard isASCII else { return words(text).map(\.folded) }
        var result: [String] = []
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A:
                buffer.append(byte)
            case 0x41...0x5A:
                buffer.append(byte + 0x20)
            default:
                if !buffer.isEmpty {
                    result.append(String(decoding: buffer, as: UTF8.self))
                    buffer.removeAll(keepingCapacity: true)
                }
                if byte == 0x26 { result.append("and") }
            }
        }
        if !buffer.isEmpty { result.append(String(decoding: buffer, as: UTF8.self)) }
        return result
    }

    static let stopWords: Set<String> = [
        "a", "an", "the", "of", "in", "on", "and", "or", "for", "to", "with", "by", "at", "from", "as", "is", "are",
        "was", "were", "be", "its", "their", "vs", "versus", "via", "into", "than", "that", "this", "do", "does",
    ]

    /// A light stem so `disorder`/`disorders` agree.
    static func stem(_ word: String) -> String {
        let utf8 = word.utf8
        guard utf8.count > 3, utf8.last == UInt8(ascii: "s") else { return word }
        let before = utf8[utf8.index(utf8.endIndex, offsetBy: -2)]
        guard before != UInt8(ascii: "s"), before != UInt8(ascii: "u"), before != UInt8(ascii: "i") else { return word }
        return String(word.dropLast())
    }

    /// Content tokens of a title: folded, stemmed, stop words removed, in order.
    static func titleTokens(_ title: String) -> [String] {
        tokens(stripTags(title)).compactMap { stopWords.contains($0) ? nil : stem($0) }
    }

    /// `text` without markup tags (`<i>E. coli</i>` → `E. coli`), as some PubMed titles carry them.
    static func stripTags(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "<")) else { return text }
        var out = ""
        var inTag = false
        for scalar in text.unicodeScalars {
            if scalar == "<" {
                inTag = true
            } else if scalar == ">" && inTag {
                inTag = false
            } else if !inTag {
                out.unicodeScalars.append(scalar)
            }
        }
        return inTag ? text : out
    }

    /// Levenshtein distance between two short strings (names).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let x = Array(a.unicodeScalars)
        let y = Array(b.unicodeScalars)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }

    /// A title without surrounding brackets (`[The pineal body].`), quotes and trailing period.
    static func cleanTitle(_ rawTitle: String) -> String {
        let title = stripTags(rawTitle)
        let strip: Set<Unicode.Scalar> = [".", "\"", "'", "“", "”", "‘", "’"]
        func trimmed(_ scalars: Substring.UnicodeScalarView) -> Substring.UnicodeScalarView {
            var view = scalars
            while let last = view.last, strip.contains(last) || last.properties.isWhitespace { view.removeLast() }
            while let first = view.first, strip.contains(first) || first.properties.isWhitespace { view.removeFirst() }
            return view
        }
        var view = trimmed(Substring(title).unicodeScalars)
        if view.first == "[", view.last == "]" {
            view.removeFirst()
            view.removeLast()
            view = trimmed(view)
        }
        return String(Substring(view))
    }

    /// The part of a title before its subtitle (`Efficacy of X: a randomized trial` → `Efficacy of X`), nil when it has none.
    static func mainTitle(_ title: String) -> String? {
        guard let colon = title.utf8.firstIndex(where: { $0 == 0x3A || $0 == 0x3F }), colon != title.utf8.startIndex else { return nil }
        return String(title[..<colon])
    }

    /// Dice coefficient over two token multisets. A token of one equal to two adjacent tokens of the other
    /// (`singlepigment` / `single pigment`) counts as one shared token on each side.
    static func dice(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        let (a, b) = (joinCompounds(a, against: b), joinCompounds(b, against: a))
        var counts: [String: Int] = [:]
        for token in a { counts[token, default: 0] += 1 }
        var common = 0
        for token in b {
            if let n = counts[token], n > 0 {
                common += 1
                counts[token] = n - 1
            }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }

    private static let numerals: Set<String> = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"]

    /// A part or series number: digits or a small roman numeral.
    static func isNumeral(_ token: String) -> Bool {
        numerals.contains(token) || (!token.isEmpty && token.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
    }

    /// Two different words that are one word written differently: a spelling variant (`randomised` /
    /// `randomized`, `haemoglobin` / `hemoglobin`) or an abbreviation (`assoc` / `association`). Numerals never are.
    static func sameWordVariant(_ a: String, _ b: String) -> Bool {
        if isNumeral(a) || isNumeral(b) { return false }
        if min(a.count, b.count) >= 4, a.hasPrefix(b) || b.hasPrefix(a) { return true }
        return min(a.count, b.count) >= 5 && editDistance(a, b) <= 2
    }

    /// Content words of a reference's title (`written`) that PubMed's title (`record`, or its main title) does not
    /// have in any form; a part number counts (`Part II` written, `Part I` in PubMed). A title that only lacks
    /// words, or differs in spelling, has none; a companion paper's title usually has some.
    static func foreignWordCount(_ written: [String], _ record: [String], main: [String]) -> Int {
        func count(against other: [String]) -> Int {
            let a = joinCompounds(written, against: other)
            let b = joinCompounds(other, against: written)
            var remaining: [String: Int] = [:]
            for token in b { remaining[token, default: 0] += 1 }
            var extra: [String] = []
            for token in a {
                if let n = remaining[token], n > 0 { remaining[token] = n - 1 } else { extra.append(token) }
            }
            let missing = remaining.flatMap { Array(repeating: $0.key, count: $0.value) }
            // A part number the reference writes and PubMed's title lacks is foreign too (`Part II` for `Part I`):
            // numerals are never spelling variants.
            return extra.filter { word in !missing.contains { sameWordVariant(word, $0) } }.count
        }
        let full = count(against: record)
        guard full > 0, main.count >= 3 else { return full }
        return min(full, count(against: main))
    }

    /// `tokens` with each adjacent pair joined when the joined word is a token of `other` and the pair is not.
    static func joinCompounds(_ tokens: [String], against other: [String]) -> [String] {
        guard tokens.count > 1 else { return tokens }
        var result: [String] = []
        result.reserveCapacity(tokens.count)
        var i = 0
        var otherSet: Set<String>?
        while i < tokens.count {
            if i + 1 < tokens.count {
                let set = otherSet ?? Set(other)
                otherSet = set
                if !set.contains(tokens[i]) || !set.contains(tokens[i + 1]) {
                    let joined = tokens[i] + tokens[i + 1]
                    if set.contains(joined) || set.contains(stem(joined)) {
                        result.append(set.contains(joined) ? joined : stem(joined))
                        i += 2
                        continue
                    }
                }
            }
            result.append(tokens[i])
            i += 1
        }
        return result
    }

    /// Similarity of two titles in 0...1: tolerates case, punctuation, quotes, a dropped or added word, and a
    /// subtitle left out on either side. When the concatenated letters agree (`post-traumatic` / `posttraumatic`) it is 1.
    static func titleSimilarity(_ a: String, _ b: String) -> Double {
        let ta = titleTokens(a)
        let tb = titleTokens(b)
        return titleSimilarity(tokens: ta, a, tokens: tb, b)
    }

    static func titleSimilarity(tokens ta: [String], _ a: String, tokens tb: [String], _ b: String) -> Double {
        titleSimilarity(
            tokens: ta, main: mainTitle(a).map(titleTokens) ?? [],
            tokens: tb, main: mainTitle(b).map(titleTokens) ?? []
        )
    }

    /// Title similarity from precomputed tokens of each title and of its main title (empty when it has no subtitle).
    static func titleSimilarity(tokens ta: [String], main ma: [String], tokens tb: [String], main mb: [String]) -> Double {
        if ta.isEmpty || tb.isEmpty { return 0 }
        if ta == tb || ta.joined() == tb.joined() { return 1 }
        var best = dice(ta, tb)
        if best < 1, mb.count >= 3 { best = max(best, dice(ta, mb)) }
        if best < 1, ma.count >= 3 { best = max(best, dice(ma, tb)) }
        return best
    }

    // MARK: Names

    /// A family name reduced to its folded letters (`Aan Het Rot` → `aanhetrot`, `Landeros-Weisenberger` → `landerosweisenberger`).
    static func familyKey(_ name: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        for byte in name.utf8 {
            switch byte {
            case 0x30...0x39, 0x61...0x7A: bytes.append(byte)
            case 0x41...0x5A: bytes.append(byte + 0x20)
            case 0x80...: return tokens(name).joined()
            default: continue
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two family names are the same person's: equal keys, or one a particle-less tail of the other
    /// (`van der Berg` / `Berg`).
    static func sameFamily(_ a: String, _ b: String) -> Bool {
        let ka = familyKey(a)
        let kb = familyKey(b)
        guard !ka.isEmpty, !kb.isEmpty else { return false }
        if ka == kb { return true }
        guard ka.contains(kb) || kb.contains(ka) else { return false }
        // Particles before the name (`van der Berg` / `Berg`), or one half of a double name (`Landeros-Weisenberger` / `Landeros`).
        let aWords = tokens(a)
        let bWords = tokens(b)
        guard aWords.count != bWords.count else { return false }
        if let last = aWords.last, last == bWords.last, last.count >= 3 { return true }
        if let first = aWords.first, first == bWords.first, first.count >= 4 { return true }
        return false
    }

    // MARK: Journals

    /// A journal name as a comparison key: folded words, no punctuation, no leading `The`, no parenthetical
    /// place qualifier (`Journal of psychopharmacology (Oxford, England)` → `journal of psychopharmacology`).
    static func journalKey(_ journal: String) -> String {
        var text = journal
        if let open = text.utf8.firstIndex(of: UInt8(ascii: "(")), open != text.utf8.startIndex {
            text = String(text[..<open])
        }
        var parts = tokens(text)
        if parts.first == "the", parts.count > 1 { parts.removeFirst() }
        return parts.joined(separator: " ")
    }

    /// True when `written` names the record's journal: equal keys with its title, ISO abbreviation or MedlineTA,
    /// or each word of one a prefix of the matching word of the other (`Am J Psychiatry` / `American Journal of Psychiatry`).
    static func sameJournal(_ written: String, _ record: PubMedRecord) -> Bool {
        let key = journalKey(written)
        guard !key.isEmpty else { return false }
        var names = [record.isoAbbreviation, record.medlineTA, record.journalTitle].compactMap { $0 }
        // `CA: a cancer journal for clinicians` is also written `CA`; `Neuropsychopharmacology : official publication …`
        // is written `Neuropsychopharmacology`.
        if let title = record.journalTitle, let main = mainTitle(title) { names.append(main) }
        if names.contains(where: { journalKey($0) == key }) { return true }
        // The embedded catalog knows full titles and abbreviations of one journal: when it knows both sides, it decides.
        if let id = JournalCatalog.canonicalID(for: written) {
            let known = names.compactMap { JournalCatalog.canonicalID(for: $0) }
            if !known.isEmpty { return known.contains(id) }
        }
        for name in names {
            let other = journalKey(name)
            if abbreviates(key, other) || abbreviates(other, key) { return true }
        }
        if let title = record.journalTitle, isAcronym(written, of: title) { return true }
        return false
    }

    /// `NEJM` for `The New England journal of medicine`, `PNAS` for `Proceedings of the National Academy of Sciences
    /// of the United States of America`: an upper-case word of 3 to 6 letters equal to the initials of the title's
    /// content words (or, from 4 letters, their start).
    static func isAcronym(_ written: String, of title: String) -> Bool {
        let letters = trim(written).filter { $0 != "." }
        guard (3...6).contains(letters.count), letters.allSatisfy({ $0.isASCII && $0.isUppercase }) else { return false }
        let initials = String(journalKey(title).split(separator: " ").filter { !stopWords.contains(String($0)) }.compactMap(\.first))
        let acronym = letters.lowercased()
        return initials == acronym || (acronym.count >= 4 && initials.hasPrefix(acronym))
    }

    /// Each word of `short` is a prefix of the corresponding content word of `long` (stop words skipped).
    static func abbreviates(_ short: String, _ long: String) -> Bool {
        let s = short.split(separator: " ").filter { !stopWords.contains(String($0)) }
        let l = long.split(separator: " ").filter { !stopWords.contains(String($0)) }
        guard !s.isEmpty, s.count == l.count else { return false }
        // One word: `Cancer` must not abbreviate to `CA`.
        if s.count == 1, s[0].count < 5 { return false }
        for (a, b) in zip(s, l) where !b.hasPrefix(a) { return false }
        return true
    }

    private static let abbreviationWords: Set<String> = [
        "j", "am", "med", "clin", "res", "int", "br", "eur", "ann", "arch", "rev", "sci", "biol", "chem", "physiol",
        "pharmacol", "neurol", "psychiatr", "natl", "acad", "proc", "soc", "assoc", "dis", "ther", "surg", "gen",
        "exp", "mol", "immunol", "endocrinol", "metab", "nutr", "epidemiol", "infect", "cardiol", "oncol", "pediatr",
        "psychol", "neurosci", "lett", "curr", "opin", "adv", "bull", "dev", "environ", "health", "hosp", "nurs", "obstet",
        "gynecol", "ophthalmol", "otolaryngol", "pathol", "radiol", "rep", "anesth", "dermatol", "gastroenterol",
        "hepatol", "hematol", "nephrol", "urol", "vet", "microbiol", "biochem", "pharm", "psychopharmacol", "transl",
    ]

    /// True when a journal name as written looks abbreviated (`J Psychopharmacol`, `Am. J. Psychiatry`) rather
    /// than spelled out (`Journal of Psychopharmacology`).
    static func looksAbbreviated(_ journal: String) -> Bool {
        if let id = JournalCatalog.canonicalID(for: journal), let abbreviation = JournalCatalog.abbreviation(for: journal),
           let full = JournalCatalog.fullTitle(for: journal), JournalCatalog.canonicalID(for: abbreviation) == id {
            let key = journalKey(journal)
            if key == journalKey(abbreviation) && key != journalKey(full) { return true }
            if key == journalKey(full) { return false }
        }
        let parts = tokens(journal)
        if parts.contains(where: { stopWords.contains($0) }) && parts.count > 1 { return false }
        if journal.contains(". ") || (journal.hasSuffix(".") && parts.count > 1) { return true }
        return parts.contains { abbreviationWords.contains($0) }
    }

    /// `The American journal of psychiatry` → `The American Journal of Psychiatry`; parenthetical qualifiers dropped.
    static func displayJournalTitle(_ title: String) -> String {
        var text = title
        if let open = text.firstIndex(of: "("), open != text.startIndex {
            text = trim(text[..<open])
        }
        let small: Set<String> = ["of", "and", "the", "in", "for", "on", "a", "an", "to", "with", "at", "by", "de", "du", "la", "et", "und", "der", "fur", "für"]
        var out: [String] = []
        for (i, word) in text.split(separator: " ").enumerated() {
            let w = String(word)
            if i > 0 && small.contains(w.lowercased()) {
                out.append(w)
            } else if let first = w.first, first.isLowercase {
                out.append(first.uppercased() + w.dropFirst())
            } else {
                out.append(w)
            }
        }
        return out.joined(separator: " ")
    }

    // MARK: Pages, volumes, identifiers

    /// Expands an abbreviated last page against the first (`2475`, `83` → `2483`; `S12`, `5` → `S15`).
    static func expandLastPage(first: String, last: String) -> String {
        Normalization.pages(first, last).last ?? last
    }

    /// The MEDLINE abbreviation of a range's last page (`2475`, `2483` → `83`; `291`, `296` → `6`).
    static func abbreviateLastPage(first: String, last: String) -> String {
        guard first.count == last.count, first.allSatisfy(\.isNumber), last.allSatisfy(\.isNumber) else { return last }
        let f = Array(first)
        let l = Array(last)
        var i = 0
        while i < l.count - 1 && f[i] == l[i] { i += 1 }
        return String(l[i...])
    }

    /// A record's page range with the last page expanded, from `pages` or `medlinePages`.
    static func recordPages(_ record: PubMedRecord) -> PageRange? {
        if let pages = record.pages, !pages.first.isEmpty {
            if let last = pages.last { return PageRange(first: pages.first, last: expandLastPage(first: pages.first, last: last), lastAsWritten: pages.lastAsWritten) }
            return pages
        }
        guard let text = record.medlinePages.map(trim), !text.isEmpty else { return nil }
        let firstRange = text.split(separator: ",").first.map(String.init) ?? text
        let parts = firstRange.split(whereSeparator: { $0 == "-" || $0 == "–" || $0 == "—" }).map { trim($0) }
        guard let first = parts.first, !first.isEmpty else { return nil }
        if parts.count >= 2, !parts[1].isEmpty {
            return PageRange(first: first, last: expandLastPage(first: first, last: parts[1]), lastAsWritten: parts[1])
        }
        return PageRange(first: first)
    }

    /// A page, volume or issue as a comparison key: folded, without spaces, leading zeros or a `p.`/`pp.` prefix.
    static func numberKey(_ text: String) -> String {
        var key = familyKey(text)
        if key.hasPrefix("pp") && key.dropFirst(2).first?.isNumber == true { key.removeFirst(2) }
        if key.hasPrefix("p") && key.dropFirst(1).first?.isNumber == true { key.removeFirst(1) }
        while key.count > 1, key.first == "0" { key.removeFirst() }
        return key
    }

    /// A DOI as a comparison key: lowercased, without resolver prefix or trailing punctuation.
    static func doiKey(_ doi: String) -> String {
        var key = trim(doi).lowercased()
        guard key.utf8.first != UInt8(ascii: "1") else {
            while let last = key.last, ".,;".contains(last) { key.removeLast() }
            return key
        }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:", "doi "] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
        }
        while let last = key.last, ".,;".contains(last) { key.removeLast() }
        return trim(key)
    }

    /// A PMCID as a comparison key (`pmc1234567` → `PMC1234567`).
    static func pmcidKey(_ pmcid: String) -> String {
        let digits = pmcid.filter(\.isNumber)
        return digits.isEmpty ? "" : "PMC" + digits
    }
}
