import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The formats tools read, through the real binary: SARIF valid against the SARIF 2.1.0 schema with relative URIs,
/// fingerprints and the invocation; `--format json` valid against the published schema; the HTML report read back
/// by an XML parser with every finding in it.
@Suite struct ReportFormatTests {
    static let sarifSchema = CLI.root.appendingPathComponent("fixtures/schemas/sarif-schema-2.1.0.json")
    static let jsonSchema = CLI.root.appendingPathComponent("docs/schema/check-output.schema.json")

    /// Runs the schema validator (`scripts/validate-json-schema.py`, Python's `jsonschema`) on `document`.
    static func validate(_ document: String, against schema: URL) throws -> CLI.Result {
        try CLI.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", CLI.root.appendingPathComponent("scripts/validate-json-schema.py").path, schema.path, "-"],
            environment: ProcessInfo.processInfo.environment, stdin: Data(document.utf8), in: CLI.root)
    }

    static func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func sarifIsValidWithRelativeURIsFingerprintsAndTheInvocation() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.gitInit()
        try site.write(SampleSite.examplePost, to: "content/posts/ketamine anxiety.md")
        try site.write(SampleSite.examplePost, to: "content/other.md")
        // Run from a subfolder: URIs are still relative to the repository's root.
        try FileManager.default.createDirectory(at: site.root.appendingPathComponent("content/posts/sub"), withIntermediateDirectories: true)
        let result = try CLI.run(["--format", "sarif", "..", "../../other.md"], in: site.root.appendingPathComponent("content/posts/sub"))
        #expect(result.status == 1, "\(result.stderr)")
        let validation = try Self.validate(result.stdout, against: Self.sarifSchema)
        #expect(validation.status == 0, "\(validation.stderr)")

        let log = try Self.object(result.stdout)
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? [String: [String: String]])
        let root = try #require(bases["SRCROOT"]?["uri"])
        #expect(root.hasPrefix("file:///") && root.hasSuffix("/"))
        #expect(URL(string: root)?.path == site.root.resolvingSymlinksInPath().path || URL(string: root)?.path == site.root.path)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 6)
        var uris = Set<String>()
        for item in results {
            let location = try #require(((item["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])
            #expect(location["uriBaseId"] as? String == "SRCROOT")
            uris.insert(try #require(location["uri"] as? String))
            let fingerprint = (item["partialFingerprints"] as? [String: String])?["citecheckFingerprint/v1"]
            #expect(fingerprint?.count == 16)
        }
        #expect(uris == ["content/posts/ketamine%20anxiety.md", "content/other.md"])
        let rules = try #require((run["tool"] as? [String: Any]).flatMap { ($0["driver"] as? [String: Any])?["rules"] as? [[String: Any]] })
        for rule in rules {
            #expect((rule["helpUri"] as? String)?.hasSuffix("docs/rules.md#\(rule["id"] ?? "")") == true)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
        }
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["exitCode"] as? Int == 1)
        #expect(invocation["executionSuccessful"] as? Bool == true)
    }

    @Test func aFailedRunStillWritesAValidSARIFLog() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write("[rules]\nref-bad-pages = \"loud\"\n", to: "bad/.citecheck.toml")
        try site.write(SampleSite.examplePost, to: "bad/post.md")
        try site.write(SampleSite.examplePost, to: "post.md")
        let result = try site.citecheck(["--format", "sarif", "--base-path", ".", "post.md", "bad/post.md", "missing.md"])
        #expect(result.status == 2)
        let validation = try Self.validate(result.stdout, against: Self.sarifSchema)
        #expect(validation.status == 0, "\(validation.stderr)")
        let run = try #require((try Self.object(result.stdout)["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["exitCode"] as? Int == 2)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notes = (invocation["toolExecutionNotifications"] as? [[String: Any]] ?? []).compactMap { ($0["message"] as? [String: Any])?["text"] as? String }
        #expect(notes.contains { $0.contains("missing.md: cannot read: no such file") }, "\(notes)")
        #expect(notes.contains { $0.contains("bad/.citecheck.toml:2:") }, "\(notes)")
        #expect(notes.count == 2, "\(notes)")
        // The findings of the post that could be checked are still there.
        #expect(result.stdout.contains("\"ruleId\": \"cite-year-mismatch\""))

        // A setup failure (fixtures that cannot be read) before any post is checked: still a log.
        let setup = try site.citecheck(["--format", "sarif", "--fixtures", "nowhere", "post.md"])
        #expect(setup.status == 2)
        #expect(try Self.validate(setup.stdout, against: Self.sarifSchema).status == 0)
    }

    @Test func theSchemaCheckCatchesAnInvalidLog() throws {
        // The validator is not a rubber stamp: a result without its message fails.
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "post.md")
        let result = try site.citecheck(["--format", "sarif", "post.md"])
        let broken = result.stdout.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        #expect(broken != result.stdout)
        #expect(try Self.validate(broken, against: Self.sarifSchema).status == 1)
        let json = try site.citecheck(["--format", "json", "post.md"]).stdout
        #expect(try Self.validate(json.replacingOccurrences(of: "\"severity\": \"error\"", with: "\"severity\": \"fatal\""), against: Self.jsonSchema).status == 1)
    }

    @Test(arguments: ["planted-numbered", "planted-author-year", "clean-numbered"])
    func jsonOutputMatchesThePublishedSchema(post: String) throws {
        let result = try CLI.run(["--format", "json", "--fail-on", "never", "fixtures/lint/\(post).md"])
        #expect(result.status == 0)
        let validation = try Self.validate(result.stdout, against: Self.jsonSchema)
        #expect(validation.status == 0, "\(validation.stderr)")
    }

    @Test func verifiedJSONOutputMatchesThePublishedSchema() throws {
        let result = try CLI.run(["--format", "json", "--offline", "--fixtures", "fixtures/pubmed", "examples/ketamine-anxiety.md"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("\"pubmed\""))
        let validation = try Self.validate(result.stdout, against: Self.jsonSchema)
        #expect(validation.status == 0, "\(validation.stderr)")
    }

    @Test func theHTMLReportHoldsEveryFindingAndParses() throws {
        let arguments = ["--offline", "--fixtures", "fixtures/pubmed", "examples/ketamine-anxiety.md", "fixtures/lint/planted-numbered.md"]
        let json = try Self.object(try CLI.run(["--format", "json"] + arguments).stdout)
        let html = try CLI.run(["--format", "html"] + arguments)
        #expect(html.status == 1)
        let document = try XMLDocument(data: Data(html.stdout.utf8), options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        // No external assets: no script, no linked style sheet, no image.
        #expect(try document.nodes(forXPath: "//script | //link | //img").isEmpty)
        #expect(try document.nodes(forXPath: "//meta[@name='viewport']").count == 1)
        let shown = try document.nodes(forXPath: "//section/ul[@class='findings']/li").compactMap { node -> String? in
            guard let element = node as? XMLElement else { return nil }
            return [element.attribute(forName: "data-rule")?.stringValue, element.attribute(forName: "data-line")?.stringValue]
                .compactMap { $0 }.joined(separator: "@")
        }
        var expected: [String] = []
        for file in json["files"] as? [[String: Any]] ?? [] {
            for diagnostic in file["diagnostics"] as? [[String: Any]] ?? [] {
                expected.append("\(diagnostic["rule"] ?? "")@\(diagnostic["line"] ?? "")")
            }
        }
        #expect(expected.count > 10)
        #expect(shown.sorted() == expected.sorted())
        // A PubMed finding shows both values and links to the record.
        #expect(html.stdout.contains("<dt>PubMed says</dt><dd>267-272</dd>"))
        #expect(html.stdout.contains("href=\"https://pubmed.ncbi.nlm.nih.gov/31526207/\""))
    }
}
