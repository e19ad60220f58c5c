import Foundation
import Testing

@testable import CiteCheck

/// Each reporter renders the same canned run; the output must equal `fixtures/expected/report.<ext>`.
/// Run with `CITECHECK_RECORD=1` to rewrite the files after a deliberate change (then review the diff).
@Suite struct ReporterGoldenTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
        SourceRange(start: .init(line: line, column: column), end: .init(line: line, column: endColumn))
    }

    static func reference(_ index: Int, line: Int, text: String) -> Reference {
        let entry = ReferenceEntry(
            index: index, label: "\(index).", number: index, text: text, sourceMap: SourceMap(verbatimFrom: 0),
            range: range(line, 5, 8 + text.unicodeScalars.count)
        )
        return Reference(entry: entry, parsed: ParsedReference(raw: text))
    }

    static let reports: [FileReport] = {
        let path = "posts/ketamine, part 4.md"
        let references = [
            reference(1, line: 40, text: "Feder A, Parides MK. “Ketamine for chronic PTSD.” JAMA Psychiatry. 2014;71(6):681–688."),
            reference(2, line: 41, text: "Feder A, Costi S. Repeated ketamine for PTSD. American Journal of Psychiatry. 2021;178(2):193–20."),
            reference(3, line: 42, text: "Taylor JH. Ketamine for social anxiety. Neuropsychopharmacology. 2018;43:325–333 (online 2017)."),
        ]
        let diagnostics = [
            Diagnostic(
                rule: "ref-bad-pages", severity: .error, message: "reference 2: page range \"193-20\" ends before it starts (20 read as 120)",
                file: path, range: range(41, 94, 100), reference: 2, field: .pages, found: "193-20"),
            Diagnostic(
                rule: "ref-inconsistent-style", severity: .warning, message: "reference 2 gives the journal name in full; most references (2 of 3) use abbreviated journal names",
                file: path, range: range(41, 49, 79), reference: 2, field: .journal, expected: "abbreviated", found: "full"),
            Diagnostic(
                rule: "ref-epub-year", severity: .info,
                message: "reference 3 gives two years: 2018 is the print (issue) year, the one to cite; 2017 is when it was published online first. That is normal, not an error",
                file: path, range: range(42, 95, 99), reference: 3, field: .epubYear),
            Diagnostic(
                rule: "pubmed-title", severity: .warning, message: "title differs from PubMed: 100% match expected, found 80%",
                file: path, range: range(42, 16, 43), reference: 3, field: .title, expected: "Ketamine for Social Anxiety Disorder", found: "Ketamine for social anxiety",
                pmid: "28849779",
                fix: Fix(
                    safety: .unsafe, summary: "title → Ketamine for Social Anxiety Disorder",
                    edits: [
                        TextEdit(bytes: 1893..<1897, range: range(42, 38, 42), replacement: "Social Anxiety Disorder")
                    ])),
            Diagnostic(
                rule: "pubmed-volume", severity: .error, message: "volume 178 differs from PubMed's 177 (PMID 33397139)",
                file: path, range: range(41, 85, 88), reference: 2, field: .volume, expected: "177", found: "178", pmid: "33397139",
                fix: Fix(
                    safety: .safe, summary: "volume 178 → 177",
                    edits: [
                        TextEdit(bytes: 1780..<1783, range: range(41, 85, 88), replacement: "177")
                    ])),
        ]
        return [FileReport(path: path, references: references, diagnostics: Linter.sorted(diagnostics)), FileReport(path: "clean.txt")]
    }()

    static func compare(_ output: String, _ name: String) throws {
        let url = root.appendingPathComponent("fixtures/expected/\(name)")
        if ProcessInfo.processInfo.environment["CITECHECK_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(output == expected, "\(name) differs from the golden file; rerun with CITECHECK_RECORD=1 if the change is intended")
    }

    @Test func text() throws {
        try Self.compare(TextReporter().render(Self.reports), "report.txt")
    }

    @Test func textInColour() throws {
        try Self.compare(TextReporter(color: true).render(Self.reports), "report-color.txt")
    }

    @Test func json() throws {
        let output = JSONReporter().render(Self.reports)
        try Self.compare(output, "report.json")
        // It is valid JSON with the documented keys.
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let files = object?["files"] as? [[String: Any]]
        let first = (files?.first?["diagnostics"] as? [[String: Any]])?.first
        #expect(
            Set(first?.keys.map { $0 } ?? []) == [
                "rule", "severity", "message", "file", "line", "column", "endLine", "endColumn", "reference", "field", "expected", "found", "pmid", "fix", "fingerprint",
            ])
    }

    @Test func sarif() throws {
        let output = SARIFReporter().render(Self.reports)
        try Self.compare(output, "report.sarif")
        let object = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
        let run = (object?["runs"] as? [[String: Any]])?.first
        #expect(run?["columnKind"] as? String == "unicodeCodePoints")
        let rules = ((run?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        #expect(rules?.compactMap { $0["id"] as? String } == RuleRegistry.ids)
        let results = run?["results"] as? [[String: Any]]
        #expect(results?.map { $0["level"] as? String } == ["warning", "error", "error", "warning", "note"])
        // A fixable finding carries its fix as SARIF `fixes`.
        let volume = results?.first { $0["ruleId"] as? String == "pubmed-volume" }
        let change = ((volume?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first
        let replacement = (change?["replacements"] as? [[String: Any]])?.first
        #expect((replacement?["insertedContent"] as? [String: Any])?["text"] as? String == "177")
        #expect((replacement?["deletedRegion"] as? [String: Any])?["byteOffset"] as? Int == 1780)
        // PubMed findings are declared too, and point at their own entry.
        #expect(results?.first { $0["ruleId"] as? String == "pubmed-title" }?["ruleIndex"] as? Int == RuleRegistry.ids.firstIndex(of: "pubmed-title"))
        let pages = results?.first { $0["ruleId"] as? String == "ref-bad-pages" }
        #expect(pages?["ruleIndex"] as? Int == RuleRegistry.ids.firstIndex(of: "ref-bad-pages"))
    }

    @Test func github() throws {
        try Self.compare(GitHubReporter().render(Self.reports), "report.github")
    }

    @Test func gitHubEscaping() {
        #expect(GitHubReporter.escapeData("50% done\r\nnext: a,b") == "50%25 done%0D%0Anext: a,b")
        #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(TextReporter.colorWanted(isTerminal: true, environment: [:]))
        #expect(!TextReporter.colorWanted(isTerminal: false, environment: [:]))
        #expect(!TextReporter.colorWanted(isTerminal: true, environment: ["NO_COLOR": "1"]))
        #expect(TextReporter.colorWanted(isTerminal: true, environment: ["NO_COLOR": ""]))
        #expect(!TextReporter.colorWanted(isTerminal: true, environment: ["TERM": "dumb"]))
    }

    @Test func summaryLine() {
        #expect(RunSummary(Self.reports).line == "2 errors, 2 warnings, 1 info in 2 files")
        #expect(RunSummary(Self.reports).fixLine(fixing: false, selection: .safe) == "1 fixable with --fix, 1 more with --unsafe-fixes")
        #expect(RunSummary(Self.reports).fixLine(fixing: false, selection: .all) == "2 fixable with --fix --unsafe-fixes")
        #expect(RunSummary([FileReport(path: "a")]).fixLine(fixing: false, selection: .safe) == nil)
        #expect(RunSummary([FileReport(path: "a")]).fixLine(fixing: true, selection: .safe) == "0 fixed")
        #expect(RunSummary([FileReport(path: "a")]).line == "0 errors, 0 warnings, 0 infos in 1 file")
        #expect(TextReporter().render([FileReport(path: "a")]) == "0 errors, 0 warnings, 0 infos in 1 file\n")
    }

    @Test func jsonEscapesControlCharacters() {
        #expect(JSONValue.string("a\"b\\c\n\u{01}").serialized() == "\"a\\\"b\\\\c\\n\\u0001\"")
        #expect(JSONValue.object([("k", .array([]))]).serialized(pretty: false) == "{\"k\":[]}")
    }
}
