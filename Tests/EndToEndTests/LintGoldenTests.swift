import Foundation
import Testing

/// Posts that plant every `ref-*` and `cite-*` problem, and clean posts, run through the real binary in all four
/// output formats and compared with `fixtures/expected/lint/`. Re-record deliberately with `CITECHECK_RECORD=1`
/// (then review the diff).
@Suite struct LintGoldenTests {
    static let posts = ["planted-numbered", "planted-author-year", "clean-numbered", "clean-author-year"]
    static let formats = ["text", "json", "sarif", "github"]
    /// 2026-11-28, so `ref-bad-year` says the same thing every year.
    static let environment = ["SOURCE_DATE_EPOCH": "1795824000"]

    @Test(arguments: posts, formats)
    func goldenOutput(post: String, format: String) throws {
        let result = try CLI.run(["--fail-on", "never", "--format", format, "fixtures/lint/\(post).md"], environment: Self.environment)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let output = Self.machineIndependent(result.stdout)
        let expected = CLI.root.appendingPathComponent("fixtures/expected/lint/\(post).\(format)")
        if ProcessInfo.processInfo.environment["CITECHECK_RECORD"] == "1" {
            try FileManager.default.createDirectory(at: expected.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(output.utf8).write(to: expected)
        }
        let golden = try String(contentsOf: expected, encoding: .utf8)
        #expect(output == golden, "\(post).\(format) differs from its golden file")
    }

    /// SARIF names the repository's root (`originalUriBaseIds`) by its absolute `file:` URI: the golden file holds
    /// `file:///REPOSITORY/` in its place.
    static func machineIndependent(_ output: String) -> String {
        let root = "\"uri\": \"file://" + CLI.root.standardizedFileURL.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/\""
        return output.replacingOccurrences(of: root, with: "\"uri\": \"file:///REPOSITORY/\"")
    }

    @Test func plantedPostsTriggerEveryListAndTextRule() throws {
        var rules = Set<String>()
        for post in ["planted-numbered", "planted-author-year"] {
            let result = try CLI.run(["--format", "json", "fixtures/lint/\(post).md"], environment: Self.environment)
            #expect(result.status == 1)
            let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            for file in json["files"] as? [[String: Any]] ?? [] {
                for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                    if let rule = diagnostic["rule"] as? String { rules.insert(rule) }
                }
            }
        }
        let expected: Set<String> = [
            "ref-unparsed", "ref-missing-field", "ref-bad-pages", "ref-bad-year", "ref-duplicate", "ref-numbering",
            "ref-inconsistent-style", "ref-epub-year", "cite-missing-reference", "cite-unused-reference",
            "cite-year-mismatch", "cite-author-mismatch", "cite-journal-mismatch", "cite-order",
        ]
        #expect(rules == expected)
    }

    @Test func cleanPostsProduceNothing() throws {
        for post in ["clean-numbered", "clean-author-year"] {
            let result = try CLI.run(["--format", "text", "fixtures/lint/\(post).md"], environment: Self.environment)
            #expect(result.status == 0)
            #expect(result.stdout.contains("0 errors, 0 warnings, 0 infos in 1 file"))
        }
    }
}
