/// A PubMed citation record as plain data: what the PubMed module reads from EFetch XML or MEDLINE files,
/// and what verification compares a reference with.
public struct PubMedRecord: Hashable, Sendable, Codable {
    public struct Author: Hashable, Sendable, Codable {
        /// `LastName`; for a collective author, the `CollectiveName`.
        public var lastName: String
        /// `Initials` (`MK`), empty for a collective author.
        public var initials: String
        public var foreName: String?
        public var suffix: String?
        public var isCollective: Bool
        public var affiliations: [String]

        public init(lastName: String, initials: String = "", foreName: String? = nil, suffix: String? = nil, isCollective: Bool = false, affiliations: [String] = []) {
            self.lastName = lastName
            self.initials = initials
            self.foreName = foreName
            self.suffix = suffix
            self.isCollective = isCollective
            self.affiliations = affiliations
        }
    }

    /// A `CommentsCorrections` link: `RetractionIn`, `ErratumIn`, `ExpressionOfConcernIn`, `RetractionOf`, …
    public struct Correction: Hashable, Sendable, Codable {
        public var refType: String
        public var refSource: String
        public var pmid: String?

        public init(refType: String, refSource: String, pmid: String? = nil) {
            self.refType = refType
            self.refSource = refSource
            self.pmid = pmid
        }
    }

    public var pmid: String
    public var title: String
    /// `Journal/Title` (`The American journal of psychiatry`).
    public var journalTitle: String?
    /// `Journal/ISOAbbreviation` (`Am J Psychiatry`).
    public var isoAbbreviation: String?
    /// `MedlineJournalInfo/MedlineTA`.
    public var medlineTA: String?
    public var volume: String?
    public var issue: String?
    /// Print year from `PubDate/Year` or the first year in `MedlineDate`.
    public var year: Int?
    /// `PubDate/Month` or the month part of `MedlineDate`, as written.
    public var month: String?
    /// Year of the electronic publication (`ArticleDate DateType="Electronic"`).
    public var electronicYear: Int?
    /// `MedlinePgn` as written (`681-8`), or built from `StartPage`/`EndPage`.
    public var medlinePages: String?
    /// The page range with the last page expanded (`681`–`688`).
    public var pages: PageRange?
    /// `ELocationID` values other than the DOI (`e0123456`).
    public var elocationIDs: [String]
    public var authors: [Author]
    /// True when the author list is marked incomplete (`CompleteYN="N"`).
    public var authorListIncomplete: Bool
    public var doi: String?
    public var pmcid: String?
    public var publicationTypes: [String]
    public var corrections: [Correction]

    public init(
        pmid: String, title: String, journalTitle: String? = nil, isoAbbreviation: String? = nil, medlineTA: String? = nil,
        volume: String? = nil, issue: String? = nil, year: Int? = nil, month: String? = nil, electronicYear: Int? = nil,
        medlinePages: String? = nil, pages: PageRange? = nil, elocationIDs: [String] = [], authors: [Author] = [],
        authorListIncomplete: Bool = false, doi: String? = nil, pmcid: String? = nil, publicationTypes: [String] = [],
        corrections: [Correction] = []
    ) {
        self.pmid = pmid
        self.title = title
        self.journalTitle = journalTitle
        self.isoAbbreviation = isoAbbreviation
        self.medlineTA = medlineTA
        self.volume = volume
        self.issue = issue
        self.year = year
        self.month = month
        self.electronicYear = electronicYear
        self.medlinePages = medlinePages
        self.pages = pages
        self.elocationIDs = elocationIDs
        self.authors = authors
        self.authorListIncomplete = authorListIncomplete
        self.doi = doi
        self.pmcid = pmcid
        self.publicationTypes = publicationTypes
        self.corrections = corrections
    }

    /// True when the record is itself a retraction notice target: PubMed lists a `RetractionIn` link or the
    /// publication type `Retracted Publication`.
    public var isRetracted: Bool {
        corrections.contains { $0.refType == "RetractionIn" } || publicationTypes.contains("Retracted Publication")
    }
}
