import Foundation
import Testing

/// The ways a blog adopts citecheck, run for real: the GitHub Action's steps (plain shell, run by
/// `scripts/action/run-locally.py` as a runner would) and the pre-commit hook (`pre-commit try-repo` on a sample
/// repository), both with the citecheck this build made.
@Suite(.serialized) struct CIAdoptionTests {
    /// PATH with the built citecheck first.
    static var path: String {
        CLI.executable.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> CLI.Result {
        var env = ProcessInfo.processInfo.environment
        env["PATH"] = path
        env["NO_COLOR"] = "1"
        env["XDG_CACHE_HOME"] = CLI.isolatedCache.path
        for (key, value) in environment { env[key] = value }
        return try CLI.run(URL(fileURLWithPath: "/usr/bin/env"), arguments, environment: env, in: directory)
    }

    static func action(_ inputs: [String: String], in site: SampleSite) throws -> CLI.Result {
        let script = CLI.root.appendingPathComponent("scripts/action/run-locally.py").path
        let arguments = inputs.sorted { $0.key < $1.key }.flatMap { ["--input", "\($0.key)=\($0.value)"] }
        return try run(["python3", script, "--workspace", site.root.path] + arguments, in: site.root)
    }

    @Test func theActionsStepsWriteSARIFAndFailOnFindings() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.gitInit()
        try site.write(SampleSite.examplePost, to: "content/posts/ketamine.md")
        try site.write(SampleSite.examplePost, to: "content/drafts/wip.md")
        let result = try Self.action(["paths": "content/posts", "format": "sarif", "sarif-file": "reports/citecheck.sarif"], in: site)
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("run-locally: skipped 'Upload SARIF to code scanning'"), "\(result.stdout)")
        #expect(result.stdout.contains("'sarif_file': 'reports/citecheck.sarif'"), "\(result.stdout)")
        #expect(result.stdout.contains("::error::citecheck found problems"))
        // The report's folder did not exist: the step makes it.
        let sarif = try site.read("reports/citecheck.sarif")
        #expect(try ReportFormatTests.validate(sarif, against: ReportFormatTests.sarifSchema).status == 0)
        #expect(sarif.contains("\"uri\": \"content/posts/ketamine.md\""))
        #expect(!sarif.contains("wip.md"))
    }

    @Test func theActionPrintsAnnotationsAndPassesACleanSite() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "posts/ketamine.md")
        let annotated = try Self.action(["paths": "posts", "args": "--fail-on never"], in: site)
        #expect(annotated.status == 0, "\(annotated.stdout)\n\(annotated.stderr)")
        #expect(annotated.stdout.contains("::error file=posts/ketamine.md,line=17,"), "\(annotated.stdout)")
        let clean = try String(contentsOf: CLI.root.appendingPathComponent("fixtures/lint/clean-numbered.md"), encoding: .utf8)
        try site.write(clean, to: "clean/post.md")
        let passed = try Self.action(["paths": "clean"], in: site)
        #expect(passed.status == 0, "\(passed.stdout)")
        #expect(passed.stdout.contains("citecheck: nothing at or above --fail-on"))
        let nothing = try Self.action(["paths": "missing/"], in: site)
        #expect(nothing.status == 2, "\(nothing.stdout)")
    }

    @Test func preCommitTryRepoRunsTheHookOnASampleRepository() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.gitInit()
        try site.write(SampleSite.examplePost, to: "posts/ketamine.md")
        try site.write("exclude = [\"drafts/**\"]\n", to: ".citecheck.toml")
        try site.write(SampleSite.examplePost, to: "drafts/wip.md")
        try site.write("title: a blog\n", to: "_config.yml")
        let git = { (arguments: [String]) throws -> CLI.Result in
            try Self.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + arguments, in: site.root)
        }
        #expect(try git(["add", "-A"]).status == 0)
        let environment = ["PRE_COMMIT_HOME": site.root.appendingPathComponent(".pre-commit-cache").path]
        let result = try Self.run(
            ["python3", "-m", "pre_commit", "try-repo", CLI.root.path, "citecheck-system", "--all-files", "--verbose"], in: site.root, environment: environment
        )
        // The hook fails on the post's two planted errors, names the post, and never the excluded draft or the YAML.
        #expect(result.status == 1, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("posts/ketamine.md:17:3: error: text says 2016, reference 3 says 2018 [cite-year-mismatch]"), "\(result.stdout)")
        #expect(!result.stdout.contains("wip.md"))
        #expect(!result.stdout.contains("_config.yml"))
    }
}
