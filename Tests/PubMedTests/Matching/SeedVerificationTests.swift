import CiteCheck
import Testing

@testable import PubMed

/// The seed post's six references against their PubMed records: exactly four mismatches.
@Suite struct SeedVerificationTests {
    let index = RecordIndex(records: MatchingFixtures.seedRecords + MatchingFixtures.distractors)
    let verifier = Verifier()

    @Test func eachSeedReferenceMatchesItsRecord() {
        let expected = ["24740528", "33397139", "28849779", "31526207", "23783065", "24616149"]
        for (reference, pmid) in zip(MatchingFixtures.seedReferences, expected) {
            let result = index.match(reference)
            #expect(result.record?.pmid == pmid, "\(reference.raw)")
            #expect(result.identifierConflicts.isEmpty)
        }
    }

    @Test func exactlyFourMismatches() {
        let findings = MatchingFixtures.seedReferences.map { verifier.verify($0, in: index).findings }
        #expect(findings[0].isEmpty, "\(findings[0])")
        #expect(findings[1].isEmpty, "\(findings[1])")
        #expect(findings[2].isEmpty, "\(findings[2])")
        #expect(findings[4].isEmpty, "\(findings[4])")
        #expect(findings.map(\.count).reduce(0, +) == 4)

        let glue = findings[3]
        #expect(glue.map(\.rule).sorted() == ["pubmed-pages", "pubmed-title"])
        if let pages = glue.first(where: { $0.rule == "pubmed-pages" }) {
            #expect(pages.severity == .error)
            #expect(pages.field == .pages)
            #expect(pages.found == "267-277")
            #expect(pages.expected == "267-272")
            #expect(pages.pmid == "31526207")
        }
        if let title = glue.first(where: { $0.rule == "pubmed-title" }) {
            #expect(title.severity == .warning)
            #expect(title.field == .title)
            #expect(title.message == "title lacks \"Exploratory\"")
            #expect(title.pmid == "31526207")
        }

        let duman = findings[5]
        #expect(duman.map(\.rule).sorted() == ["pubmed-issue", "pubmed-pages"])
        if let issue = duman.first(where: { $0.rule == "pubmed-issue" }) {
            #expect(issue.severity == .error)
            #expect(issue.found == "3")
            #expect(issue.expected == "4")
            #expect(issue.pmid == "24616149")
        }
        if let pages = duman.first(where: { $0.rule == "pubmed-pages" }) {
            #expect(pages.found == "199-212")
            #expect(pages.expected == "291-296")
            #expect(pages.pmid == "24616149")
        }
    }

    @Test func seedMatchesAlsoHoldAgainstCandidatesAlone() {
        // Online use: the records fetched for one reference, without an index.
        let duman = MatchingFixtures.seedReferences[5]
        let verification = verifier.verify(duman, candidates: MatchingFixtures.distractors + [MatchingFixtures.seedRecords[5]])
        #expect(verification.result.record?.pmid == "24616149")
        #expect(verification.findings.count == 2)
    }
}
