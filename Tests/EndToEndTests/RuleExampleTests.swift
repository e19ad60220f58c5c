import CiteCheck
// Every registered rule's examples, through the whole pipeline (`Checker`; for `pubmed-*` rules with PubMed
// verification over HTTP against an E-utilities stand-in on 127.0.0.1 that serves the example's recorded
// records), as written and in three variations: after a multibyte prefix, with CR LF line endings, and under a
// disable directive naming the rule.
import Foundation
import PubMed
import Testing

@Suite struct RuleExampleTests {
    /// How an example is rewritten before it is checked.
    enum Variation: String, CaseIterable, CustomTestStringConvertible {
        case asWritten
        /// A paragraph of multibyte text (2-, 3- and 4-byte UTF-8) before the post: positions count scalars.
        case multibytePrefix
        /// Every line ending CR LF.
        case crlf
        /// A `citecheck-disable RULE` directive at the top: the rule must report nothing.
        case disabled

        var testDescription: String { rawValue }

        func apply(to example: RuleExample, ruleID: String) -> String {
            switch self {
            case .asWritten:
                return example.post
            case .multibytePrefix:
                let prefix = "Ça, c’est “ünïcödé” 📋 — 漢字."
                return (example.format == .html ? "<p>\(prefix)</p>" : prefix) + "\n\n" + example.post
            case .crlf:
                return example.post.replacingOccurrences(of: "\n", with: "\r\n")
            case .disabled:
                let directive = "citecheck-disable \(ruleID)"
                return (example.format == .text ? directive : "<!-- \(directive) -->") + "\n\n" + example.post
            }
        }
    }

    /// The repository root, found from this source file (example records are named from it).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ example: RuleExample, post: String) throws -> (report: FileReport, markers: [SourcePosition]) {
        var stripped = example
        stripped.post = post
        let (text, markers) = stripped.strippedPost
        let configuration = try example.configuration.map { try ConfigurationLoader.parse($0, path: "example.toml") } ?? .default
        let source = SourceFile(path: "example.\(example.format == .markdown ? "md" : example.format == .html ? "html" : "txt")", text: text)
        var verifier: PubMedVerifier?
        var standIn: EUtilitiesStandIn?
        if !example.records.isEmpty {
            let pubmed = try EUtilitiesStandIn(fixtures: example.records.map { root.appendingPathComponent($0).path })
            let client = EUtilitiesClient(
                configuration: EUtilitiesConfiguration(
                    email: "tests@example.org", baseURL: pubmed.baseURL, requestsPerSecond: 1000))
            verifier = PubMedVerifier(client: client)
            standIn = pubmed
        }
        let report = try Checker.check(
            source: source, format: example.format, configuration: configuration,
            currentYear: example.currentYear, verifier: verifier)
        withExtendedLifetime(standIn) {}
        #expect(report.verificationFailure == nil, "\(report.verificationFailure ?? "")")
        return (report, markers)
    }

    static let ruleIDs = RuleRegistry.ids

    @Test(arguments: ruleIDs, Variation.allCases)
    func triggeringExamplesReportAtTheMarkers(ruleID: String, variation: Variation) throws {
        let description = try #require(RuleRegistry.description(id: ruleID))
        for example in description.triggeringExamples {
            let (report, markers) = try Self.run(example, post: variation.apply(to: example, ruleID: ruleID))
            let found = report.diagnostics.filter { $0.rule == ruleID }.map(\.range.start)
            let all = report.diagnostics.map { "\($0.range.start) \($0.rule): \($0.message)" }
            #expect(found == (variation == .disabled ? [] : markers), "\(ruleID) on:\n\(example.post)\nall findings: \(all)")
            #expect(report.diagnostics.allSatisfy { Self.ruleIDs.contains($0.rule) }, "unregistered rule among \(all)")
        }
    }

    @Test(arguments: ruleIDs, Variation.allCases)
    func nonTriggeringExamplesAreQuiet(ruleID: String, variation: Variation) throws {
        let description = try #require(RuleRegistry.description(id: ruleID))
        for example in description.nonTriggeringExamples {
            let (report, _) = try Self.run(example, post: variation.apply(to: example, ruleID: ruleID))
            let found = report.diagnostics.filter { $0.rule == ruleID }
            #expect(found.isEmpty, "\(ruleID) on:\n\(example.post)\nfound: \(found.map { "\($0.range.start) \($0.message)" })")
            #expect(report.diagnostics.allSatisfy { Self.ruleIDs.contains($0.rule) })
        }
    }
}
