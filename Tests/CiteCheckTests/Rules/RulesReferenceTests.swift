import Foundation
import Testing

@testable import CiteCheck

/// `docs/rules.md`, the page every SARIF rule's `helpUri` points into, is the registry's own Markdown
/// (`RuleDocumentation.markdown()`): re-record it with `CITECHECK_RECORD=1` after changing a rule's description.
@Suite struct RulesReferenceTests {
    static let page = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/rules.md")

    @Test func docsRulesIsTheRegistrysReference() throws {
        let markdown = RuleDocumentation.markdown()
        if ProcessInfo.processInfo.environment["CITECHECK_RECORD"] == "1" {
            try Data(markdown.utf8).write(to: Self.page)
        }
        let written = try String(contentsOf: Self.page, encoding: .utf8)
        #expect(written == markdown, "docs/rules.md is out of date: CITECHECK_RECORD=1 swift test --filter RulesReferenceTests")
        // Every rule has the section its SARIF helpUri names (GitHub's anchor of "## `id`" is the id).
        for rule in RuleRegistry.descriptions {
            #expect(written.contains("\n## `\(rule.id)`\n"), "no section for \(rule.id)")
            #expect(SARIFReporter.helpURI(rule).hasSuffix("docs/rules.md#\(rule.id)"))
        }
    }
}
