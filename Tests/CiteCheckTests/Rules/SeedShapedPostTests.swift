// The example post in the seed's shape, through the whole offline pipeline (`Checker`).
import Foundation
import Testing

@testable import CiteCheck

@Suite struct SeedShapedPostTests {
    /// The example post in the seed post's layout, with the seed's inconsistencies in its list (`ExamplePost`): no
    /// errors but the two planted in the example's text; the full journal name (entry 2) and the mixed title quoting
    /// reported as ref-inconsistent-style; entry 3's online year at most as information.
    @Test func seedShapedPost() throws {
        let source = SourceFile(path: "seed-shaped.txt", text: try ExamplePost.seedShaped(quirks: true))
        let report = try Checker.check(source: source, format: .text, currentYear: 2026)
        let summary = report.diagnostics.map { "\($0.range.start) \($0.severity) \($0.rule): \($0.message)" }
        #expect(report.references.count == 6)
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.rule) == ["cite-year-mismatch", "cite-journal-mismatch"], "\(summary)")
        #expect(errors.map(\.reference) == [3, 5], "\(summary)")
        let style = report.diagnostics.filter { $0.rule == "ref-inconsistent-style" }
        #expect(style.contains { $0.reference == 2 && $0.field == .journal }, "\(summary)")
        #expect(style.contains { $0.field == .title }, "\(summary)")
        // The example cites [6] first: cite-order is the only other information, besides house-style notes.
        let info = report.diagnostics.filter { $0.severity == .info && $0.rule != "cite-order" && $0.rule != "ref-inconsistent-style" }
        #expect(info.allSatisfy { $0.rule == "ref-epub-year" && $0.reference == 3 }, "\(summary)")
    }
}
