/// The citation style a reference is written in, as recognised by the parser.
public enum CitationStyle: String, Sendable, Codable, CaseIterable {
    /// Vancouver / NLM / ICMJE: `Feder A, Parides MK. Title. JAMA Psychiatry. 2014;71(6):681-688.`
    case vancouver
    /// AMA: Vancouver-like, with the title in quotes or `doi:` written AMA's way.
    case ama
    /// APA 7: `Feder, A., & Charney, D. S. (2014). Title. Journal, 71(6), 681–688.`
    case apa
    /// Harvard: `Feder, A. et al. (2014) 'Title', Journal, 71(6), pp. 681–688.`
    case harvard
    /// Nature: `Feder, A. et al. Title. Journal 71, 681–688 (2014).`
    case nature
    /// PLOS: `Feder A, Parides MK (2014) Title. Journal 71: 681–688.`
    case plos
    /// Chicago author-date: `Feder, Adriana, and Dennis S. Charney. 2014. "Title." Journal 71 (6): 681–88.`
    case chicago
    /// Not recognised.
    case unknown
}

/// One author of a reference.
public struct Author: Hashable, Sendable, Codable {
    /// Family name as written, particles included (`van der Berg`, `Aan Het Rot`, `Landeros-Weisenberger`).
    /// For a group author (`WHO Study Group`) the whole name.
    public var family: String
    /// Given names or initials as written, without trailing periods normalised away (`MK`, `M. K.`, `Adriana`).
    public var given: String
    /// `Jr`, `Sr`, `II`, `3rd`, … when written.
    public var suffix: String?
    /// A collective (group) author: `family` holds the whole name and `given` is empty.
    public var isGroup: Bool

    public init(family: String, given: String = "", suffix: String? = nil, isGroup: Bool = false) {
        self.family = family
        self.given = given
        self.suffix = suffix
        self.isGroup = isGroup
    }
}

/// A page range or an article number.
public struct PageRange: Hashable, Sendable, Codable {
    /// The first page, or the article number (`e0123456`, `100288`).
    public var first: String
    /// The last page, expanded when written abbreviated (`2475-83` gives `2483`); nil for a single page or an article number.
    public var last: String?
    /// The last page exactly as written (`83` in `2475-83`), nil when there is none.
    public var lastAsWritten: String?

    public init(first: String, last: String? = nil, lastAsWritten: String? = nil) {
        self.first = first
        self.last = last
        self.lastAsWritten = lastAsWritten
    }

    /// True when `first` is an article number rather than a page (`e0123456`).
    public var isArticleNumber: Bool {
        first.unicodeScalars.contains { !("0"..."9").contains($0) } && last == nil
    }
}

/// A note written in a reference that is not a bibliographic field: kept, never dropped as noise.
public struct ReferenceNote: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// `(online 2017)`, `Published online March 3, 2017.`, `Epub 2019 Sep 17.`
        case epub
        /// `Epub ahead of print`
        case epubAheadOfPrint
        /// `[published correction appears in …]`, `Erratum in: …`
        case correction
        /// `Retracted`, `Retraction in: …`
        case retraction
        /// Anything else in brackets or after the fields: `[Accessed …]`, `Available from …`
        case other
    }

    public var kind: Kind
    /// The note as written, without its brackets.
    public var text: String

    public init(kind: Kind, text: String) {
        self.kind = kind
        self.text = text
    }
}

/// The fields of a reference that the parser can name.
public enum ReferenceField: String, Sendable, Codable, CaseIterable {
    case authors, title, journal, year, month, epubYear, volume, issue, supplement, pages, doi, pmid, pmcid, url
}

/// A reference split into its fields by `ReferenceParser`.
///
/// Every string is as written (trimmed of surrounding punctuation and quotes); comparisons go through
/// `Normalization`. What the parser could not place is kept in `unparsed`, never dropped.
public struct ParsedReference: Hashable, Sendable, Codable {
    /// The text the parser was given.
    public var raw: String
    public var authors: [Author] = []
    /// `et al.` (or `and others`, `et al` without period) follows the authors.
    public var etAl: Bool = false
    /// Without surrounding quotes and without the trailing period.
    public var title: String?
    /// True when the title was written inside quotes (straight or curly, single or double).
    public var titleQuoted: Bool = false
    /// The journal as written, without trailing period (`JAMA Psychiatry`, `Am J Psychiatry`).
    public var journal: String?
    /// The print (issue) year.
    public var year: Int?
    /// The month or season as written (`Jun`, `June`, `Nov-Dec`), when given.
    public var month: String?
    /// The electronic or online year, when the reference gives one besides the print year (`(online 2017)`, `Epub 2019 Sep 17`).
    public var epubYear: Int?
    public var volume: String?
    public var issue: String?
    /// `Suppl 2`, `Suppl`, `S1` when the reference names a supplement.
    public var supplement: String?
    public var pages: PageRange?
    /// Bare DOI (`10.1001/jamapsychiatry.2014.62`), without `doi:` or the resolver URL.
    public var doi: String?
    /// Digits only.
    public var pmid: String?
    /// With its `PMC` prefix (`PMC1234567`).
    public var pmcid: String?
    /// A URL that is not a DOI resolver link.
    public var url: String?
    public var style: CitationStyle = .unknown
    /// What kind of work the entry cites (a journal article unless the text says otherwise).
    public var kind: EntryKind = .article
    public var notes: [ReferenceNote] = []
    /// A DOI written broken by a space (`10.1158/1940 6207.CAPR-14-0362`), as written; `doi` is nil then.
    public var malformedDOI: String?
    /// The DOI `malformedDOI` likely meant (`10.1158/1940-6207.CAPR-14-0362`).
    public var doiSuggestion: String?
    /// UTF-8 byte ranges in `raw` of garbled characters: U+FFFD `�` and its mojibake `ï¿½` (read as a dash between
    /// page numbers, so `1405�1408` still gives pages 1405–1408).
    public var garbledCharacters: [Range<Int>] = []
    /// Text the parser could not place in a field, in order, joined by " ".
    public var unparsed: String?
    /// Where each field was found, as UTF-8 byte offsets into `raw`. Diagnostics use it to point at a field.
    public var fieldRanges = FieldRanges()

    public init(raw: String) {
        self.raw = raw
    }

    /// An entry yields no usable title, journal or year: neither a journal nor a year was found (a few words
    /// taken as a title, like `Ibid.`, do not make a citation).
    public var isUnparsed: Bool { journal == nil && year == nil && doi == nil && pmid == nil }
}
