import Testing

@testable import CiteCheck

/// Lists longer than 999 entries: numbering may run past three digits when it continues the list. Before, entry
/// 1000 and everything after it were read as one giant entry 999 (and parsing that entry was quadratic).
@Suite struct LongListTests {
    static let reference = "Feder A, Parides MK. Efficacy of ketamine. JAMA Psychiatry. 2014;71(6):681-688."

    private func entries(_ text: String, _ format: InputFormat) -> [ReferenceEntry] {
        let document = DocumentReader.read(SourceFile(path: "long", text: text), format: format)
        return ReferenceListFinder().find(in: document)?.entries ?? []
    }

    @Test(arguments: [InputFormat.text, .markdown])
    func numberingRunsPast999(_ format: InputFormat) {
        let count = 1_203
        let text = "Intro [1].\n\nReferences\n\n" + (1...count).map { "\($0). \(Self.reference)\n" }.joined()
        let found = entries(text, format)
        #expect(found.count == count)
        #expect(found.map(\.number) == (1...count).map { Optional($0) })
        #expect(found.last?.text == Self.reference)
        #expect(found.last?.label == "\(count).")
    }

    @Test func bracketNumberingRunsPast999() {
        let text = "References\n\n" + (1...1_001).map { "[\($0)] \(Self.reference)\n" }.joined()
        #expect(entries(text, .text).map(\.number).last == 1_001)
    }

    @Test func htmlParagraphsWithLineBreaksRunPast999() {
        let html = "<h2>References</h2><p>" + (998...1_002).map { "\($0). \(Self.reference)" }.joined(separator: "<br>\n") + "</p>"
        #expect(entries(html, .html).map(\.number) == [998, 999, 1_000, 1_001, 1_002])
    }

    /// Four digits that do not continue the numbering are no label: a year at the start of a wrapped line.
    @Test func yearAtLineStartIsNotALabel() {
        let text = "References\n\n1. Feder A, Parides MK. Efficacy of ketamine. JAMA Psychiatry.\n2014. 71(6):681-688.\n2. \(Self.reference)\n"
        let found = entries(text, .text)
        #expect(found.map(\.number) == [1, 2])
        #expect(found.first?.text.contains("2014. 71(6)") == true)
    }

    @Test func labelDigitsAreBounded() {
        let bytes = Array("1234567890. x".utf8)
        #expect(EntryLabel.parse(bytes, at: 0, end: bytes.count, previous: 1_234_567_889) == nil)
        let nine = Array("123456789. x".utf8)
        #expect(EntryLabel.parse(nine, at: 0, end: nine.count, previous: 123_456_788)?.number == 123_456_789)
        #expect(EntryLabel.parse(nine, at: 0, end: nine.count, previous: 5) == nil)
    }
}
