import Testing

@testable import CiteCheck

/// What `Checker.check` does to the fixes a verifier hands it: a replacement in an HTML post is escaped exactly once.
@Suite struct FixGuardsTests {
    /// Reports a `pubmed-journal` finding on the first reference whose fix writes `replacement` over its journal.
    final class JournalFixer: ReferenceVerifier, @unchecked Sendable {
        let replacement: String
        init(replacement: String) { self.replacement = replacement }

        func verify(_ references: [Reference], in source: SourceFile) -> VerificationReport {
            guard let reference = references.first, let range = reference.parsed.fieldRanges[.journal],
                let edit = reference.edit(replacing: range, with: replacement, in: source)
            else { return VerificationReport() }
            let diagnostic = Diagnostic(
                rule: PubMedJournalRule.description.id, severity: .error, message: "journal", file: source.path, range: edit.range,
                reference: reference.entry.index, field: .journal,
                fix: Fix(safety: .unsafe, summary: "journal → \(replacement)", edits: [edit])
            )
            return VerificationReport(diagnostics: [diagnostic], references: [reference.entry.index: ReferenceVerification(status: .matched, pmids: ["1"])])
        }
    }

    static let post = """
        <html><body>
        <p>Light therapy helped [1].</p>
        <h2>References</h2>
        <ol>
        <li>Smith A, Jones B. Bright light therapy for winter depression: a randomized trial. Psychiatry Res. 2019;12(3):100-110.</li>
        </ol>
        </body></html>

        """

    @Test func anHTMLReplacementIsEscapedOnce() throws {
        let source = SourceFile(path: "p.html", text: Self.post)
        let report = try Checker.check(
            source: source, format: .html, currentYear: 2026, verifier: JournalFixer(replacement: "J Psychiatry & Neurosci"))
        let fix = try #require(report.diagnostics.first { $0.rule == PubMedJournalRule.description.id }?.fix)
        #expect(fix.edits.map(\.replacement) == ["J Psychiatry &amp; Neurosci"])
        let fixed = FixApplier.apply(report.diagnostics, to: source, selection: .all)
        #expect(String(decoding: fixed.bytes, as: UTF8.self).contains("randomized trial. J Psychiatry &amp; Neurosci. 2019;12(3)"))
    }
}
