import CiteCheck
import Testing

@testable import PubMed

@Suite struct CandidateQueriesTests {
    @Test func termsLeanOnDifferentFields() {
        var r = MatchingFixtures.seedReferences[5]
        r.doi = "10.1002/da.22227"
        let terms = CandidateQueries.esearchTerms(for: r)
        #expect(terms.first == "\"10.1002/da.22227\"[aid]")
        #expect(terms.contains("\"Duman RS\"[au] AND 2013:2015[dp] AND \"Depress Anxiety\"[ta]"))
        #expect(terms.contains("\"Depress Anxiety\"[ta] AND 31[vi] AND 199[pg]"))
        let title = terms.first { $0.contains("[ti]") }
        #expect(title?.contains("neurobiology[ti]") == true)
        #expect(title?.contains(" of[ti]") == false)
    }

    @Test func ecitmatchLine() {
        let r = MatchingFixtures.seedReferences[0]
        #expect(CandidateQueries.ecitmatchLine(for: r, key: "1") == "JAMA Psychiatry|2014|71|681|Feder A|1|")
        var bare = ParsedReference(raw: "x")
        bare.title = "x"
        #expect(CandidateQueries.ecitmatchLine(for: bare, key: "2") == nil)
        var piped = r
        piped.journal = "A|B"
        #expect(CandidateQueries.ecitmatchLine(for: piped, key: "k")?.hasPrefix("A B|") == true)
    }

    @Test func initials() {
        #expect(CandidateQueries.initials("M. K.") == "MK")
        #expect(CandidateQueries.initials("Mary Kate") == "MK")
        #expect(CandidateQueries.initials("MK") == "MK")
        #expect(CandidateQueries.initials("") == "")
    }

    @Test func nothingToSearchBy() {
        #expect(CandidateQueries.esearchTerms(for: ParsedReference(raw: "")).isEmpty)
    }
}
