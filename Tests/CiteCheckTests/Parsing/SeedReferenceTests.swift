import Testing

@testable import CiteCheck

/// The reference list of the seed post: every field must be right.
@Suite struct SeedReferenceTests {
    let parser = ReferenceParser()

    @Test func federAMAWithCurlyQuotes() {
        let r = parser.parse(
            "Feder A, Parides MK, Murrough JW, et al. “Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial.” JAMA Psychiatry. 2014;71(6):681–688."
        )
        #expect(r.authors == [Author(family: "Feder", given: "A"), Author(family: "Parides", given: "MK"), Author(family: "Murrough", given: "JW")])
        #expect(r.etAl)
        #expect(r.title == "Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial")
        #expect(r.titleQuoted)
        #expect(r.journal == "JAMA Psychiatry")
        #expect(r.year == 2014)
        #expect(r.volume == "71")
        #expect(r.issue == "6")
        #expect(r.pages == PageRange(first: "681", last: "688", lastAsWritten: "688"))
        #expect(r.style == .ama)
        #expect(r.epubYear == nil)
        #expect(r.unparsed == nil)
        #expect(r.doi == nil && r.pmid == nil && r.pmcid == nil && r.url == nil)
    }

    @Test func taylorOnlineYearNote() {
        let r = parser.parse(
            "Taylor JH, Landeros-Weisenberger A, Coughlin C, et al. “Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial.” Neuropsychopharmacology. 2018;43:325–333 (online 2017)."
        )
        #expect(r.authors.map(\.family) == ["Taylor", "Landeros-Weisenberger", "Coughlin"])
        #expect(r.authors.map(\.given) == ["JH", "A", "C"])
        #expect(r.etAl)
        #expect(r.title == "Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial")
        #expect(r.journal == "Neuropsychopharmacology")
        #expect(r.year == 2018)
        #expect(r.epubYear == 2017)
        #expect(r.notes == [ReferenceNote(kind: .epub, text: "online 2017")])
        #expect(r.volume == "43")
        #expect(r.issue == nil)
        #expect(r.pages == PageRange(first: "325", last: "333", lastAsWritten: "333"))
        #expect(r.style == .ama)
        #expect(r.unparsed == nil)
    }

    @Test func glueVancouver() {
        let r = parser.parse(
            "Glue P, Neehoff S, Sabadel A, et al. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277."
        )
        #expect(r.authors.map(\.family) == ["Glue", "Neehoff", "Sabadel"])
        #expect(r.etAl)
        #expect(
            r.title
                == "Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study"
        )
        #expect(!r.titleQuoted)
        #expect(r.journal == "J Psychopharmacol")
        #expect(r.year == 2020)
        #expect(r.volume == "34")
        #expect(r.issue == "3")
        #expect(r.pages == PageRange(first: "267", last: "277", lastAsWritten: "277"))
        #expect(r.style == .vancouver)
    }

    @Test func fieldRangesPointAtTheFields() {
        let raw = "Glue P, Neehoff S. Effects of ketamine. J Psychopharmacol. 2020;34(3):267-277."
        let r = parser.parse(raw)
        let bytes = Array(raw.utf8)
        func text(_ f: ReferenceField) -> String? {
            r.fieldRanges[f].map { String(decoding: bytes[$0], as: UTF8.self) }
        }
        #expect(text(.title) == "Effects of ketamine")
        #expect(text(.journal) == "J Psychopharmacol")
        #expect(text(.year) == "2020")
        #expect(text(.volume) == "34")
        #expect(text(.issue) == "3")
        #expect(text(.pages) == "267-277")
        #expect(text(.authors) == "Glue P, Neehoff S")
    }
}
