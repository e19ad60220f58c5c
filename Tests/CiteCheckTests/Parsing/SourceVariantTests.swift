import Testing

@testable import CiteCheck

/// Numeric sources written the ways real posts write them: MLA `vol.issue (year): pages`, month names in the volume
/// parentheses, labelled German and IEEE parts, `Journal YYYY: vol(issue); pages`.
@Suite struct SourceVariantTests {
    let parser = ReferenceParser()

    @Test func mlaVolumeDotIssue() {
        let r = parser.parse("Field, Anne. \"Teaching dentists to sleep.\" Journal of Dental Education 65.12 (2001): 1378-1382.")
        #expect(r.journal == "Journal of Dental Education")
        #expect(r.volume == "65")
        #expect(r.issue == "12")
        #expect(r.year == 2001)
        #expect(r.pages == PageRange(first: "1378", last: "1382", lastAsWritten: "1382"))
        #expect(r.kind == .article)
    }

    @Test func doubleHyphenPageRange() {
        let r = parser.parse("Baker, T. et al. (2005). Effect of meal timing on insulin action. Journal of Applied Physiology, 99, 2128--2136.")
        #expect(r.volume == "99")
        #expect(r.pages == PageRange(first: "2128", last: "2136", lastAsWritten: "2136"))
    }

    @Test func yearVolumeAndPagesBetweenSemicolons() {
        let r = parser.parse("Lund OA and Berg RE. A simpler vapour pressure formula. J. Appl. Meteor., 1996; 35; 601–609.")
        #expect(r.year == 1996)
        #expect(r.volume == "35")
        #expect(r.pages?.first == "601")
        #expect(r.pages?.last == "609")
    }

    @Test func mlaVolumeOnly() {
        let r = parser.parse("Xu, Ming, et al. \"Targeting the JAK pathway.\" Pharmacological research 111 (2016): 152-154.")
        #expect(r.journal == "Pharmacological research")
        #expect(r.volume == "111")
        #expect(r.issue == nil)
        #expect(r.year == 2016)
        #expect(r.pages?.first == "152")
    }

    @Test func monthInTheVolumeParentheses() {
        let r = parser.parse("Lee K. Sleep and work. Occup Med 280(July 1998): 12-15.")
        #expect(r.volume == "280")
        #expect(r.issue == nil)
        #expect(r.month == "July")
        #expect(r.year == 1998)
        #expect(r.pages?.first == "12")
    }

    @Test func pagesThenMonthYearStayPages() {
        let r = parser.parse("R. Ode and S. Lin, \"Message signing,\" IEEE Communications 23(9), pp. 29-40 (September 1985).")
        #expect(r.volume == "23")
        #expect(r.issue == "9")
        #expect(r.pages == PageRange(first: "29", last: "40", lastAsWritten: "40"))
    }

    @Test(arguments: [
        ("Lee K. Sleep and work. Occupational Medicine, Vol. 7, 12-15, 1998.", "7", nil as String?),
        ("Lee K. Sleep and work. Occupational Medicine, vol. 12, no. 3, pp. 12-15, 1998.", "12", "3"),
        ("Müller K. Schlaf und Arbeit. Dtsch Med Wochenschr 2018; Jg. 143, Heft 4, S. 12–14.", "143", "4"),
    ])
    func labelledParts(_ text: String, _ volume: String, _ issue: String?) {
        let r = parser.parse(text)
        #expect(r.volume == volume)
        #expect(r.issue == issue)
        #expect(r.pages?.first == "12")
        #expect(r.pages?.last == "14" || r.pages?.last == "15")
        #expect(r.kind == .article)
    }

    @Test func yearColonVolumeIssueSemicolonPages() {
        let r = parser.parse("Smith R, Jones WS. Adjusting for harms. Medical Decision Making 1993: 13(3); 247-9.")
        #expect(r.journal == "Medical Decision Making")
        #expect(r.year == 1993)
        #expect(r.volume == "13")
        #expect(r.issue == "3")
        #expect(r.pages == PageRange(first: "247", last: "249", lastAsWritten: "9"))
    }

    @Test func podcastEpisodeIsNoVolume() {
        let r = parser.parse("Huberman A. Master your sleep. Huberman Lab podcast #176. June-19-2017.")
        #expect(r.volume == nil)
        #expect(r.pages == nil)
        #expect(r.year == 2017)
        #expect(r.kind == .podcast)
    }

    @Test func natureStyleWithAmpersand() {
        let r = parser.parse("Ryan, A. B. & Cole, C. Naps restore memory. Sleep Medicine 12, 34–56 (2019).")
        #expect(r.authors.map(\.family) == ["Ryan", "Cole"])
        #expect(r.title == "Naps restore memory")
        #expect(r.journal == "Sleep Medicine")
        #expect(r.volume == "12")
        #expect(r.year == 2019)
        #expect(r.style == .nature)
    }

    @Test func spanishCitedAndAvailable() {
        let r = parser.parse("Pérez J. Sueño y salud. Rev Med Chile. 2019;147(2):12-19 [Citado el 12 de mayo de 2024]. Disponible en: https://www.example.cl/art")
        #expect(r.journal == "Rev Med Chile")
        #expect(r.volume == "147")
        #expect(r.url == "https://www.example.cl/art")
        #expect(r.unparsed == nil)
        #expect(r.kind == .article)
    }

    @Test func epubAndPublishedOnline() {
        let a = parser.parse("Smith A, Jones B. Title here. Lancet. 2020;395(10226):1-10. Epub 2020 Mar 3.")
        #expect(a.notes.map(\.kind) == [.epub])
        #expect(a.volume == "395")
        let b = parser.parse("Smith A, Jones B. Title here. JAMA. Published online March 3, 2020. doi:10.1001/jama.2020.1234")
        #expect(b.year == 2020)
        #expect(b.journal == "JAMA")
        #expect(b.doi == "10.1001/jama.2020.1234")
        #expect(b.kind == .article)
    }
}
