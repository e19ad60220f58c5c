/// Decides what kind of work an entry cites (``EntryKind``) from its text and the fields the parser found.
///
/// One byte pass collects cue words (`medRxiv`, `In: … eds.`, `YouTube`, `press release`, `Report`, `Press`,
/// `accessed`, …) as bits; a fixed decision order then weighs them against the journal structure the parser read.
/// Conservative: an entry with a journal and a volume or pages, or a PubMed/PMC identifier, stays an article unless
/// a cue names a medium outright (a preprint server, a video platform, `In: … eds.`, a press release).
enum EntryKindClassifier {
    /// Cue bits found by the byte scan.
    struct Cues: OptionSet {
        let rawValue: UInt64
        static let preprintServer = Cues(rawValue: 1 << 0)  // medRxiv, bioRxiv, arXiv, SSRN, Research Square
        static let preprintWord = Cues(rawValue: 1 << 1)  // preprint
        static let inContainer = Cues(rawValue: 1 << 2)  // `In:` / `In ` / `En:` before a container
        static let editors = Cues(rawValue: 1 << 3)  // eds, ed., editors, Hrsg., edited by
        static let videoPlatform = Cues(rawValue: 1 << 4)  // YouTube, Vimeo, TED talk
        static let videoWord = Cues(rawValue: 1 << 5)  // video, Talks at Google
        static let podcast = Cues(rawValue: 1 << 6)  // podcast, episode
        static let datasetStrong = Cues(rawValue: 1 << 7)  // Zenodo, figshare, Dryad, ERA5, Copernicus
        static let datasetWord = Cues(rawValue: 1 << 8)  // dataset, data set, database, Datenbank
        static let newsOutlet = Cues(rawValue: 1 << 9)  // New York Times, Guardian, Spiegel, BBC, …
        static let pressRelease = Cues(rawValue: 1 << 10)  // press release, Pressemitteilung
        static let reportWord = Cues(rawValue: 1 << 11)  // report, guideline, bulletin, working paper, …
        static let epidBulletin = Cues(rawValue: 1 << 12)  // Epidemiologisches Bulletin, Epid Bull
        static let thesis = Cues(rawValue: 1 << 13)  // thesis, dissertation
        static let organisation = Cues(rawValue: 1 << 14)  // WHO, CDC, RKI, NICE, ministry, …
        static let pdf = Cues(rawValue: 1 << 15)  // `.pdf`
        static let bookWord = Cues(rawValue: 1 << 16)  // ISBN, Press, Verlag, edition, publishers
        static let chapterWord = Cues(rawValue: 1 << 17)  // chapter, Kapitel, capítulo
        static let access = Cues(rawValue: 1 << 18)  // retrieved, accessed, abgerufen, Disponible en, [Internet]
        static let software = Cues(rawValue: 1 << 19)  // R Core Team, R package, CRAN, GitHub
        static let webWord = Cues(rawValue: 1 << 20)  // website, Webseite, blog, Wikipedia, www.
        static let leaflet = Cues(rawValue: 1 << 21)  // Fachinformation, Beipackzettel: a drug leaflet page
        static let notePerson = Cues(rawValue: 1 << 22)  // I, we, my, see, here: a footnote's prose
        static let caseReport = Cues(rawValue: 1 << 23)  // `case report` (an article type, not a report)
        static let cochrane = Cues(rawValue: 1 << 24)  // Cochrane Database (a journal)
        static let year = Cues(rawValue: 1 << 25)  // a four-digit year anywhere
        static let bookSite = Cues(rawValue: 1 << 26)  // amazon, goodreads, Google Books
        static let germanPages = Cues(rawValue: 1 << 27)  // `S. 198-199`: pages of a German book
    }

    /// The kind of `ref` (already parsed from `b`). `publisher`: the parser read `Place: Publisher` as a book's.
    /// `dayDate`: a day-precise publication date was read (`(24.07.2020)`), as news items give.
    /// `mayOverride`: the identifier scanner's pass saw a word that can outweigh a journal's volume (nil: look).
    static func classify(
        _ b: UnsafeBufferPointer<UInt8>, _ ref: borrowing ParsedReference, publisher: Bool, dayDate: Bool = false,
        mayOverride cue: Bool? = nil
    ) -> EntryKind {
        // An entry that opens with its URL is a link with notes, whatever numbers follow (`https://… WD 9 - 3000`).
        let urlFirst = ref.url != nil && ref.fieldRanges[.url].map { $0.lowerBound <= 2 } ?? false
        let journalLike = !urlFirst && (ref.journal.map { isJournalLike($0) } ?? false)
        let doiKind = ref.doi.flatMap(kind(ofDOI:))
        // Most entries are plainly journal articles (a volume, or an issue): only the cues that override that are
        // looked for, in a lighter pass.
        if journalLike, ref.volume != nil || ref.issue != nil || ref.pmid != nil || ref.pmcid != nil {
            if doiKind == .preprint || doiKind == .dataset { return doiKind! }
            guard cue ?? mayOverride(b) else { return .article }
            let cues = scan(b, overridesOnly: true)
            if cues.contains(.preprintServer) { return .preprint }
            if cues.contains(.inContainer), cues.contains(.editors) { return .chapter }
            if cues.contains(.epidBulletin) { return .report }
            return .article
        }
        let cues = scan(b)
        // `Title, S. 198-199` (no volume): the pages of a book, not an article.
        let bookPages = cues.contains(.germanPages) && ref.volume == nil && ref.issue == nil
        let strongJournal =
            (journalLike && (ref.volume != nil || ref.issue != nil || (ref.pages != nil && !bookPages)))
            || ref.pmid != nil || ref.pmcid != nil

        // A cue naming the medium outright wins over journal-like structure.
        if cues.contains(.preprintServer) || doiKind == .preprint { return .preprint }
        if cues.contains(.inContainer), cues.contains(.editors) { return .chapter }
        if cues.contains(.epidBulletin) { return .report }
        if doiKind == .dataset { return .dataset }
        // (`YouTube as a source of information on …. J Med Internet Res 2020;22:e123` is an article.)
        if strongJournal { return .article }
        if cues.contains(.videoPlatform) { return .video }
        if cues.contains(.podcast) { return .podcast }
        if cues.contains(.pressRelease) { return .news }
        if doiKind == .book || doiKind == .chapter { return doiKind! }
        // A journal the catalog knows, with a year: an article (online first, or its volume left out).
        if journalLike, ref.year != nil, let j = ref.journal, JournalCatalog.isKnown(j) { return .article }
        if cues.contains(.datasetStrong) || cues.contains(.datasetWord) { return .dataset }
        if cues.contains(.newsOutlet) { return .news }
        if dayDate, ref.url != nil, !ref.authors.isEmpty, !journalLike { return .news }
        if cues.contains(.thesis) { return .report }
        if cues.contains(.reportWord), !cues.contains(.caseReport) { return .report }
        if cues.contains(.chapterWord), cues.contains(.bookWord) || publisher { return .chapter }
        if cues.contains(.organisation), ref.doi == nil, ref.url == nil || publisher || cues.contains(.bookWord), startsWithOrganisation(b) {
            return .report
        }
        if cues.contains(.software) { return .web }
        if cues.contains(.bookWord) || cues.contains(.bookSite) || bookPages { return .book }
        if ref.doi != nil, doiKind == nil { return .article }
        if publisher { return .book }
        if cues.contains(.videoWord) { return .video }
        if cues.contains(.preprintWord) { return ref.url != nil ? .web : .preprint }
        if cues.contains(.pdf), !cues.contains(.leaflet), ref.doi == nil, !journalLike { return .report }
        if ref.url != nil || cues.contains(.access) || cues.contains(.software) || cues.contains(.webWord) { return .web }
        if journalLike, ref.year != nil { return .article }
        if !cues.contains(.year), ref.year == nil, isNote(b, cues) { return .note }
        // No year, no journal, no names, no identifier: a page title left by a link (`[Avoiding burnout](…)`).
        if ref.year == nil, ref.journal == nil, ref.volume == nil, ref.authors.isEmpty, !cues.contains(.year) {
            return .web
        }
        return .article
    }

    /// A tight byte loop: could `b` hold a cue that outweighs a journal's volume (`…rxiv`, `SSRN`, `Research Square`,
    /// `preprints.org`, `In:`/`En:` after a sentence, `Epid…`)? Most journal articles hold none, and skip the word scan.
    private static func mayOverride(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 2
        while i + 2 < n {
            switch b[i] {
            case UInt8(ascii: "x"), UInt8(ascii: "X"):  // `rxiv`
                if b[i - 1] | ASCII.caseBit == UInt8(ascii: "r"), b[i + 1] | ASCII.caseBit == UInt8(ascii: "i"), b[i + 2] | ASCII.caseBit == UInt8(ascii: "v") { return true }
            case UInt8(ascii: "n"), UInt8(ascii: "N"):  // `In:`, `In `, `En:` after `. `, `, `, `] `; `ssrn`
                if b[i - 1] == UInt8(ascii: "I") || b[i - 1] == UInt8(ascii: "E"), b[i + 1] == ASCII.colon || b[i + 1] == ASCII.space, i >= 3, b[i - 2] == ASCII.space,
                    b[i - 3] == ASCII.period || b[i - 3] == ASCII.comma || b[i - 3] == ASCII.closeBracket
                {
                    return true
                }
                if i >= 3, b[i - 1] | ASCII.caseBit == UInt8(ascii: "r"), b[i - 2] | ASCII.caseBit == UInt8(ascii: "s"), b[i - 3] | ASCII.caseBit == UInt8(ascii: "s") {
                    return true
                }
            case UInt8(ascii: "q"):  // `research square`, `researchsquare`
                if ByteText.matches(b, i, "quare"), i >= 8, ByteText.matches(b, i - 8, "research") || ByteText.matches(b, i - 7, "research") { return true }
            case UInt8(ascii: "i"), UInt8(ascii: "I"):  // `epid`, `preprints.org`
                if b[i - 1] | ASCII.caseBit == UInt8(ascii: "p"), b[i - 2] | ASCII.caseBit == UInt8(ascii: "e"), b[i + 1] | ASCII.caseBit == UInt8(ascii: "d") { return true }
                if b[i - 1] | ASCII.caseBit == UInt8(ascii: "r"), b[i - 2] | ASCII.caseBit == UInt8(ascii: "p"), ByteText.matches(b, i + 1, "nts.org") { return true }
            default:
                break
            }
            i += 1
        }
        return false
    }

    /// A journal name rather than a publisher (`London: Penguin`, `Oxford University Press`), a web site or a date
    /// (`27 January`).
    private static func isJournalLike(_ j: String) -> Bool {
        var copy = j
        return copy.withUTF8 { b -> Bool in
            if b.isEmpty { return false }
            if ByteText.isDigit(b[0]) {
                var k = 0
                while k < b.count, ByteText.isDigit(b[k]) { k += 1 }
                while k < b.count, ByteText.isSpace(b[k]) { k += 1 }
                var e = k
                while e < b.count, ByteText.isASCIILetter(b[e]) { e += 1 }
                if e > k, Lexicon.isMonth(Substring(String(decoding: UnsafeBufferPointer(rebasing: b[k..<e]), as: UTF8.self))) { return false }
            }
            for i in 0..<b.count {
                if b[i] == ASCII.colon || b[i] == ASCII.slash { return false }  // `Place: Publisher`, a path
                guard i == 0 || !ByteText.isAlnum(b[i - 1]) else { continue }
                switch b[i] | ASCII.caseBit {
                case UInt8(ascii: "p"):
                    if b[i] == UInt8(ascii: "P"), ByteText.matches(b, i, "press"), i + 5 == b.count || !ByteText.isASCIILetter(b[i + 5]) { return false }
                    if ByteText.matches(b, i, "publish") { return false }
                case UInt8(ascii: "v"): if ByteText.matches(b, i, "verlag") { return false }
                case UInt8(ascii: "w"): if ByteText.matches(b, i, "www.") { return false }
                case UInt8(ascii: "h"): if ByteText.matches(b, i, "http") { return false }
                default: break
                }
            }
            return true
        }
    }

    /// What a DOI's registrant and suffix say: `10.1101/` preprints, `10.5281/` Zenodo, `10.1007/978-…` books.
    static func kind(ofDOI doi: String) -> EntryKind? {
        var copy = doi
        return copy.withUTF8 { b -> EntryKind? in
            func has(_ p: StaticString) -> Bool { ByteText.matches(b, 0, p) }
            // 10.1101 is Cold Spring Harbor: bioRxiv and medRxiv suffixes are digits (`2020.03.12.20034728`),
            // its journals' are not (`gr.120618.111`, `gad.1756509`).
            if has("10.1101/"), b.count > 8, ByteText.isDigit(b[8]) { return .preprint }
            if has("10.21203/") || has("10.2139/ssrn") || has("10.48550/") || has("10.20944/preprints")
                || has("10.31234/") || has("10.31219/") || has("10.26434/chemrxiv")
            {
                return .preprint
            }
            // Data repositories' DOI prefixes: Zenodo, figshare, Dryad, Copernicus, CEDA (NERC), PANGAEA, ICPSR, Harvard Dataverse.
            if has("10.5281/zenodo") || has("10.6084/m9.figshare") || has("10.5061/dryad") || has("10.24381/") || has("10.5285/")
                || has("10.1594/pangaea") || has("10.3886/icpsr") || has("10.7910/dvn")
            {
                return .dataset
            }
            // Springer, De Gruyter, … books: the suffix is an ISBN (`10.1007/978-3-540-70617-5`), a chapter adds `_10`.
            var slash = 0
            while slash < b.count, b[slash] != ASCII.slash { slash += 1 }
            guard ByteText.matches(b, slash + 1, "978") || ByteText.matches(b, slash + 1, "979") else { return nil }
            var k = slash + 4
            while k < b.count, b[k] != ASCII.underscore { k += 1 }
            return k < b.count ? .chapter : .book
        }
    }

    /// The entry opens with an organisation as its author (`WHO.`, `Ministerio de Salud.`, `National Institute …`).
    private static func startsWithOrganisation(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = 0
        while end < b.count, end < 80, b[end] != ASCII.period, b[end] != ASCII.colon, b[end] != ASCII.comma { end += 1 }
        let head = UnsafeBufferPointer(rebasing: b[0..<end])
        return scan(head).contains(.organisation)
    }

    /// Prose that explains rather than cites: several words, mostly lower case, with a person or pointer word.
    private static func isNote(_ b: UnsafeBufferPointer<UInt8>, _ cues: Cues) -> Bool {
        var words = 0
        var lower = 0
        var digits = 0
        var i = 0
        while i < b.count {
            if ByteText.isDigit(b[i]) { digits += 1 }
            if ByteText.isAlnum(b[i]), i == 0 || !ByteText.isAlnum(b[i - 1]) {
                words += 1
                if b[i] >= UInt8(ascii: "a"), b[i] <= UInt8(ascii: "z") { lower += 1 }
            }
            i += 1
        }
        guard words >= 4, lower * 2 >= words, digits <= 4 else { return false }
        var end = b.count
        while end > 0, ByteText.isSpace(b[end - 1]) { end -= 1 }
        let sentence = end > 0 && (b[end - 1] == ASCII.period || b[end - 1] == ASCII.colon || b[end - 1] == ASCII.closeParen)
        return cues.contains(.notePerson) && (sentence || words >= 8)
    }

    // MARK: - The byte scan

    @inline(__always)
    private static func wordEnd(_ b: UnsafeBufferPointer<UInt8>, _ k: Int) -> Bool {
        k >= b.count || !ByteText.isASCIILetter(b[k])
    }

    /// Case-insensitive `w` (lower-case ASCII) at `i`, ending a word.
    @inline(__always)
    private static func word(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ w: StaticString) -> Bool {
        ByteText.matches(b, i, w) && wordEnd(b, i + w.utf8CodeUnitCount)
    }

    /// Exactly `w` (case kept) at `i`, ending a word.
    @inline(__always)
    private static func exact(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= b.count else { return false }
        let p = w.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return wordEnd(b, i + n)
    }

    /// The word at `i` follows an ordinal (`2nd ed.`, `2nd. ed.`, `1ra ed.`, `5. ed.`).
    private static func afterOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0, ByteText.isSpace(b[k]) || b[k] == ASCII.period { k -= 1 }
        var letters = 0
        while k >= 0, ByteText.isASCIILetter(b[k]), letters < 3 {
            k -= 1
            letters += 1
        }
        return k >= 0 && ByteText.isDigit(b[k])
    }

    /// Collects the cue bits of `b` in one pass, testing a few words at each word start. `overridesOnly`: only the
    /// cues that outweigh a journal's volume (preprint servers, `In: … eds.`, the Epidemiologisches Bulletin).
    static func scan(_ b: UnsafeBufferPointer<UInt8>, overridesOnly: Bool = false) -> Cues {
        var c: Cues = []
        let n = b.count
        var i = 0
        while i < n {
            let ch = b[i]
            guard ByteText.isAlnum(ch), i == 0 || !ByteText.isAlnum(b[i - 1]) else {
                i += 1
                continue
            }
            let prev: UInt8 = i > 0 ? b[i - 1] : ASCII.space
            if overridesOnly {
                switch ByteText.lower(ch) {
                case UInt8(ascii: "a"): if word(b, i, "arxiv") { c.insert(.preprintServer) }
                case UInt8(ascii: "b"): if word(b, i, "biorxiv") { c.insert(.preprintServer) }
                case UInt8(ascii: "c"): if word(b, i, "chemrxiv") { c.insert(.preprintServer) }
                case UInt8(ascii: "m"): if word(b, i, "medrxiv") { c.insert(.preprintServer) }
                case UInt8(ascii: "p"): if word(b, i, "psyarxiv") || ByteText.matches(b, i, "preprints.org") { c.insert(.preprintServer) }
                case UInt8(ascii: "r"): if word(b, i, "research square") || word(b, i, "researchsquare") { c.insert(.preprintServer) }
                case UInt8(ascii: "s"): if word(b, i, "ssrn") { c.insert(.preprintServer) }
                case UInt8(ascii: "e"):
                    if word(b, i, "eds") || (word(b, i, "ed") && i + 2 < n && b[i + 2] == ASCII.period) || word(b, i, "editor") || word(b, i, "editors")
                        || word(b, i, "edited") || word(b, i, "editores")
                    {
                        c.insert(.editors)
                    } else if word(b, i, "en"), i + 2 < n, b[i + 2] == ASCII.colon, ch == UInt8(ascii: "E") {
                        c.insert(.inContainer)
                    } else if word(b, i, "epidemiologisches bulletin") || word(b, i, "epid bull") || word(b, i, "epid. bull") {
                        c.insert(.epidBulletin)
                    }
                case UInt8(ascii: "h"): if word(b, i, "hrsg") || word(b, i, "hrsgb") || (word(b, i, "hg") && i + 2 < n && b[i + 2] == ASCII.period) { c.insert(.editors) }
                case UInt8(ascii: "i"):
                    if ch == UInt8(ascii: "I"), word(b, i, "in"), i + 2 < n, b[i + 2] == ASCII.colon || b[i + 2] == ASCII.space, i >= 2, prev == ASCII.space,
                        b[i - 2] == ASCII.period || b[i - 2] == ASCII.comma || b[i - 2] == ASCII.closeBracket
                    {
                        c.insert(.inContainer)
                    }
                default: break
                }
                i += 1
                continue
            }
            switch ByteText.lower(ch) {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // A year: four digits, 1500–2099, not part of a longer number.
                if i + 4 <= n, ch == UInt8(ascii: "1") || ch == UInt8(ascii: "2"), i + 4 == n || !ByteText.isDigit(b[i + 4]),
                    let y = ByteText.int(b, i..<(i + 4)), (1500...2099).contains(y)
                {
                    c.insert(.year)
                }
            case UInt8(ascii: "a"):
                if word(b, i, "arxiv") {
                    c.insert(.preprintServer)
                } else if word(b, i, "accessed") || word(b, i, "abgerufen") || word(b, i, "aufgerufen") || word(b, i, "acceso")
                    || word(b, i, "accedido")
                {
                    c.insert(.access)
                } else if word(b, i, "amazon") {
                    c.insert(.bookSite)
                } else if word(b, i, "auflage") || word(b, i, "aufl") {
                    c.insert(.bookWord)
                } else if word(b, i, "aerztezeitung") || word(b, i, "apotheker") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "b"):
                if word(b, i, "biorxiv") {
                    c.insert(.preprintServer)
                } else if exact(b, i, "BBC") || word(b, i, "bloomberg") {
                    c.insert(.newsOutlet)
                } else if word(b, i, "bulletin") || word(b, i, "briefing") {
                    c.insert(.reportWord)
                } else if word(b, i, "blog") {
                    c.insert(.webWord)
                } else if word(b, i, "base de datos") {
                    c.insert(.datasetWord)
                } else if word(b, i, "beipackzettel") {
                    c.insert(.leaflet)
                } else if word(b, i, "book") || word(b, i, "books.google") {
                    c.insert(.bookSite)
                } else if word(b, i, "bundesministerium") || word(b, i, "bundesamt") {
                    c.insert(.organisation)
                }
            case UInt8(ascii: "c"):
                if exact(b, i, "CDC") || word(b, i, "centers for disease control") {
                    c.insert(.organisation)
                } else if word(b, i, "case report") || word(b, i, "case reports") {
                    c.insert(.caseReport)
                } else if word(b, i, "cochrane") {
                    c.insert(.cochrane)
                } else if word(b, i, "copernicus") || word(b, i, "chemrxiv") {
                    c.insert(word(b, i, "chemrxiv") ? .preprintServer : .datasetStrong)
                } else if word(b, i, "citado") || word(b, i, "consultado") || word(b, i, "cited") {
                    c.insert(.access)
                } else if word(b, i, "cran") {
                    c.insert(.software)
                } else if word(b, i, "chapter") || word(b, i, "cap\u{ED}tulo") {
                    c.insert(.chapterWord)
                } else if ByteText.matches(b, i, "cnn.com") {
                    c.insert(.newsOutlet)
                } else if word(b, i, "comunicado de prensa") {
                    c.insert(.pressRelease)
                }
            case UInt8(ascii: "d"):
                if word(b, i, "dataset") || word(b, i, "datasets") || word(b, i, "data set") || word(b, i, "datenbank")
                    || (word(b, i, "database") && !c.contains(.cochrane)) || word(b, i, "data repository")
                {
                    c.insert(.datasetWord)
                } else if word(b, i, "disponible") || word(b, i, "download") {
                    c.insert(.access)
                } else if word(b, i, "dissertation") || word(b, i, "doctoral") {
                    c.insert(.thesis)
                } else if word(b, i, "der spiegel") || word(b, i, "die zeit") || word(b, i, "daily mail") || word(b, i, "dailymail") {
                    c.insert(.newsOutlet)
                } else if word(b, i, "dryad") {
                    c.insert(.datasetStrong)
                } else if word(b, i, "department of health") {
                    c.insert(.organisation)
                }
            case UInt8(ascii: "e"):
                if word(b, i, "eds") || word(b, i, "ed") && i + 2 < n && b[i + 2] == ASCII.period || word(b, i, "editor") || word(b, i, "editors")
                    || word(b, i, "edited") || word(b, i, "editores") || word(b, i, "editor") || word(b, i, "herausgeber")
                {
                    c.insert(.editors)
                    // `2nd ed.`, `1ra ed.`: an edition, a book's mark.
                    if word(b, i, "ed"), afterOrdinal(b, i) { c.insert(.bookWord) }
                } else if word(b, i, "edition") || word(b, i, "edn") || word(b, i, "edici\u{F3}n") {
                    c.insert(.bookWord)
                } else if word(b, i, "episode") {
                    c.insert(.podcast)
                } else if word(b, i, "era5") {
                    c.insert(.datasetStrong)
                } else if word(b, i, "en"), i + 2 < n, b[i + 2] == ASCII.colon, ch == UInt8(ascii: "E") {
                    c.insert(.inContainer)
                } else if word(b, i, "epidemiologisches bulletin") || word(b, i, "epid bull") || word(b, i, "epid. bull") {
                    c.insert(.epidBulletin)
                } else if exact(b, i, "ECDC") {
                    c.insert(.organisation)
                } else if word(b, i, "elsevier") {
                    c.insert(.bookWord)
                } else if word(b, i, "empfehlung") || word(b, i, "empfehlungen") {
                    c.insert(.reportWord)
                } else if word(b, i, "el pa\u{ED}s") || word(b, i, "elpais") || word(b, i, "el mundo") || word(b, i, "el comercio") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "f"):
                if word(b, i, "figshare") {
                    c.insert(.datasetStrong)
                } else if word(b, i, "fachinformation") || word(b, i, "fact sheet") {
                    c.insert(.leaflet)
                } else if word(b, i, "forbes") || word(b, i, "financial times") || word(b, i, "faz") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "g"):
                if ByteText.matches(b, i, "geo.de/") {
                    c.insert(.newsOutlet)
                } else if exact(b, i, "Geneva") || exact(b, i, "Genf") || exact(b, i, "Ginebra") {
                    c.insert(.reportWord)
                }  // WHO's imprint
                else if word(b, i, "guideline") || word(b, i, "guidelines") || word(b, i, "guidance") || word(b, i, "gu\u{ED}a") {
                    c.insert(.reportWord)
                } else if word(b, i, "github") {
                    c.insert(.software)
                } else if word(b, i, "goodreads") {
                    c.insert(.bookSite)
                } else if word(b, i, "gebrauchsinformation") {
                    c.insert(.leaflet)
                }
            case UInt8(ascii: "h"):
                if exact(b, i, "HN") {
                    c.insert(.webWord)
                }  // Hacker News
                else if word(b, i, "hrsg") || word(b, i, "hrsgb") || word(b, i, "hg") && i + 2 < n && b[i + 2] == ASCII.period {
                    c.insert(.editors)
                } else if word(b, i, "homepage") {
                    c.insert(.webWord)
                } else if word(b, i, "harpercollins") {
                    c.insert(.bookWord)
                } else if word(b, i, "here") {
                    c.insert(.notePerson)
                } else if word(b, i, "hbr") || word(b, i, "harvard business review") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "i"):
                if ch == UInt8(ascii: "I"), word(b, i, "in"), i + 2 < n, b[i + 2] == ASCII.colon || b[i + 2] == ASCII.space, prev == ASCII.space || i == 0 {
                    if i >= 2, b[i - 2] == ASCII.period || b[i - 2] == ASCII.comma || b[i - 2] == ASCII.closeBracket { c.insert(.inContainer) }
                }
                if exact(b, i, "I"), i + 1 < n, b[i + 1] == ASCII.space {
                    c.insert(.notePerson)
                } else if exact(b, i, "ISBN") {
                    c.insert(.bookWord)
                } else if word(b, i, "internet") && prev == ASCII.openBracket {
                    c.insert(.access)
                } else if word(b, i, "informe") || word(b, i, "instructivo") || (prev == ASCII.slash && word(b, i, "informes")) {
                    c.insert(.reportWord)
                } else if word(b, i, "internetseite") {
                    c.insert(.webWord)
                } else if word(b, i, "infobae") || word(b, i, "independent") && i >= 4 && ByteText.matches(b, i - 4, "the ") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "k"):
                if word(b, i, "kapitel") { c.insert(.chapterWord) } else if word(b, i, "knopf") || word(b, i, "kohlhammer") { c.insert(.bookWord) }
            case UInt8(ascii: "l"):
                if word(b, i, "leitlinie") || word(b, i, "leitlinien") {
                    c.insert(.reportWord)
                } else if word(b, i, "lippincott") {
                    c.insert(.bookWord)
                } else if word(b, i, "le monde") || word(b, i, "los angeles times") || word(b, i, "latimes") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "m"):
                if word(b, i, "medrxiv") {
                    c.insert(.preprintServer)
                } else if word(b, i, "memoir") || word(b, i, "memoirs") {
                    c.insert(.bookWord)
                } else if word(b, i, "my") {
                    c.insert(.notePerson)
                } else if word(b, i, "ministerio") || word(b, i, "ministry") || word(b, i, "ministerium") {
                    c.insert(.organisation)
                } else if word(b, i, "macmillan") || word(b, i, "mcgraw") {
                    c.insert(.bookWord)
                }
            case UInt8(ascii: "n"):
                if exact(b, i, "NICE") || exact(b, i, "NHS") || word(b, i, "national institute") {
                    c.insert(.organisation)
                } else if word(b, i, "new york times") || word(b, i, "nytimes") || word(b, i, "new yorker") || word(b, i, "newyorker")
                    || ByteText.matches(b, i, "npr.org")
                {
                    c.insert(.newsOutlet)
                } else if word(b, i, "news release") || word(b, i, "newsroom") || word(b, i, "news-room") {
                    c.insert(.pressRelease)
                } else if prev == ASCII.slash, ByteText.matches(b, i, "news/") || ByteText.matches(b, i, "nachrichten/") {
                    c.insert(.newsOutlet)  // a `/news/` path
                } else if word(b, i, "nota de prensa") {
                    c.insert(.pressRelease)
                }
            case UInt8(ascii: "o"):
                if exact(b, i, "OECD") { c.insert(.organisation) }
            case UInt8(ascii: "p"):
                if word(b, i, "preprint") || word(b, i, "preprints") {
                    c.insert(.preprintWord)
                } else if word(b, i, "psyarxiv") || ByteText.matches(b, i, "preprints.org") {
                    c.insert(.preprintServer)
                } else if word(b, i, "podcast") || word(b, i, "podcasts") {
                    c.insert(.podcast)
                } else if word(b, i, "press release") || word(b, i, "pressemitteilung") || word(b, i, "pressemeldung") {
                    c.insert(.pressRelease)
                } else if exact(b, i, "Press") || word(b, i, "publishers") || word(b, i, "publishing") || word(b, i, "penguin") {
                    c.insert(.bookWord)
                } else if word(b, i, "pub"), i + 3 < n, b[i + 3] == ASCII.period {
                    c.insert(.bookWord)
                } else if word(b, i, "pdf"), prev == ASCII.period {
                    c.insert(.pdf)
                } else if word(b, i, "package"), i >= 2, b[i - 2] == UInt8(ascii: "R") {
                    c.insert(.software)
                } else if word(b, i, "public health england") {
                    c.insert(.organisation)
                } else if prev == ASCII.slash || prev == ASCII.hyphen, ByteText.matches(b, i, "publication") || ByteText.matches(b, i, "publikation") {
                    c.insert(.reportWord)  // a `/publications/` path
                } else if word(b, i, "position statement") || word(b, i, "policy brief") {
                    c.insert(.reportWord)
                }
            case UInt8(ascii: "r"):
                if exact(b, i, "R"), i + 5 < n, ByteText.matches(b, i + 1, " core") || ByteText.matches(b, i + 1, " package") {
                    c.insert(.software)
                } else if word(b, i, "research square") || word(b, i, "researchsquare") {
                    c.insert(.preprintServer)
                } else if word(b, i, "retrieved") || word(b, i, "recuperado") {
                    c.insert(.access)
                } else if word(b, i, "report") || word(b, i, "reporte") {
                    c.insert(.reportWord)
                } else if exact(b, i, "RKI") || word(b, i, "robert koch") || word(b, i, "robert-koch") {
                    c.insert(.organisation)
                } else if word(b, i, "reuters") {
                    c.insert(.newsOutlet)
                } else if word(b, i, "random house") || word(b, i, "routledge") {
                    c.insert(.bookWord)
                }
            case UInt8(ascii: "s"):
                if word(b, i, "ssrn") {
                    c.insert(.preprintServer)
                } else if exact(b, i, "S"), i + 3 < n, b[i + 1] == ASCII.period, b[i + 2] == ASCII.space, ByteText.isDigit(b[i + 3]) {
                    c.insert(.germanPages)
                } else if word(b, i, "s\u{FC}dkurier") || word(b, i, "suedkurier") || word(b, i, "schwarzw\u{E4}lder bote")
                    || word(b, i, "schw\u{E4}bische") || word(b, i, "schwaebische")
                {
                    c.insert(.newsOutlet)
                } else if exact(b, i, "STIKO") {
                    c.insert(.organisation)
                } else if exact(b, i, "See") || exact(b, i, "see") {
                    c.insert(.notePerson)
                } else if word(b, i, "spiegel online") || ByteText.matches(b, i, "spiegel.de") || ByteText.matches(b, i, "stern.de")
                    || word(b, i, "sueddeutsche") || word(b, i, "s\u{FC}ddeutsche") || word(b, i, "statnews")
                {
                    c.insert(.newsOutlet)
                } else if word(b, i, "software") {
                    c.insert(.software)
                } else if word(b, i, "schuster") || word(b, i, "springer") {
                    c.insert(.bookWord)
                } else if word(b, i, "situation report") || word(b, i, "situation reports") {
                    c.insert(.reportWord)
                }
            case UInt8(ascii: "t"):
                if word(b, i, "thesis") || word(b, i, "tesis") {
                    c.insert(.thesis)
                } else if word(b, i, "ted talk") || ByteText.matches(b, i, "ted.com") || word(b, i, "tedx") {
                    c.insert(.videoPlatform)
                } else if word(b, i, "talks at google") {
                    c.insert(.videoWord)
                } else if word(b, i, "the guardian") || word(b, i, "theguardian") || word(b, i, "the atlantic") || word(b, i, "theatlantic")
                    || word(b, i, "the economist") || word(b, i, "the telegraph") || word(b, i, "the washington post")
                    || word(b, i, "tagesschau") || word(b, i, "the conversation")
                {
                    c.insert(.newsOutlet)
                } else if word(b, i, "technical report") || word(b, i, "technical brief") {
                    c.insert(.reportWord)
                } else if word(b, i, "this") || word(b, i, "there") {
                    c.insert(.notePerson)
                } else if word(b, i, "thieme") {
                    c.insert(.bookWord)
                }
            case UInt8(ascii: "u"):
                if exact(b, i, "UNICEF") {
                    c.insert(.organisation)
                } else if word(b, i, "university press") {
                    c.insert(.bookWord)
                } else if word(b, i, "usa today") {
                    c.insert(.newsOutlet)
                }
            case UInt8(ascii: "v"):
                if word(b, i, "vimeo") {
                    c.insert(.videoPlatform)
                } else if word(b, i, "video") || word(b, i, "videos") {
                    c.insert(.videoWord)
                } else if word(b, i, "verlag") || word(b, i, "verlagsgruppe") {
                    c.insert(.bookWord)
                } else if word(b, i, "vgl") {
                    c.insert(.notePerson)
                }
            case UInt8(ascii: "w"):
                if exact(b, i, "WHO") || word(b, i, "world health organization") || word(b, i, "world health organisation")
                    || word(b, i, "weltgesundheitsorganisation")
                {
                    c.insert(.organisation)
                } else if word(b, i, "washington post") || word(b, i, "washingtonpost") || word(b, i, "wall street journal")
                    || ByteText.matches(b, i, "wsj.com") || ByteText.matches(b, i, "welt.de")
                {
                    c.insert(.newsOutlet)
                } else if word(b, i, "working paper") || word(b, i, "white paper") {
                    c.insert(.reportWord)
                } else if word(b, i, "website") || word(b, i, "webseite") || word(b, i, "wikipedia") || word(b, i, "web site") {
                    c.insert(.webWord)
                } else if word(b, i, "we") {
                    c.insert(.notePerson)
                }
            case UInt8(ascii: "y"):
                if word(b, i, "youtube") || ByteText.matches(b, i, "youtu.be") { c.insert(.videoPlatform) }
            case UInt8(ascii: "z"):
                if word(b, i, "zenodo") {
                    c.insert(.datasetStrong)
                } else if word(b, i, "zeit online") || ByteText.matches(b, i, "zeit.de") {
                    c.insert(.newsOutlet)
                } else if word(b, i, "zugegriffen") || word(b, i, "zuletzt") {
                    c.insert(.access)
                }
            default:
                break
            }
            i += 1
        }
        return c
    }
}
