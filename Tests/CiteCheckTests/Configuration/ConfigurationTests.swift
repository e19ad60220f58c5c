import Foundation
import Testing

@testable import CiteCheck

@Suite struct ConfigurationTests {
    @Test func readsEveryKey() throws {
        let configuration = try ConfigurationLoader.parse(
            """
            style = "vancouver"
            headings = ["Quellen", "Further reading"]
            verify = true
            email = "me@example.org"

            [rules]
            ref-inconsistent-style = "off"
            ref-missing-field = "error"
            ref-epub-year = "info"

            [limits]
            max-file-size = 1048576
            max-entries = 500
            max-entry-length = 4096
            """, path: "blog/.citecheck.toml")
        #expect(configuration.style == .style(.vancouver))
        #expect(configuration.headings == ["Quellen", "Further reading"])
        #expect(configuration.verify == true)
        #expect(configuration.email == "me@example.org")
        #expect(configuration.rules == ["ref-inconsistent-style": .off, "ref-missing-field": .severity(.error), "ref-epub-year": .severity(.info)])
        #expect(configuration.severity(for: RefInconsistentStyleRule.description) == nil)
        #expect(configuration.severity(for: RefMissingFieldRule.description) == .error)
        #expect(configuration.severity(for: RefBadPagesRule.description) == .error)
        #expect(configuration.path == "blog/.citecheck.toml")
        #expect(configuration.limits == InputLimits(maxFileSize: 1_048_576, maxEntries: 500, maxEntryLength: 4096))
    }

    @Test func limitsNotNamedKeepTheirDefaults() throws {
        let configuration = try ConfigurationLoader.parse("[limits]\nmax-entries = 20\n", path: "c.toml")
        #expect(configuration.limits == InputLimits(maxEntries: 20))
        #expect(
            configuration.limits.overridden(maxFileSize: 10, maxEntries: nil, maxEntryLength: 30)
                == InputLimits(maxFileSize: 10, maxEntries: 20, maxEntryLength: 30))
        #expect(try ConfigurationLoader.parse("", path: "c.toml").limits == .default)
    }

    @Test func emptyFileIsTheDefaults() throws {
        let configuration = try ConfigurationLoader.parse("# nothing\n", path: "c.toml")
        #expect(configuration.rules.isEmpty && configuration.headings.isEmpty && configuration.style == .any && configuration.verify == nil)
    }

    @Test func dottedRuleKeysWork() throws {
        let configuration = try ConfigurationLoader.parse("rules.ref-bad-year = \"warning\"\n", path: "c.toml")
        #expect(configuration.rules == ["ref-bad-year": .severity(.warning)])
    }

    @Test func indexPathIsReadAgainstTheFilesFolder() throws {
        let relative = try ConfigurationLoader.parse("index = \"data/pubmed.sqlite\"\n", path: "/blog/.citecheck.toml")
        #expect(relative.index == "/blog/data/pubmed.sqlite")
        let absolute = try ConfigurationLoader.parse("index = \"/srv/pubmed.sqlite\"\n", path: "/blog/.citecheck.toml")
        #expect(absolute.index == "/srv/pubmed.sqlite")
    }

    @Test(arguments: [
        ("styel = \"apa\"\n", "c.toml:1: unknown key `styel` (did you mean `style`?); known keys: rules, headings, style, verify, email, index, limits, exclude"),
        ("[limits]\nmax-entrys = 3\n", "c.toml:2: unknown limit `max-entrys` in [limits] (did you mean `max-entries`?); known: max-file-size, max-entries, max-entry-length"),
        ("[limits]\nmax-entries = 0\n", "c.toml:2: limit `max-entries` must be a positive whole number"),
        ("[limits]\nmax-file-size = \"1 MB\"\n", "c.toml:2: limit `max-file-size` must be a positive whole number"),
        ("limits = 1\n", "c.toml:1: `limits` must be a table: [limits]"),
        ("index = 3\n", "c.toml:1: `index` must be the path of a citecheck index file in quotes"),
        ("[rules]\nref-bad-year = \"loud\"\n", "c.toml:2: rule `ref-bad-year` must be \"error\", \"warning\", \"info\" or \"off\""),
        ("[rules]\nref-bad-year = 3\n", "c.toml:2: rule `ref-bad-year` must be \"error\", \"warning\", \"info\" or \"off\""),
        ("style = \"mla\"\n", "c.toml:1: `style` must be one of \"any\", \"vancouver\", \"ama\", \"apa\", \"harvard\", \"nature\", \"plos\", \"chicago\""),
        ("headings = \"Sources\"\n", "c.toml:1: `headings` must be a list of strings, like headings = [\"Sources\"]"),
        ("headings = [\"\"]\n", "c.toml:1: `headings` must be a list of non-empty strings"),
        ("verify = \"yes\"\n", "c.toml:1: `verify` must be true or false"),
        ("email = \"nobody\"\n", "c.toml:1: `email` must be an e-mail address in quotes"),
        ("rules = 1\n", "c.toml:1: `rules` must be a table: [rules]"),
        ("exclude = \"drafts\"\n", "c.toml:1: `exclude` must be a list of glob patterns, like exclude = [\"drafts/**\"]"),
    ])
    func badValuesNameFileAndLine(text: String, message: String) {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(text, path: "c.toml") }
        do {
            _ = try ConfigurationLoader.parse(text, path: "c.toml")
        } catch {
            #expect(error.description == message)
        }
    }

    /// An unknown rule id is not an error that stops the run: it becomes an `unknown-rule` finding about the file
    /// and its line, with the nearest known ids.
    @Test func unknownRuleIdsBecomeFindingsWithTheirLine() throws {
        let configuration = try ConfigurationLoader.parse("style = \"apa\"\n\n[rules]\nref-bad-yaer = \"off\"\ncite-order = \"off\"\n", path: "c.toml")
        #expect(configuration.unknownRules == [UnknownRuleSetting(id: "ref-bad-yaer", line: 4)])
        #expect(configuration.rules == ["cite-order": .off])
        let findings = UnknownRuleRule.configurationFindings(configuration)
        #expect(
            findings.map { "\($0.file):\($0.range.start.line): \($0.severity) \($0.message) [\($0.rule)]" } == [
                "c.toml:4: warning unknown rule `ref-bad-yaer` in [rules]; nearest known: `ref-bad-year`, `ref-bad-pages`, `ref-epub-year` [unknown-rule]"
            ])
        var off = configuration
        off.rules["unknown-rule"] = .off
        #expect(UnknownRuleRule.configurationFindings(off).isEmpty)
    }

    @Test func excludePatternsAreRead() throws {
        let configuration = try ConfigurationLoader.parse("exclude = [\"drafts/**\", \"archive/**\"]\n", path: "c.toml")
        #expect(configuration.exclude == ["drafts/**", "archive/**"])
    }

    @Test func syntaxErrorsCarryTheLine() {
        do {
            _ = try ConfigurationLoader.parse("style = \"apa\"\n[rules\n", path: "c.toml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("c.toml:2: invalid TOML: "))
        }
    }

    @Test func discoveryWalksUpFromThePost() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("blog/posts/2026")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let config = root.appendingPathComponent("blog/.citecheck.toml")
        try Data("style = \"apa\"\n".utf8).write(to: config)
        let post = nested.appendingPathComponent("post.md").path

        #expect(ConfigurationLoader.discover(from: nested.path) == config.standardizedFileURL.path)
        #expect(try ConfigurationLoader.configuration(forPost: post).style == .style(.apa))
        // A folder beside the config's folder finds nothing of ours (the walk stops at the root).
        let beside = root.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: beside, withIntermediateDirectories: true)
        let besideFound = ConfigurationLoader.discover(from: beside.path)
        #expect(besideFound.map { !$0.hasPrefix(root.standardizedFileURL.path) } ?? true)
        // --config wins over discovery, and a missing file is an error naming it.
        let explicit = root.appendingPathComponent("x.toml")
        try Data("style = \"nature\"\n".utf8).write(to: explicit)
        #expect(try ConfigurationLoader.configuration(forPost: post, explicitPath: explicit.path).style == .style(.nature))
        #expect(throws: ConfigurationError(path: "/nonexistent/c.toml", message: "cannot read the configuration file")) {
            try ConfigurationLoader.load(path: "/nonexistent/c.toml")
        }
    }
}
