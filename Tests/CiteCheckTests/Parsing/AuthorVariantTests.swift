import Testing

@testable import CiteCheck

/// Author lists and titles written in the orders real posts use.
@Suite struct AuthorVariantTests {
    let parser = ReferenceParser()

    @Test func titleFirstThenNames() {
        let r = parser.parse("Adjusting for harms. Smith R, Jones WS. Medical Decision Making 1993: 13(3); 247-9.")
        #expect(r.title == "Adjusting for harms")
        #expect(r.authors.map(\.family) == ["Smith", "Jones"])
        #expect(r.journal == "Medical Decision Making")
        #expect(r.year == 1993)
        #expect(r.volume == "13")
        #expect(r.issue == "3")
        #expect(r.pages?.last == "249")
    }

    @Test func titleYearThenNames() {
        let r = parser.parse("Sleep spindles in infants (2015) Asante E, Smidak M, et al.")
        #expect(r.title == "Sleep spindles in infants")
        #expect(r.year == 2015)
        #expect(r.authors.map(\.family) == ["Asante", "Smidak"])
        #expect(r.etAl)
    }

    @Test func titleThenMonthYearThenDOI() {
        let r = parser.parse("Sleep spindles in infants - June 2013 - doi: 10.1016/j.sleep.2013.01.005")
        #expect(r.title == "Sleep spindles in infants")
        #expect(r.year == 2013)
        #expect(r.month == "June")
        #expect(r.doi == "10.1016/j.sleep.2013.01.005")
    }

    @Test func namesSplitByPeriods() {
        let r = parser.parse("O'Neill J. Senior T. Csicsvari J. 2006. Place-selective firing of CA1 cells. Neuron 49(1): 143-155.")
        #expect(r.authors.map(\.family) == ["O'Neill", "Senior", "Csicsvari"])
        #expect(r.year == 2006)
        #expect(r.title == "Place-selective firing of CA1 cells")
        #expect(r.journal == "Neuron")
    }

    @Test func givenNamesFirstAfterAmpersand() {
        let r = parser.parse("Hosoi, SA & SI Rothstein. 2000. Nest desertion and cowbird parasitism. Animal Behaviour 59: 823-840.")
        #expect(r.authors.map(\.family) == ["Hosoi", "Rothstein"])
        #expect(r.authors.map(\.given) == ["SA", "SI"])
        #expect(r.title == "Nest desertion and cowbird parasitism")
    }

    @Test func initialGluedToAParticle() {
        let r = parser.parse("Osorio Fde L, Crippa JA. Sleep and anxiety. Rev Bras Psiquiatr. 2009;31(4):345-9.")
        #expect(r.authors.first == Author(family: "Osorio", given: "Fde L"))
        #expect(r.authors.last?.family == "Crippa")
    }

    @Test func mlaSecondNameWithElidedParticle() {
        let r = parser.parse("Campisi, Judith, and Fabrizio d'Adda di Fagagna. \"Cellular senescence.\" Nature reviews. Molecular cell biology 8.9 (2007): 729.")
        #expect(r.authors.map(\.family) == ["Campisi", "d'Adda di Fagagna"])
        #expect(r.title == "Cellular senescence")
        #expect(r.volume == "8")
        #expect(r.issue == "9")
        #expect(r.pages?.first == "729")
    }
}
