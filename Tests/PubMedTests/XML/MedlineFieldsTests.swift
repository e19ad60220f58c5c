import CiteCheck
import Testing

@testable import PubMed

@Suite struct MedlineFieldsTests {
    @Test(
        arguments: [
            ("2013 Nov-Dec", 2013, "Nov-Dec"), ("1998 Spring", 1998, "Spring"), ("2000-2001", 2000, nil),
            ("1977 Apr 17-21", 1977, "Apr"), ("1998 Dec-1999 Jan", 1998, "Dec"), ("Winter 2001", 2001, nil),
        ] as [(String, Int, String?)])
    func medlineDate(text: String, year: Int, month: String?) {
        #expect(MedlineFields.firstYear(in: text) == year)
        if !text.hasPrefix("Winter") {
            #expect(MedlineFields.monthPart(ofMedlineDate: text) == month)
        }
    }

    @Test func yearNeedsFourDigits() {
        #expect(MedlineFields.firstYear(in: "12345 abc") == nil)
        #expect(MedlineFields.firstYear(in: "") == nil)
        #expect(MedlineFields.firstYear(in: "Vol 12, 1987") == 1987)
    }

    @Test(
        arguments: [
            ("681-8", "681", "688", "8"), ("2475-83", "2475", "2483", "83"), ("193-202", "193", "202", "202"),
            ("S12-5", "S12", "S15", "5"), ("87-5", "87", "95", "5"), ("998-12", "998", "1012", "12"),
            ("e0123456", "e0123456", nil, nil), ("110870", "110870", nil, nil), ("123-5, 130", "123", "125", "5"),
            ("S1-S10", "S1", "S10", "S10"), ("12-", "12", nil, nil),
        ] as [(String, String, String?, String?)])
    func pagination(text: String, first: String, last: String?, written: String?) {
        #expect(MedlineFields.pageRange(fromMedlinePgn: text) == PageRange(first: first, last: last, lastAsWritten: written))
    }

    @Test func emptyPaginationGivesNoRange() {
        #expect(MedlineFields.pageRange(fromMedlinePgn: "") == nil)
        #expect(MedlineFields.pageRange(fromMedlinePgn: " , ") == nil)
        #expect(MedlineFields.pageRange(fromMedlinePgn: "-5") == nil)
    }
}
