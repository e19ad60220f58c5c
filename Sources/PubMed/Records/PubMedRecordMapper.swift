import CiteCheck

/// Maps one `PubmedArticle`, `MedlineCitation` or `PubmedBookArticle` element tree to a `PubMedRecord`.
enum PubMedRecordMapper {
    /// Subtrees a record never needs: skipped while reading, which keeps both time and memory down.
    static let skippedElements: Set<String> = [
        "Abstract", "OtherAbstract", "MeshHeadingList", "ChemicalList", "KeywordList", "SupplMeshList",
        "GeneSymbolList", "InvestigatorList", "GrantList", "DataBankList", "History", "ReferenceList",
        "PersonalNameSubjectList", "GeneralNote", "OtherID", "SpaceFlightMission", "CitationSubset",
        "DateCompleted", "DateRevised", "DateCreated", "Sections", "ItemList", "CoiStatement",
    ]

    /// The record, or nil when the element holds no PMID.
    static func record(from element: XMLTreeElement) -> PubMedRecord? {
        switch element.name {
        case "PubmedArticle":
            guard let citation = element.child("MedlineCitation") else { return nil }
            return articleRecord(citation: citation, pubmedData: element.child("PubmedData"))
        case "MedlineCitation":
            return articleRecord(citation: element, pubmedData: nil)
        case "PubmedBookArticle":
            guard let document = element.child("BookDocument") else { return nil }
            return bookRecord(document: document, bookData: element.child("PubmedBookData"))
        default:
            return nil
        }
    }

    private static func articleRecord(citation: XMLTreeElement, pubmedData: XMLTreeElement?) -> PubMedRecord? {
        guard let pmid = citation.child("PMID")?.nonEmptyText else { return nil }
        let article = citation.child("Article")
        let journal = article?.child("Journal")
        let issue = journal?.child("JournalIssue")
        let title = article?.child("ArticleTitle")?.nonEmptyText ?? article?.child("VernacularTitle")?.nonEmptyText ?? ""
        var record = PubMedRecord(pmid: pmid, title: title)
        record.journalTitle = journal?.child("Title")?.nonEmptyText
        record.isoAbbreviation = journal?.child("ISOAbbreviation")?.nonEmptyText
        record.medlineTA = citation.path("MedlineJournalInfo", "MedlineTA")?.nonEmptyText
        record.volume = issue?.child("Volume")?.nonEmptyText
        record.issue = issue?.child("Issue")?.nonEmptyText
        if let pubDate = issue?.child("PubDate") {
            applyPubDate(pubDate, to: &record)
        }
        record.electronicYear = article?.children(named: "ArticleDate")
            .first { ($0.attribute("DateType") ?? "Electronic") == "Electronic" }
            .flatMap { $0.child("Year")?.nonEmptyText }
            .flatMap(MedlineFields.firstYear(in:))
        if let pagination = article?.child("Pagination") {
            applyPagination(pagination, to: &record)
        }
        var elocationDOI: String?
        for location in article?.children(named: "ELocationID") ?? [] {
            guard let value = location.nonEmptyText else { continue }
            if location.attribute("EIdType")?.lowercased() == "doi" {
                if elocationDOI == nil { elocationDOI = value }
            } else {
                record.elocationIDs.append(value)
            }
        }
        if let list = article?.children(named: "AuthorList").first(where: { ($0.attribute("Type") ?? "authors") == "authors" }) {
            record.authorListIncomplete = list.attribute("CompleteYN") == "N"
            record.authors = authors(in: list)
        }
        // Records from before 2014 carry one affiliation on the article, meant for the first author.
        if let affiliation = article?.child("Affiliation")?.nonEmptyText, !record.authors.isEmpty, record.authors[0].affiliations.isEmpty {
            record.authors[0].affiliations = [affiliation]
        }
        record.publicationTypes = article?.child("PublicationTypeList")?.children(named: "PublicationType").compactMap(\.nonEmptyText) ?? []
        record.corrections = citation.child("CommentsCorrectionsList")?.children(named: "CommentsCorrections").compactMap(correction) ?? []
        let ids = articleIDs(pubmedData?.child("ArticleIdList"))
        record.doi = ids.doi ?? elocationDOI
        record.pmcid = ids.pmc
        return record
    }

    private static func bookRecord(document: XMLTreeElement, bookData: XMLTreeElement?) -> PubMedRecord? {
        guard let pmid = document.child("PMID")?.nonEmptyText else { return nil }
        let book = document.child("Book")
        let title = document.child("ArticleTitle")?.nonEmptyText ?? book?.child("BookTitle")?.nonEmptyText ?? ""
        var record = PubMedRecord(pmid: pmid, title: title)
        if let pubDate = book?.child("PubDate") {
            applyPubDate(pubDate, to: &record)
        }
        let lists = document.children(named: "AuthorList") + (book?.children(named: "AuthorList") ?? [])
        if let list = lists.first(where: { ($0.attribute("Type") ?? "authors") == "authors" }) {
            record.authorListIncomplete = list.attribute("CompleteYN") == "N"
            record.authors = authors(in: list)
        }
        if let pagination = document.child("Pagination") {
            applyPagination(pagination, to: &record)
        }
        record.publicationTypes =
            document.child("PublicationType").flatMap(\.nonEmptyText).map { [$0] }
            ?? document.child("PublicationTypeList")?.children(named: "PublicationType").compactMap(\.nonEmptyText) ?? []
        let ids = articleIDs(bookData?.child("ArticleIdList") ?? document.child("ArticleIdList"))
        record.doi = ids.doi
        record.pmcid = ids.pmc
        return record
    }

    private static func applyPubDate(_ pubDate: XMLTreeElement, to record: inout PubMedRecord) {
        if let year = pubDate.child("Year")?.nonEmptyText {
            record.year = MedlineFields.firstYear(in: year)
            record.month = pubDate.child("Month")?.nonEmptyText ?? pubDate.child("Season")?.nonEmptyText
        } else if let medlineDate = pubDate.child("MedlineDate")?.nonEmptyText {
            record.year = MedlineFields.firstYear(in: medlineDate)
            record.month = MedlineFields.monthPart(ofMedlineDate: medlineDate)
        }
    }

    private static func applyPagination(_ pagination: XMLTreeElement, to record: inout PubMedRecord) {
        if let medlinePgn = pagination.child("MedlinePgn")?.nonEmptyText {
            record.medlinePages = medlinePgn
            record.pages = MedlineFields.pageRange(fromMedlinePgn: medlinePgn)
        } else if let start = pagination.child("StartPage")?.nonEmptyText {
            let end = pagination.child("EndPage")?.nonEmptyText
            record.medlinePages = end.map { "\(start)-\($0)" } ?? start
            record.pages = PageRange(first: start, last: end, lastAsWritten: end)
        }
    }

    private static func authors(in list: XMLTreeElement) -> [PubMedRecord.Author] {
        list.children(named: "Author").compactMap { author in
            guard author.attribute("ValidYN") != "N" else { return nil }
            var affiliations = author.children(named: "AffiliationInfo").compactMap { $0.child("Affiliation")?.nonEmptyText }
            if affiliations.isEmpty, let legacy = author.child("Affiliation")?.nonEmptyText {
                affiliations = [legacy]
            }
            if let collective = author.child("CollectiveName")?.nonEmptyText {
                return PubMedRecord.Author(lastName: collective, isCollective: true, affiliations: affiliations)
            }
            guard let lastName = author.child("LastName")?.nonEmptyText else { return nil }
            return PubMedRecord.Author(
                lastName: lastName,
                initials: author.child("Initials")?.nonEmptyText ?? "",
                foreName: author.child("ForeName")?.nonEmptyText ?? author.child("FirstName")?.nonEmptyText,
                suffix: author.child("Suffix")?.nonEmptyText,
                affiliations: affiliations
            )
        }
    }

    private static func correction(_ element: XMLTreeElement) -> PubMedRecord.Correction? {
        guard let refType = element.attribute("RefType") else { return nil }
        return PubMedRecord.Correction(
            refType: refType, refSource: element.child("RefSource")?.text ?? "", pmid: element.child("PMID")?.nonEmptyText
        )
    }

    private static func articleIDs(_ list: XMLTreeElement?) -> (doi: String?, pmc: String?) {
        var doi: String?
        var pmc: String?
        for id in list?.children(named: "ArticleId") ?? [] {
            guard let value = id.nonEmptyText else { continue }
            switch id.attribute("IdType") {
            case "doi": if doi == nil { doi = value }
            case "pmc": if pmc == nil { pmc = value }
            default: break
            }
        }
        return (doi, pmc)
    }
}
