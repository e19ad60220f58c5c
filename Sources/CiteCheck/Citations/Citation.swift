/// One citation found in a post's body text: a marker (`[3]`, `(2, 3)`, `³`, `<sup>1-3</sup>`), a footnote
/// reference (`[^feder]`), an author-year citation (`(Feder et al., 2014)`, `Duman (2014)`), or a narrative
/// mention (`a 2016 crossover study`, `published in JAMA Psychiatry`, `researchers at Yale`).
///
/// Plain data: where it is, what it says as written, which entries it names and what it claims about them.
public struct Citation: Hashable, Sendable {
    /// How a numbered marker is written.
    public enum MarkerForm: String, Hashable, Sendable {
        /// `[1]`, `[2, 3]`, `[4–6]`
        case bracket
        /// `(1)`, `(2, 3)`: only accepted when the list is numbered and every number is an entry.
        case parenthesis
        /// Superscript in the markup (`<sup>1</sup>`, `^1^`), from `TextBlock.superscripts`.
        case superscript
        /// Unicode superscript digits in the text (`trial¹²`, `¹⁻³`).
        case unicodeSuperscript
    }

    public enum Kind: Hashable, Sendable {
        /// A numbered marker; `numbers` expanded from ranges, in the order written.
        case numbered(numbers: [Int], form: MarkerForm)
        /// A Markdown footnote reference `[^name]`.
        case footnote(name: String)
        /// An author-year citation of one work. `parenthetical` is `(Feder et al., 2014)`, otherwise the
        /// narrative `Feder et al. (2014)`. Author names and year are in `claims`.
        case authorYear(parenthetical: Bool)
        /// A narrative mention: claims about a study (year, journal, institution, author, study type) without
        /// a marker of its own. The linker attaches it to a marker in the same sentence when there is one.
        case mention
    }

    public var kind: Kind
    /// The citation exactly as written in the block text (`[4–6]`, `Feder et al., 2014`, `a 2016 crossover study`).
    public var text: String
    /// Index into `Document.blocks` (or the block array given to the finder).
    public var blockIndex: Int
    /// UTF-8 range in the block's `text`.
    public var range: Range<Int>
    /// Byte range in the source file (through the block's `SourceMap`).
    public var sourceRange: Range<Int>
    /// Ordinal of the sentence within the block (0-based); citations in one sentence share it.
    public var sentence: Int
    public var claims: CitationClaims

    public init(kind: Kind, text: String, blockIndex: Int, range: Range<Int>, sourceRange: Range<Int>, sentence: Int, claims: CitationClaims = CitationClaims()) {
        self.kind = kind
        self.text = text
        self.blockIndex = blockIndex
        self.range = range
        self.sourceRange = sourceRange
        self.sentence = sentence
        self.claims = claims
    }

    /// The numbers of a numbered marker, empty otherwise.
    public var numbers: [Int] {
        if case .numbered(let numbers, _) = kind { return numbers }
        return []
    }

    /// True for markers, footnote references and author-year citations (everything but narrative mentions).
    public var isExplicit: Bool {
        if case .mention = kind { return false }
        return true
    }
}

/// A value a citation states, with where it is written.
public struct Claim<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    /// The value as written (`2016`, `JAMA Psychiatry`, `van der Berg`).
    public var text: String
    /// Byte range in the source file.
    public var sourceRange: Range<Int>

    public init(value: Value, text: String, sourceRange: Range<Int>) {
        self.value = value
        self.text = text
        self.sourceRange = sourceRange
    }
}

/// What a citation says about the work it cites. Every field is optional: most citations claim little.
public struct CitationClaims: Hashable, Sendable {
    /// The publication year stated (`2014` in `(Feder et al., 2014a)`, `2016` in `a 2016 study`).
    public var year: Claim<Int>?
    /// The letter after the year (`a` in `2014a`).
    public var yearSuffix: String?
    /// Family names as written, first author first (`Feder`, `Charney`; `van der Berg`).
    public var authors: [Claim<String>]
    /// `et al.`, `and colleagues` follows the names.
    public var etAl: Bool
    /// The journal named (`published in JAMA Psychiatry`, `in a JAMA Psychiatry study`).
    public var journal: Claim<String>?
    /// The institution named (`researchers at Yale`, `a team at Mount Sinai`): informational only offline.
    public var institution: Claim<String>?
    /// Study-design words in the same sentence, normalised (`randomized`, `crossover`, `placebo-controlled`,
    /// `replication`, `meta-analysis`…), in order of appearance, without repeats.
    public var studyTypes: [String]

    public init(
        year: Claim<Int>? = nil, yearSuffix: String? = nil, authors: [Claim<String>] = [], etAl: Bool = false,
        journal: Claim<String>? = nil, institution: Claim<String>? = nil, studyTypes: [String] = []
    ) {
        self.year = year
        self.yearSuffix = yearSuffix
        self.authors = authors
        self.etAl = etAl
        self.journal = journal
        self.institution = institution
        self.studyTypes = studyTypes
    }

    /// Nothing is claimed.
    public var isEmpty: Bool {
        year == nil && authors.isEmpty && journal == nil && institution == nil && studyTypes.isEmpty
    }
}
