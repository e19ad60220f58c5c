import Foundation
import Testing

/// What a run checks, through the real binary: nothing wrong passes silently (empty folders, patterns and fixtures
/// are exit 2), excludes and `.gitignore` are honoured in folder walks, named files are always checked unless
/// `--force-exclude`, and standard input is reported under `--stdin-filename`.
@Suite struct InputSelectionTests {
    @Test func aFolderWithNoPostsExitsTwo() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write("not a post", to: "empty/notes.json")
        let result = try site.citecheck(["empty"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("citecheck: empty: no posts in this folder"), "\(result.stderr)")
    }

    @Test func aPatternMatchingNothingExitsTwoAndTheOtherPostsAreChecked() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "posts/ketamine.md")
        let result = try site.citecheck(["--format", "json", "posts/**/*.html", "posts/*.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("citecheck: posts/**/*.html: no post matches this pattern"), "\(result.stderr)")
        #expect(try SampleSite.reportedFiles(result.stdout) == ["posts/ketamine.md"])
    }

    @Test func fixturesWithoutRecordsExitTwo() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "post.md")
        // An ESearch answer is PubMed XML but holds no record.
        let esearch = try String(contentsOf: CLI.root.appendingPathComponent("fixtures/pubmed-samples/esearch1.xml"), encoding: .utf8)
        try site.write(esearch, to: "records/esearch1.xml")
        let result = try site.citecheck(["--offline", "--fixtures", "records", "post.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("records: --fixtures loaded no PubMed records"), "\(result.stderr)")
    }

    @Test func excludesFromTheConfigurationAndTheCommandLine() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        let post = try SampleSite.examplePost
        for path in ["posts/a.md", "posts/b.md", "drafts/wip.md", "archive/2019/old.md", "posts/archive/kept.md"] {
            try site.write(post, to: path)
        }
        // Relative to the configuration file: `archive/**` is the top-level archive only.
        try site.write("exclude = [\"drafts/**\", \"archive/**\"]\n", to: ".citecheck.toml")
        let walked = try site.citecheck(["--format", "json", "--fail-on", "never", "."])
        #expect(walked.status == 0, "\(walked.stderr)")
        #expect(try SampleSite.reportedFiles(walked.stdout) == ["./posts/a.md", "./posts/archive/kept.md", "./posts/b.md"])

        let narrowed = try site.citecheck(["--format", "json", "--fail-on", "never", "--exclude", "posts/b.md", "posts"])
        #expect(try SampleSite.reportedFiles(narrowed.stdout) == ["posts/a.md", "posts/archive/kept.md"])

        // A file named on the command line is checked even when excluded, unless --force-exclude.
        let named = try site.citecheck(["--format", "json", "--fail-on", "never", "drafts/wip.md"])
        #expect(try SampleSite.reportedFiles(named.stdout) == ["drafts/wip.md"])
        let forced = try site.citecheck(["--format", "json", "--fail-on", "never", "--force-exclude", "drafts/wip.md", "posts/a.md"])
        #expect(try SampleSite.reportedFiles(forced.stdout) == ["posts/a.md"])
    }

    @Test func aWalkInsideGitSkipsWhatGitIgnoresAndHiddenFolders() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.gitInit()
        let post = try SampleSite.examplePost
        for path in ["content/post.md", "public/post/index.html", "node_modules/pkg/README.md", ".obsidian/notes.md", "content/.drafts/idea.md"] {
            try site.write(post, to: path)
        }
        try site.write("public/\nnode_modules/\n", to: ".gitignore")
        let result = try site.citecheck(["--format", "json", "--fail-on", "never", "."])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try SampleSite.reportedFiles(result.stdout) == ["./content/post.md"])
        // Named, an ignored file is still checked.
        let named = try site.citecheck(["--format", "json", "--fail-on", "never", "public/post/index.html"])
        #expect(try SampleSite.reportedFiles(named.stdout) == ["public/post/index.html"])
    }

    @Test func standardInputIsReportedUnderItsName() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        // The name's folder supplies the configuration: cite-year-mismatch is turned off there.
        try site.write("[rules]\ncite-year-mismatch = \"off\"\n", to: "posts/.citecheck.toml")
        let post = Data(try SampleSite.examplePost.utf8)
        let result = try site.citecheck(["--stdin-filename", "posts/ketamine.md", "-"], stdin: post)
        #expect(result.status == 1)
        #expect(result.stdout.contains("posts/ketamine.md:24:44: error: text says published in Biological Psychiatry"), "\(result.stdout)")
        #expect(!result.stdout.contains("cite-year-mismatch"))
        #expect(!result.stdout.contains("-:"))
        // Excluded by name with --force-exclude: an editor's buffer of a draft is not checked.
        try site.write("exclude = [\"drafts/**\"]\n", to: ".citecheck.toml")
        let draft = try site.citecheck(["--force-exclude", "--stdin-filename", "drafts/x.md", "-", "--format", "json"], stdin: post)
        #expect(draft.status == 0)
        #expect(try SampleSite.reportedFiles(draft.stdout).isEmpty)
    }

    @Test func quietPrintsFindingsOnlyAndOutputFileHoldsTheReport() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "post.md")
        let quiet = try site.citecheck(["-q", "--offline", "--fixtures", CLI.root.appendingPathComponent("fixtures/pubmed/31526207.xml").path, "post.md"])
        #expect(quiet.status == 1)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(!quiet.stdout.contains("errors,"))
        #expect(quiet.stdout.contains("[cite-year-mismatch]"))
        let written = try site.citecheck(["--format", "json", "--output-file", "out/report.json", "post.md"])
        #expect(written.status == 2, "a missing folder for the report is an error")
        #expect(written.stderr.contains("out/report.json: cannot write the report"))
        let toFile = try site.citecheck(["--format", "json", "-o", "report.json", "post.md"])
        #expect(toFile.status == 1)
        #expect(toFile.stdout.isEmpty)
        #expect(try SampleSite.reportedFiles(try site.read("report.json")) == ["post.md"])
    }
}

/// Suppression comments and configuration that cannot do what they say, reported through the real binary.
@Suite struct SuppressionReportTests {
    @Test func unknownAndUnusedSuppressionsAreReportedWithFileAndLine() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        var post = try SampleSite.examplePost
        // A typo'd id above the year mistake (which therefore still shows), and a comment above a fixed line.
        post = post.replacingOccurrences(of: "A 2016 crossover study", with: "<!-- citecheck-disable-next-line cite-year-mismach -->\nA 2016 crossover study")
        try site.write(post + "\n<!-- citecheck-disable-next-line ref-bad-pages -->\nNothing wrong here.\n", to: "posts/ketamine.md")
        try site.write(try SampleSite.examplePost, to: "posts/other.md")
        try site.write("[rules]\nref-inconsistent-styel = \"off\"\n", to: ".citecheck.toml")
        let result = try site.citecheck(["--format", "json", "posts"])
        #expect(result.status == 1, "\(result.stderr)")
        let files = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])["files"] as? [[String: Any]]
        let all = (files ?? []).flatMap { $0["diagnostics"] as? [[String: Any]] ?? [] }
        let lines = all.filter { ($0["rule"] as? String).map { ["unknown-rule", "unused-suppression", "cite-year-mismatch"].contains($0) } == true }
            .map { "\($0["file"] ?? ""):\($0["line"] ?? ""): \($0["severity"] ?? "") \($0["message"] ?? "")" }
        #expect(
            lines.contains {
                $0.hasPrefix("posts/ketamine.md:") && $0.contains("warning unknown rule `cite-year-mismach` in citecheck-disable-next-line; nearest known: `cite-year-mismatch`")
            }, "\(lines)")
        #expect(lines.contains { $0.contains("error text says 2016, reference 3 says 2018") }, "\(lines)")
        #expect(lines.contains { $0.contains("info citecheck-disable-next-line ref-bad-pages silences nothing") }, "\(lines)")
        // The configuration's typo: once for the run, with the configuration file's line.
        let config = lines.filter { $0.contains("ref-inconsistent-styel") }
        #expect(config.count == 1, "\(lines)")
        #expect(config.first?.contains(".citecheck.toml:2: warning unknown rule `ref-inconsistent-styel` in [rules]; nearest known: `ref-inconsistent-style`") == true, "\(lines)")
    }
}

/// The progress line: on stderr when stderr is a terminal (a pseudo-terminal made by util-linux `script`), never
/// otherwise, never with --quiet.
@Suite struct ProgressTests {
    @Test func progressOnlyOnATerminal() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        for name in ["a", "b", "c"] { try site.write(try SampleSite.examplePost, to: "posts/\(name).md") }
        let command = "'\(CLI.executable.path)' --fail-on never posts >/dev/null"
        let onTerminal = try CIAdoptionTests.run(["script", "-qec", command, "/dev/null"], in: site.root)
        #expect(onTerminal.stdout.contains("citecheck: checked 0/3 posts"), "\(onTerminal.stdout.debugDescription)")
        // The line is erased at the end.
        #expect(onTerminal.stdout.hasSuffix("\r\u{1B}[K") || onTerminal.stdout.contains("\r\u{1B}[K"))
        let quiet = try CIAdoptionTests.run(["script", "-qec", command.replacingOccurrences(of: "--fail-on", with: "-q --fail-on"), "/dev/null"], in: site.root)
        #expect(!quiet.stdout.contains("checked"), "\(quiet.stdout.debugDescription)")
        let piped = try site.citecheck(["--fail-on", "never", "posts"])
        #expect(piped.stderr.isEmpty, "\(piped.stderr)")
    }
}
