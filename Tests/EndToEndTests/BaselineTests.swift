import Foundation
import Testing

/// `--write-baseline` and `--baseline` through the real binary: a recorded finding stays hidden after the lines
/// above it move, a new finding shows, and a bad baseline file is a one-line error.
@Suite struct BaselineTests {
    @Test func roundTripHidesOldFindingsAndShowsNewOnes() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        let post = try SampleSite.examplePost
        try site.write(post, to: "posts/ketamine.md")
        let written = try site.citecheck(["--write-baseline", ".citecheck-baseline.json", "posts"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stderr.contains("recorded 3 findings in .citecheck-baseline.json"))
        let baseline = try site.read(".citecheck-baseline.json")
        #expect(baseline.contains("\"file\":\"posts/ketamine.md\""))

        let same = try site.citecheck(["--baseline", ".citecheck-baseline.json", "posts"])
        #expect(same.status == 0)
        #expect(same.stdout.contains("0 errors, 0 warnings, 0 infos in 1 file"))

        // Lines above every finding move down; one new mistake is added further down.
        var lines = post.components(separatedBy: "\n")
        lines.insert(contentsOf: ["", "An added paragraph, wrapped", "over two lines, before the first study.", ""], at: 2)
        var edited = lines.joined(separator: "\n")
        edited = edited.replacingOccurrences(of: "Neuropsychopharmacology. 2013;38(12):2475-83.", with: "Neuropsychopharmacology. 2013;38(12):2475-2383.")
        try site.write(edited, to: "posts/ketamine.md")
        let after = try site.citecheck(["--format", "json", "--baseline", ".citecheck-baseline.json", "posts"])
        let files = try #require(try JSONSerialization.jsonObject(with: Data(after.stdout.utf8)) as? [String: Any])["files"] as? [[String: Any]]
        let rules = (files?.first?["diagnostics"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String }
        #expect(rules == ["ref-bad-pages"], "\(after.stdout)")
        #expect(after.stderr.contains("3 findings hidden by the baseline"))

        // The same run from another folder names the posts differently, and the baseline still applies.
        let elsewhere = try CLI.run(["--baseline", "../.citecheck-baseline.json", "ketamine.md", "--format", "json"], in: site.root.appendingPathComponent("posts"))
        #expect(elsewhere.stdout.contains("ref-bad-pages"))
        #expect(!elsewhere.stdout.contains("cite-year-mismatch"))
    }

    @Test func aBadBaselineIsAOneLineError() throws {
        let site = try SampleSite.make()
        defer { site.remove() }
        try site.write(SampleSite.examplePost, to: "post.md")
        try site.write("[1, 2]", to: "baseline.json")
        let result = try site.citecheck(["--baseline", "baseline.json", "post.md"])
        #expect(result.status == 2)
        #expect(result.stderr == "citecheck: baseline.json: not a citecheck baseline (write one with --write-baseline)\n")
        let missing = try site.citecheck(["--baseline", "nowhere.json", "post.md"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nowhere.json: cannot read the baseline file"))
    }
}
