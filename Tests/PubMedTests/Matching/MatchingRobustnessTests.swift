import CiteCheck
import Testing

@testable import PubMed

/// Odd and hostile values never crash matching or comparison.
@Suite struct MatchingRobustnessTests {
    static let odd = [
        "", " ", "-", "–", "0", "00", "e", "S", "S1-", "-5", "12-", "999999999999999999999", "Ⅻ", "Ünïcödé", "<i>", "[", "]", ":", "?",
        "a|b", "\u{0301}", "🙂", "\n", "123-45-6", "pp.", "p. 5",
    ]

    @Test func oddFieldsDoNotCrash() {
        let records = Self.odd.enumerated().map { i, value in
            PubMedRecord(
                pmid: String(i), title: value, journalTitle: value, isoAbbreviation: value, medlineTA: value, volume: value, issue: value,
                year: i % 3 == 0 ? nil : 2000 + i, electronicYear: i % 2 == 0 ? nil : 2001, medlinePages: value,
                pages: i % 4 == 0 ? PageRange(first: value, last: value) : nil, elocationIDs: [value],
                authors: i % 5 == 0 ? [] : [PubMedRecord.Author(lastName: value, initials: value, isCollective: i % 7 == 0)],
                doi: value, pmcid: value, corrections: [.init(refType: "ErratumIn", refSource: value)]
            )
        }
        let index = RecordIndex(records: records)
        for (i, value) in Self.odd.enumerated() {
            var r = ParsedReference(raw: value)
            r.title = value
            r.journal = value
            r.volume = value
            r.issue = value
            r.year = i % 2 == 0 ? nil : 1999 + i
            r.epubYear = i % 3 == 0 ? 2001 : nil
            r.pages = PageRange(first: value, last: i % 2 == 0 ? value : nil, lastAsWritten: value)
            r.authors = [Author(family: value, given: value, isGroup: i % 6 == 0)]
            r.doi = value
            r.pmid = value
            r.pmcid = value
            r.fieldRanges = [.pages: -3..<1000, .title: 0..<0]
            let verification = Verifier().verify(r, in: index)
            _ = CandidateQueries.esearchTerms(for: r)
            _ = CandidateQueries.ecitmatchLine(for: r, key: value)
            for record in records {
                _ = FieldComparison.compare(r, with: record)
                _ = MatchScorer().score(r, record)
            }
            #expect(verification.findings.allSatisfy { !$0.message.isEmpty })
        }
    }
}
