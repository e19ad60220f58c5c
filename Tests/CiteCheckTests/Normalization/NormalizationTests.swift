import Testing

@testable import CiteCheck

@Suite struct NormalizationTests {
    @Test func americanAbbreviationIsNotAStopWord() {
        // "Am" abbreviates "American"; dropping it made `Am J Psychiatry` look like `JAMA Psychiatry`.
        #expect(!Normalization.sameJournal("American Journal of Psychiatry", "JAMA Psychiatry"))
        #expect(!Normalization.sameJournal("Am J Psychiatry", "JAMA Psychiatry"))
        #expect(Normalization.sameJournal("Am J Psychiatry", "The American journal of psychiatry"))
    }

    @Test func foldsDiacritics() {
        #expect(Normalization.foldDiacritics("Müller") == "Muller")
        #expect(Normalization.foldDiacritics("Żółć Straße Æsop Øster Łódź") == "Zolc Strasse AEsop Oster Lodz")
        #expect(Normalization.foldDiacritics("Nguyễn Thị") == "Nguyen Thi")  // beyond Latin Extended-A
        #expect(Normalization.foldDiacritics("Mu\u{308}ller") == "Muller")  // decomposed input
        #expect(Normalization.foldDiacritics("plain") == "plain")
        #expect(Normalization.foldDiacritics("Ελλάδα") == "Ελλαδα")
        #expect(Normalization.latinFold.count == 0x180 - 0xC0)
    }

    @Test func dashesAndQuotes() {
        #expect(Normalization.dashes("681–688 — x‐y −1") == "681-688 - x-y -1")
        #expect(Normalization.quotes("“Title” ‘x’ «y» „z“") == "\"Title\" 'x' \"y\" \"z\"")
    }

    @Test func familyNames() {
        #expect(Normalization.name("Müller") == "muller")
        #expect(Normalization.name("Muller") == Normalization.name("MÜLLER"))
        #expect(Normalization.name("O'Brien") == Normalization.name("O’Brien"))
        #expect(Normalization.name("Aan Het Rot") == Normalization.name("aan het Rot"))
        #expect(Normalization.name("Landeros-Weisenberger") == Normalization.name("Landeros Weisenberger"))
        #expect(Normalization.name("Muller") != Normalization.name("Mullen"))
        #expect(Normalization.name("") == "")
    }

    @Test(arguments: ["M. K.", "MK", "M.K.", "Mary Kate", "M.-K.", "Mary-Kate", "mary kate", " M K "])
    func initials(_ given: String) {
        #expect(Normalization.initials(given) == "MK")
    }

    @Test func moreInitials() {
        #expect(Normalization.initials("Adriana") == "A")
        #expect(Normalization.initials("Élodie") == "E")
        #expect(Normalization.initials("JRR") == "JRR")
        #expect(Normalization.initials("") == "")
        #expect(Normalization.initials("..-") == "")
    }

    @Test func sameAuthor() {
        #expect(Normalization.sameAuthor(family: "Feder", given: "A", "Feder", "Adriana"))
        #expect(Normalization.sameAuthor(family: "Müller", given: "M. K.", "Muller", "MK"))
        #expect(Normalization.sameAuthor(family: "Parides", given: "MK", "Parides", "M"))
        #expect(Normalization.sameAuthor(family: "Aan Het Rot", given: "M", "aan het Rot", ""))
        #expect(!Normalization.sameAuthor(family: "Feder", given: "A", "Fedder", "A"))
        #expect(!Normalization.sameAuthor(family: "Parides", given: "MK", "Parides", "MJ"))
        #expect(!Normalization.sameAuthor(family: "", given: "", "", ""))
    }

    @Test func titles() {
        let a = "Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial."
        let b = "“Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder — A Randomized Clinical Trial”"
        #expect(Normalization.sameTitle(a, b))
        #expect(Normalization.title("  Café  au   lait. ") == "cafe au lait")
        #expect(Normalization.title("β-Amyloid in patients' brains") == "beta amyloid in patients brains")
        #expect(Normalization.sameTitle("Long-term outcomes", "Long–term outcomes"))
        #expect(!Normalization.sameTitle("Ketamine for depression", "Ketamine for anxiety"))
        #expect(!Normalization.sameTitle("", ""))
        #expect(Normalization.titleWords("A randomized, controlled trial.") == ["a", "randomized", "controlled", "trial"])
    }

    @Test func titleSimilarity() {
        let full = "Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder"
        let missing = "Efficacy of ketamine for treatment of chronic posttraumatic stress disorder"
        #expect(Normalization.titleSimilarity(full, full) == 1)
        let s = Normalization.titleSimilarity(full, missing)
        #expect(s > 0.9 && s < 1)
        #expect(Normalization.titleSimilarity(full, "Mindfulness in schools: a cluster trial") < 0.2)
        #expect(Normalization.titleSimilarity("", full) == 0)
        #expect(Normalization.titleSimilarity(words: Normalization.titleWords(full), Normalization.titleWords(missing)) == s)
        #expect(Normalization.titleSimilarity(full, missing) == Normalization.titleSimilarity(missing, full))
    }

    @Test func pages() {
        #expect(Normalization.pages("2475", "83") == ("2475", "2483"))
        #expect(Normalization.pages("681", "8") == ("681", "688"))
        #expect(Normalization.pages("681", "688") == ("681", "688"))
        #expect(Normalization.pages("99", "101") == ("99", "101"))
        #expect(Normalization.pages("S12", "15") == ("S12", "S15"))
        #expect(Normalization.pages("S12", "S15") == ("S12", "S15"))
        #expect(Normalization.pages("e0123456", nil) == ("e0123456", nil))
        #expect(Normalization.pages("e123", "e130") == ("e123", "e130"))
        #expect(Normalization.pages(" 681 ", "–688.") == ("681", "688"))
        #expect(Normalization.pages("1999", "2") == ("1999", "2"))  // would go backwards: left as written
        #expect(Normalization.pages("12", "12") == ("12", nil))
        #expect(Normalization.pages("", "") == ("", nil))
        #expect(Normalization.pages("iv", "xii") == ("iv", "xii"))
    }
}
