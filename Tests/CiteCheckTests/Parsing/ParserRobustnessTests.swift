import Testing

@testable import CiteCheck

/// Bad input never crashes, and every field range lies inside the text.
@Suite struct ParserRobustnessTests {
    static let garbage: [String] = [
        "", " ", ".", "....", ",,,;;;:::", "((((", "))))", "[[[", "]]]", "“", "\"", "'", "‘’", "et al.", "(2014)", "2014",
        "10.", "doi:", "PMID:", "PMC", "http://", "Epub", "(online", "In:", "pp.", "- – —", "A", "A.", "A, B, C",
        String(repeating: ",", count: 10_000), String(repeating: "A ", count: 5_000), String(repeating: "(2014) ", count: 2_000),
        "Иванов ИИ, Петров ПП. Название статьи. Журнал. 2014;1(2):3-4.", "张三, 李四. 论文题目. 中华医学杂志. 2014;94(1):1-3.",
        "山田太郎 (2014) タイトル. 雑誌 1: 2–3.", "\u{0000}\u{0001}\u{001F}", "\u{FEFF}Smith A. Title. J. 2014;1:1.",
        "Smith A. Title. J. 2014;1:1-", "Smith A. Title. J. 2014;(", "Smith A. Title. J. 2014;1(2", "Smith A. “Unclosed title. J. 2014;1:2.",
        "e\u{301}\u{301}\u{301}", "🙂🙂 (2014) 🙂. 🙂 1: 2.",
    ]

    @Test(arguments: garbage)
    func neverCrashes(_ text: String) {
        let r = ReferenceParser().parse(text)
        let count = text.utf8.count
        for (_, range) in r.fieldRanges {
            #expect(range.lowerBound >= 0 && range.upperBound <= count && range.lowerBound <= range.upperBound)
        }
        #expect(r.raw == text)
        _ = ReferenceJSON.object(r, line: 1)
    }

    @Test func emptyGivesNothing() {
        let r = ReferenceParser().parse("")
        #expect(r.isUnparsed)
        #expect(r.authors.isEmpty)
    }

    @Test func nonLatinVancouver() {
        let r = ReferenceParser().parse("Иванов ИИ, Петров ПП. Название статьи. Журнал. 2014;1(2):3-4.")
        #expect(r.year == 2014)
        #expect(r.volume == "1")
        #expect(r.issue == "2")
    }
}
