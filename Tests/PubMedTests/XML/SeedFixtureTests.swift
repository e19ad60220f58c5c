import CiteCheck
import Testing

@testable import PubMed

/// The six seed study records in fixtures/pubmed/ (assembled by hand in EFetch form, see its README).
@Suite struct SeedFixtureTests {
    struct Seed: Sendable, CustomStringConvertible {
        var pmid: String
        var firstAuthor: String
        var authorCount: Int
        var titlePrefix: String
        var journal: String
        var iso: String
        var medlineTA: String
        var year: Int
        var month: String
        var electronicYear: Int?
        var volume: String
        var issue: String
        var pages: PageRange
        var doi: String
        var description: String { pmid }
    }

    static let seeds: [Seed] = [
        Seed(
            pmid: "24740528", firstAuthor: "Feder", authorCount: 12, titlePrefix: "Efficacy of intravenous ketamine",
            journal: "JAMA Psychiatry", iso: "JAMA Psychiatry", medlineTA: "JAMA Psychiatry", year: 2014, month: "Jun",
            electronicYear: nil, volume: "71", issue: "6", pages: PageRange(first: "681", last: "688", lastAsWritten: "8"),
            doi: "10.1001/jamapsychiatry.2014.62"),
        Seed(
            pmid: "33397139", firstAuthor: "Feder", authorCount: 16, titlePrefix: "A Randomized Controlled Trial of Repeated Ketamine",
            journal: "The American journal of psychiatry", iso: "Am J Psychiatry", medlineTA: "Am J Psychiatry", year: 2021, month: "Feb",
            electronicYear: 2021, volume: "178", issue: "2", pages: PageRange(first: "193", last: "202", lastAsWritten: "202"),
            doi: "10.1176/appi.ajp.2020.20050596"),
        Seed(
            pmid: "28849779", firstAuthor: "Taylor", authorCount: 9, titlePrefix: "Ketamine for Social Anxiety Disorder",
            journal: "Neuropsychopharmacology", iso: "Neuropsychopharmacology", medlineTA: "Neuropsychopharmacology", year: 2018, month: "Jan",
            electronicYear: 2017, volume: "43", issue: "2", pages: PageRange(first: "325", last: "333", lastAsWritten: "333"),
            doi: "10.1038/npp.2017.194"),
        Seed(
            pmid: "31526207", firstAuthor: "Glue", authorCount: 8, titlePrefix: "Effects of ketamine in patients with treatment-refractory",
            journal: "Journal of psychopharmacology (Oxford, England)", iso: "J Psychopharmacol", medlineTA: "J Psychopharmacol", year: 2020,
            month: "Mar", electronicYear: 2019, volume: "34", issue: "3", pages: PageRange(first: "267", last: "272", lastAsWritten: "272"),
            doi: "10.1177/0269881119874457"),
        Seed(
            pmid: "23783065", firstAuthor: "Rodriguez", authorCount: 8, titlePrefix: "Randomized controlled crossover trial of ketamine",
            journal: "Neuropsychopharmacology", iso: "Neuropsychopharmacology", medlineTA: "Neuropsychopharmacology", year: 2013, month: "Nov",
            electronicYear: 2013, volume: "38", issue: "12", pages: PageRange(first: "2475", last: "2483", lastAsWritten: "83"),
            doi: "10.1038/npp.2013.150"),
        Seed(
            pmid: "24616149", firstAuthor: "Duman", authorCount: 1, titlePrefix: "Neurobiology of stress, depression, and rapid acting",
            journal: "Depression and anxiety", iso: "Depress Anxiety", medlineTA: "Depress Anxiety", year: 2014, month: "Apr",
            electronicYear: 2014, volume: "31", issue: "4", pages: PageRange(first: "291", last: "296", lastAsWritten: "6"),
            doi: "10.1002/da.22227"),
    ]

    @Test(arguments: seeds)
    func seedRecordParses(seed: Seed) throws {
        let records = try PubMedArticleSetParser.records(fromFile: FixtureFiles.url("fixtures/pubmed/\(seed.pmid).xml").path)
        try #require(records.count == 1)
        let record = records[0]
        #expect(record.pmid == seed.pmid)
        #expect(record.title.hasPrefix(seed.titlePrefix))
        #expect(record.authors.first?.lastName == seed.firstAuthor)
        #expect(record.authors.count == seed.authorCount)
        #expect(record.journalTitle == seed.journal)
        #expect(record.isoAbbreviation == seed.iso)
        #expect(record.medlineTA == seed.medlineTA)
        #expect(record.year == seed.year)
        #expect(record.month == seed.month)
        #expect(record.electronicYear == seed.electronicYear)
        #expect(record.volume == seed.volume)
        #expect(record.issue == seed.issue)
        #expect(record.pages == seed.pages)
        #expect(record.doi == seed.doi)
        #expect(!record.isRetracted)
    }

    @Test func multiWordSurnamesAndFirstAffiliations() throws {
        let feder = try PubMedArticleSetParser.records(fromFile: FixtureFiles.url("fixtures/pubmed/24740528.xml").path)[0]
        #expect(feder.authors[7] == PubMedRecord.Author(lastName: "Aan Het Rot", initials: "M"))
        #expect(feder.authors[0].affiliations == ["Icahn School of Medicine at Mount Sinai, New York."])
        let glue = try PubMedArticleSetParser.records(fromFile: FixtureFiles.url("fixtures/pubmed/31526207.xml").path)[0]
        #expect(glue.authors[4].lastName == "Le Nedelec")
        let taylor = try PubMedArticleSetParser.records(fromFile: FixtureFiles.url("fixtures/pubmed/28849779.xml").path)[0]
        #expect(taylor.authors[0].affiliations == ["Yale Child Study Center, Yale University School of Medicine, New Haven."])
        #expect(taylor.authors[1].lastName == "Landeros-Weisenberger")
    }
}
