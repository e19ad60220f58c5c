import Foundation
import Testing

/// Runs the built `citecheck` binary on files in the repository and checks stdout, stderr and the exit code.
@Suite struct EndToEndTests {
    @Test func versionNamesTheLinkedLibraries() throws {
        let result = try CLI.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("libcurl"))
        #expect(result.stdout.contains("libxml2"))
    }

    @Test func exampleFindsTheTextListDisagreements() throws {
        let result = try CLI.run(["examples/ketamine-anxiety.md"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("examples/ketamine-anxiety.md:17:3: error: text says 2016, reference 3 says 2018 [cite-year-mismatch]"))
        #expect(result.stdout.contains("[cite-journal-mismatch]"))
        #expect(result.stdout.contains("2 errors, 0 warnings, 1 info in 1 file"))
    }

    @Test func fixturesVerifyFieldsAgainstPubMed() throws {
        let result = try CLI.run(["--offline", "--fixtures", "fixtures/pubmed", "--format", "json", "examples/ketamine-anxiety.md"])
        #expect(result.status == 1)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        let diagnostics = try #require(files.first?["diagnostics"] as? [[String: Any]])
        let pubmed = diagnostics.filter { ($0["rule"] as? String)?.hasPrefix("pubmed-") == true }
        let summary = pubmed.map { "\($0["reference"] ?? "-") \($0["rule"] ?? "-") \($0["found"] ?? "-") \($0["expected"] ?? "-") \($0["pmid"] ?? "-")" }
        #expect(
            Set(summary) == [
                "4 pubmed-pages 267-277 267-272 31526207",
                "6 pubmed-issue 3 4 24616149",
                "6 pubmed-pages 199-212 291-296 24616149",
            ])
    }

    @Test func binaryFileIsAOneLineErrorAndOtherFilesAreStillChecked() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("image.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: binary)
        let result = try CLI.run([binary.path, "examples/ketamine-anxiety.md"])
        #expect(result.status == 2)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("image.txt: not a text file") == true)
        #expect(result.stdout.contains("[cite-year-mismatch]"))
    }

    @Test func usageErrorsExitTwo() throws {
        let result = try CLI.run(["--format", "yaml", "examples/ketamine-anxiety.md"])
        #expect(result.status == 2)
        #expect(!result.stderr.isEmpty)
    }

    @Test func missingFileExitsTwoNamingIt() throws {
        let result = try CLI.run(["no/such/post.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/post.md: cannot read: no such file"))
    }

    @Test func parseLinesWritesTheAgreedJSONLKeys() throws {
        let line = "Duman RS. Neurobiology of stress. Depress Anxiety. 2014 Apr;31(4):291-6. doi: 10.1002/da.22227. PMID: 24616149.\n"
        let result = try CLI.run(["parse", "--lines", "-", "--format", "jsonl"], stdin: Data(line.utf8))
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["line", "authors", "etAl", "title", "journal", "year", "volume", "issue", "pages", "doi", "pmid", "pmcid", "url", "epubYear", "style"] {
            #expect(object.keys.contains(key), "missing key \(key)")
        }
        #expect(object["year"] as? Int == 2014)
        #expect((object["pages"] as? [String: Any])?["last"] as? String == "296")
        #expect(object["pmid"] as? String == "24616149")
    }

    @Test func parseFindsTheListInAPost() throws {
        let result = try CLI.run(["parse", "--format", "jsonl", "examples/ketamine-anxiety.md"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 6)
        #expect(lines.first?.contains("\"line\":28") == true)
    }

    @Test func sarifDeclaresEveryRule() throws {
        let result = try CLI.run(["--format", "sarif", "examples/ketamine-anxiety.md"])
        #expect(result.status == 1)
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["version"] as? String == "2.1.0")
        let runs = try #require(json["runs"] as? [[String: Any]])
        let rules = ((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]]
        let ids = Set((rules ?? []).compactMap { $0["id"] as? String })
        #expect(ids.isSuperset(of: ["ref-bad-pages", "cite-year-mismatch", "cite-order"]))
    }

    @Test func rulesAndExplain() throws {
        let rules = try CLI.run(["rules"])
        #expect(rules.status == 0)
        #expect(rules.stdout.contains("cite-year-mismatch"))
        let explain = try CLI.run(["explain", "ref-bad-pages"])
        #expect(explain.status == 0)
        #expect(explain.stdout.contains("Triggers:"))
        let unknown = try CLI.run(["explain", "no-such-rule"])
        #expect(unknown.status == 2)
    }
}
