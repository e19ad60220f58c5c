import Testing

@testable import CiteCheck

/// What `Checker.check` does to the fixes a verifier hands it: a replacement in an HTML post is escaped exactly once,
/// and a finding that only offers its fix goes when the fix may not be made.
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

    /// Reports `pubmed-missing-identifier` twice for the first reference: with a fix appending a DOI after its last
    /// character, and with one appending it to the quoted copy of the citation (the end of the post's first `> ` line).
    final class IdentifierAdder: ReferenceVerifier, @unchecked Sendable {
        func verify(_ references: [Reference], in source: SourceFile) -> VerificationReport {
            guard let reference = references.first else { return VerificationReport() }
            let bytes = Array(source.text.utf8)
            let quoteStart = try! #require(MissingIdentifierFinder.find(Array("\n> ".utf8), in: bytes))
            let quoteEnd = try! #require(bytes[quoteStart...].firstIndex(of: 0x0A))
            let entryEnd = reference.entry.sourceMap.sourceOffset(forDerived: reference.entry.text.utf8.count - 1) + 1
            let diagnostics = [quoteEnd, entryEnd].map { end in
                Diagnostic(
                    rule: PubMedMissingIdentifierRule.description.id, severity: .info, message: "no DOI", file: source.path,
                    range: reference.entry.range, reference: reference.entry.index,
                    fix: Fix(safety: .unsafe, summary: "add doi:10.1000/x", edits: [source.textEdit(end..<end, replacement: " doi:10.1000/x")]))
            }
            return VerificationReport(diagnostics: diagnostics)
        }
    }

    enum MissingIdentifierFinder {
        static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
            bytes.indices.first { k in k + needle.count <= bytes.count && Array(bytes[k..<(k + needle.count)]) == needle }.map { $0 + 1 }
        }
    }

    @Test func aMissingIdentifierInABlockQuoteIsNotReported() throws {
        let post = """
            Light therapy helped [1], as one reviewer put it:

            > Smith A, Jones B. Bright light therapy for winter depression: a randomized trial. Psychiatry Res. 2019;12(3):100-110.

            ## References

            1. Smith A, Jones B. Bright light therapy for winter depression: a randomized trial. Psychiatry Res. 2019;12(3):100-110.

            """
        let report = try Checker.check(source: SourceFile(path: "p.md", text: post), format: .markdown, currentYear: 2026, verifier: IdentifierAdder())
        let found = report.diagnostics.filter { $0.rule == PubMedMissingIdentifierRule.description.id }
        // The one whose fix lands in the block quote is gone with its fix; the other stays, with its fix.
        #expect(found.count == 1)
        #expect(found.first?.fix?.edits.first?.range.start.line == 7)
    }
}
