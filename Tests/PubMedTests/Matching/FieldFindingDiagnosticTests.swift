import CiteCheck
import Testing

@testable import PubMed

@Suite struct FieldFindingDiagnosticTests {
    @Test func findingPointsAtTheFieldInTheFile() {
        let text = "References:\n\n6. Duman RS. Neurobiology of stress. Depress Anxiety. 2014;31(3):199-212.\n"
        let file = SourceFile(path: "post.txt", text: text)
        let entryText = "Duman RS. Neurobiology of stress. Depress Anxiety. 2014;31(3):199-212."
        let entryStart = text.utf8.count - entryText.utf8.count - 1
        let entry = ReferenceEntry(
            index: 6, label: "6.", number: 6, text: entryText, sourceMap: SourceMap(verbatimFrom: entryStart),
            range: file.range(of: (entryStart - 3)..<(entryStart + entryText.utf8.count))
        )
        var parsed = ParsedReference(raw: entryText)
        parsed.fieldRanges[.pages] = MatchingFixtures.range(of: "199-212", in: entryText)
        let reference = Reference(entry: entry, parsed: parsed)
        let finding = FieldFinding(
            rule: "pubmed-pages", severity: .error, field: .pages, found: "199-212", expected: "291-296",
            message: "pages 199-212 differ from PubMed's 291-296", pmid: "24616149")
        let diagnostic = finding.diagnostic(for: reference, in: file)
        #expect(diagnostic.range.start == SourcePosition(line: 3, column: 66))
        #expect(diagnostic.range.end == SourcePosition(line: 3, column: 73))
        #expect(diagnostic.reference == 6)
        #expect(diagnostic.pmid == "24616149")
        let whole = FieldFinding(rule: "pubmed-retracted", severity: .error, message: "retracted", pmid: "1")
        #expect(whole.diagnostic(for: reference, in: file).range == entry.range)
    }
}
