import Testing

@testable import CiteCheck

/// One reference per style; every style must give the same fields.
@Suite struct StyleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var text: String
        var style: CitationStyle
        var families: [String]
        var etAl: Bool
        var title: String
        var quoted: Bool
        var issue: String?
        var last: String
        var testDescription: String { style.rawValue }
    }

    static let cases: [Case] = [
        Case(
            text: "Feder A, Parides MK, Murrough JW, et al. Efficacy of ketamine for PTSD. JAMA Psychiatry. 2014;71(6):681-688.",
            style: .vancouver, families: ["Feder", "Parides", "Murrough"], etAl: true, title: "Efficacy of ketamine for PTSD", quoted: false, issue: "6", last: "688"),
        Case(
            text: "Feder A, Parides MK. \"Efficacy of ketamine for PTSD.\" JAMA Psychiatry. 2014;71(6):681–688. doi:10.1001/jamapsychiatry.2014.62",
            style: .ama, families: ["Feder", "Parides"], etAl: false, title: "Efficacy of ketamine for PTSD", quoted: true, issue: "6", last: "688"),
        Case(
            text: "Feder A, Parides MK. “Efficacy of ketamine for PTSD”. JAMA Psychiatry. 2014;71(6):681–688.",
            style: .ama, families: ["Feder", "Parides"], etAl: false, title: "Efficacy of ketamine for PTSD", quoted: true, issue: "6", last: "688"),
        Case(
            text:
                "Feder, A., Parides, M. K., & Charney, D. S. (2014). Efficacy of ketamine for PTSD. JAMA Psychiatry, 71(6), 681–688. https://doi.org/10.1001/jamapsychiatry.2014.62",
            style: .apa, families: ["Feder", "Parides", "Charney"], etAl: false, title: "Efficacy of ketamine for PTSD", quoted: false, issue: "6", last: "688"),
        Case(
            text: "Feder, A. et al. (2014) 'Efficacy of ketamine for PTSD', JAMA Psychiatry, 71(6), pp. 681–688.",
            style: .harvard, families: ["Feder"], etAl: true, title: "Efficacy of ketamine for PTSD", quoted: true, issue: "6", last: "688"),
        Case(
            text: "Feder, A. et al. Efficacy of ketamine for PTSD. JAMA Psychiatry 71, 681–688 (2014).",
            style: .nature, families: ["Feder"], etAl: true, title: "Efficacy of ketamine for PTSD", quoted: false, issue: nil, last: "688"),
        Case(
            text: "Feder, A., Parides, M. K. & Charney, D. S. Efficacy of ketamine for PTSD. JAMA Psychiatry 71, 681–688 (2014).",
            style: .nature, families: ["Feder", "Parides", "Charney"], etAl: false, title: "Efficacy of ketamine for PTSD", quoted: false, issue: nil, last: "688"),
        Case(
            text: "Feder A, Parides MK (2014) Efficacy of ketamine for PTSD. JAMA Psychiatry 71: 681–688.",
            style: .plos, families: ["Feder", "Parides"], etAl: false, title: "Efficacy of ketamine for PTSD", quoted: false, issue: nil, last: "688"),
        Case(
            text: "Feder, Adriana, and Dennis S. Charney. 2014. \"Efficacy of Ketamine for PTSD.\" JAMA Psychiatry 71 (6): 681–88.",
            style: .chicago, families: ["Feder", "Charney"], etAl: false, title: "Efficacy of Ketamine for PTSD", quoted: true, issue: "6", last: "688"),
    ]

    @Test(arguments: cases)
    func style(_ c: Case) {
        let r = ReferenceParser().parse(c.text)
        #expect(r.style == c.style)
        #expect(r.authors.map(\.family) == c.families)
        #expect(r.etAl == c.etAl)
        #expect(r.title == c.title)
        #expect(r.titleQuoted == c.quoted)
        #expect(r.journal == "JAMA Psychiatry")
        #expect(r.year == 2014)
        #expect(r.volume == "71")
        #expect(r.issue == c.issue)
        #expect(r.pages?.first == "681")
        #expect(r.pages?.last == c.last)
    }

    @Test func chicagoGivenNames() {
        let r = ReferenceParser().parse("Feder, Adriana, and Dennis S. Charney. 2014. \"Efficacy.\" JAMA Psychiatry 71 (6): 681–88.")
        #expect(r.authors.map(\.given) == ["Adriana", "Dennis S."])
        #expect(r.pages?.lastAsWritten == "88")
    }

    @Test func apaGivenInitials() {
        let r = ReferenceParser().parse("Feder, A., Parides, M. K., & Charney, D. S. (2014). Efficacy. JAMA Psychiatry, 71(6), 681–688.")
        #expect(r.authors.map(\.given) == ["A.", "M. K.", "D. S."])
        #expect(r.doi == nil)
    }

    @Test func ieeeFields() {
        let r = ReferenceParser().parse("J. Smith and A. Jones, \"Deep learning for ECG classification,\" IEEE Trans. Biomed. Eng., vol. 65, no. 3, pp. 1-10, Mar. 2018.")
        #expect(r.authors.map(\.family) == ["Smith", "Jones"])
        #expect(r.title == "Deep learning for ECG classification")
        #expect(r.titleQuoted)
        #expect(r.journal == "IEEE Trans. Biomed. Eng")
        #expect(r.volume == "65")
        #expect(r.issue == "3")
        #expect(r.pages == PageRange(first: "1", last: "10", lastAsWritten: "10"))
        #expect(r.month == "Mar")
        #expect(r.year == 2018)
        #expect(r.unparsed == nil)
    }
}
