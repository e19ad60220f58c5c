import Testing

@testable import CiteCheck

/// Only journal articles go to the verifier: PubMed holds no web pages, books or notes.
@Suite struct VerifiableReferencesTests {
    final class Recorder: ReferenceVerifier, @unchecked Sendable {
        var given: [String] = []
        func verify(_ references: [Reference], in source: SourceFile) -> VerificationReport {
            given += references.map { $0.entry.text }
            return VerificationReport()
        }
    }

    @Test func webPagesAndNotesAreNotVerified() throws {
        let post = """
            Sleep matters [1], says the CDC [2].[^aside]

            [^aside]: I use "sleep" loosely here.

            ## References

            1. Owens J. Insufficient sleep in adolescents and young adults: an update on causes and consequences. Pediatrics. 2014;134(3):e921-e932.
            2. Centers for Disease Control and Prevention. About sleep. Retrieved 2024-05-01, from https://www.cdc.gov/sleep/about/index.html
            """
        let recorder = Recorder()
        _ = try Checker.check(source: SourceFile(path: "p.md", text: post), format: .markdown, currentYear: 2026, verifier: recorder)
        #expect(recorder.given.count == 1)
        #expect(recorder.given.first?.hasPrefix("Owens J.") == true)
    }
}
