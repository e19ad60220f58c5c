import Foundation
import Testing

/// `check --fix`, `--unsafe-fixes` and `--diff` through the real binary, on copies of the fixture posts in a
/// temporary folder, verified offline against the recorded PubMed records in `fixtures/pubmed`.
@Suite struct FixTests {
    static let records = CLI.root.appendingPathComponent("fixtures/pubmed").path

    /// A fresh folder holding a copy of `fixture` (or `bytes`) as `name`.
    static func copy(_ fixture: String, as name: String? = nil, bytes: [UInt8]? = nil) throws -> (folder: URL, file: URL) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-fix-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let source = CLI.root.appendingPathComponent(fixture)
        let file = folder.appendingPathComponent(name ?? source.lastPathComponent)
        try Data(bytes ?? Array(try Data(contentsOf: source))).write(to: file)
        return (folder, file)
    }

    static func check(_ arguments: [String], in folder: URL) throws -> CLI.Result {
        try CLI.run(["check", "--offline", "--no-cache", "--fixtures", records] + arguments, in: folder)
    }

    static func text(_ url: URL) throws -> String { String(decoding: try Data(contentsOf: url), as: UTF8.self) }

    static let seedRef4 = "2020;34(3):267-277."
    static let seedRef6 = "2014;31(3):199-212."
    static let ref4Title = "disorders: double-blind, psychoactive-controlled replication study."

    @Test func fixChangesExactlyTheSafeFields() throws {
        let (folder, file) = try Self.copy("fixtures/fix/seed-post.md")
        let before = try Self.text(file)
        let result = try Self.check(["--fix", "seed-post.md"], in: folder)
        let after = try Self.text(file)
        let expected = before.replacingOccurrences(of: Self.seedRef4, with: "2020;34(3):267-272.")
            .replacingOccurrences(of: Self.seedRef6, with: "2014;31(4):291-296.")
        #expect(after == expected)
        // What is left: the text-side findings (errors, so exit 1) and the unsafe title fix.
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("3 fixed, 2 more with --unsafe-fixes\n"))
        #expect(!result.stdout.contains("[pubmed-pages]"))
        #expect(result.stdout.contains("[cite-year-mismatch]"))
        // The report points into the fixed file, and shows the fixed entries.
        #expect(result.stdout.contains("2014;31(4):291-296."))
    }

    @Test func unsafeFixesAlsoWriteTitleAndTextYear() throws {
        let (folder, file) = try Self.copy("fixtures/fix/seed-post.md")
        let before = try Self.text(file)
        let result = try Self.check(["--fix", "--unsafe-fixes", "seed-post.md"], in: folder)
        let after = try Self.text(file)
        let expected = before.replacingOccurrences(of: Self.seedRef4, with: "2020;34(3):267-272.")
            .replacingOccurrences(of: Self.seedRef6, with: "2014;31(4):291-296.")
            .replacingOccurrences(of: Self.ref4Title, with: "disorders: Exploratory double-blind psychoactive-controlled replication study.")
            .replacingOccurrences(of: "A 2016 crossover study", with: "A 2018 crossover study")
        #expect(after == expected)
        // Reference 6's title agrees with PubMed in its words and is left as written.
        #expect(after.contains("rapid-acting antidepressants: Remodeling synaptic connections. Depress Anxiety."))
        #expect(result.stdout.hasSuffix("5 fixed\n"))
        // The journal mismatch in the text is not a PubMed matter and stays.
        #expect(result.status == 1)
        #expect(result.stdout.contains("[cite-journal-mismatch]"))
    }

    /// In a list whose other entries carry a DOI, `--unsafe-fixes` appends the matched record's DOI to the journal
    /// articles without one, written as the others write theirs; `--fix` alone leaves them, and a web page is no
    /// PubMed matter.
    @Test func missingIdentifiersAreAppendedTheListsWay() throws {
        let (folder, file) = try Self.copy("fixtures/fix/identifiers.md")
        let before = try Self.text(file)
        let safe = try Self.check(["--fix", "identifiers.md"], in: folder)
        #expect(try Self.text(file) == before)
        #expect(safe.stdout.contains("[pubmed-missing-identifier]"))
        #expect(safe.stdout.hasSuffix("0 fixed, 2 more with --unsafe-fixes\n"))
        let result = try Self.check(["--fix", "--unsafe-fixes", "identifiers.md"], in: folder)
        let expected = before.replacingOccurrences(
            of: "Am J Psychiatry. 2021;178(2):193-202.\n", with: "Am J Psychiatry. 2021;178(2):193-202. doi:10.1176/appi.ajp.2020.20050596\n"
        ).replacingOccurrences(of: "Depress Anxiety. 2014;31(4):291-296.\n", with: "Depress Anxiety. 2014;31(4):291-296. doi:10.1002/da.22227\n")
        #expect(try Self.text(file) == expected)
        #expect(result.stdout.hasSuffix("2 fixed\n"))
        #expect(!result.stdout.contains("[pubmed-missing-identifier]"))
    }

    @Test func diffIsAPatchThatGivesTheFixedFile() throws {
        for unsafe in [false, true] {
            let (folder, file) = try Self.copy("fixtures/fix/seed-post.md")
            let original = try Data(contentsOf: file)
            let extra = unsafe ? ["--unsafe-fixes"] : []
            let diff = try Self.check(["--diff"] + extra + ["seed-post.md"], in: folder)
            #expect(diff.status == 1)
            #expect(try Data(contentsOf: file) == original, "--diff writes nothing")
            #expect(diff.stdout.hasPrefix("--- seed-post.md\n+++ seed-post.md\n@@ "))
            _ = try Self.check(["--fix"] + extra + ["seed-post.md"], in: folder)
            let fixed = try Data(contentsOf: file)
            try original.write(to: file)
            let patch = Process()
            patch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            patch.arguments = ["patch", "-p0", "--quiet"]
            patch.currentDirectoryURL = folder
            let input = Pipe()
            patch.standardInput = input
            try patch.run()
            input.fileHandleForWriting.write(Data(diff.stdout.utf8))
            try input.fileHandleForWriting.close()
            patch.waitUntilExit()
            #expect(patch.terminationStatus == 0)
            #expect(try Data(contentsOf: file) == fixed)
        }
    }

    @Test func nothingToFixExitsZeroWithAnEmptyDiff() throws {
        let (folder, _) = try Self.copy("fixtures/lint/clean-numbered.md")
        let diff = try Self.check(["--diff", "clean-numbered.md"], in: folder)
        #expect(diff.stdout.isEmpty)
        #expect(diff.status == 0)
    }

    /// Every fixture post, in every shape (CR LF, a byte order mark, no final newline, trailing white space):
    /// the fixed file is the original with exactly the reported edits applied (every other byte unchanged), and
    /// fixing again changes nothing.
    @Test func fixingIsExactAndIdempotentOnEveryFixturePost() throws {
        var posts: [String] = []
        for folder in ["fixtures/fix", "fixtures/posts", "fixtures/lint", "examples"] {
            let names = try FileManager.default.contentsOfDirectory(atPath: CLI.root.appendingPathComponent(folder).path)
            posts += names.filter { name in [".md", ".txt", ".html"].contains { name.hasSuffix($0) } }.sorted().map { "\(folder)/\($0)" }
        }
        var variants: [(String, [UInt8])] = []
        for post in posts {
            let bytes = Array(try Data(contentsOf: CLI.root.appendingPathComponent(post)))
            let name = URL(fileURLWithPath: post).lastPathComponent
            variants.append((name, bytes))
            guard post.hasPrefix("fixtures/fix") else { continue }
            var crlf: [UInt8] = []
            for byte in bytes { if byte == 0x0A { crlf += [0x0D, 0x0A] } else { crlf.append(byte) } }
            variants.append(("crlf-bom-" + name, [0xEF, 0xBB, 0xBF] + crlf))
            var ragged = bytes
            while ragged.last == 0x0A { ragged.removeLast() }
            variants.append(("trailing-" + name, Array(String(decoding: ragged, as: UTF8.self).replacingOccurrences(of: "\n", with: "  \n").utf8)))
        }
        var fixedSomething = 0
        for (name, bytes) in variants {
            let (folder, file) = try Self.copy("fixtures/fix/seed-post.md", as: name, bytes: bytes)
            let json = try Self.check(["--unsafe-fixes", "--format", "json", name], in: folder)
            let edits = try Self.edits(fromJSON: json.stdout)
            _ = try Self.check(["--fix", "--unsafe-fixes", name], in: folder)
            let once = Array(try Data(contentsOf: file))
            #expect(once == Self.apply(edits, to: bytes), "\(name): bytes outside the reported edits changed")
            if once != bytes { fixedSomething += 1 }
            let again = try Self.check(["--fix", "--unsafe-fixes", name], in: folder)
            #expect(Array(try Data(contentsOf: file)) == once, "\(name): a second run changed the file")
            #expect(again.stdout.contains("0 fixed"), "\(name): \(again.stdout)")
        }
        #expect(fixedSomething >= 9)
    }

    /// The edits of every finding in a JSON report: (start, end, replacement) on the stored bytes.
    static func edits(fromJSON text: String) throws -> [[(Int, Int, String)]] {
        let root = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        var result: [[(Int, Int, String)]] = []
        for file in root["files"] as! [[String: Any]] {
            for diagnostic in file["diagnostics"] as! [[String: Any]] {
                guard let fix = diagnostic["fix"] as? [String: Any] else { continue }
                result.append((fix["edits"] as! [[String: Any]]).map { ($0["start"] as! Int, $0["end"] as! Int, $0["replacement"] as! String) })
            }
        }
        return result
    }

    /// The fixes applied the way the documentation says: in order of their first edit, a fix overlapping one
    /// already taken left out.
    static func apply(_ fixes: [[(Int, Int, String)]], to bytes: [UInt8]) -> [UInt8] {
        var taken: [(Int, Int, String)] = []
        for fix in fixes.sorted(by: { ($0.first?.0 ?? 0) < ($1.first?.0 ?? 0) }) {
            if fix.allSatisfy({ edit in taken.contains { $0 == edit } }) { continue }
            if fix.contains(where: { edit in taken.contains { $0.0 < edit.1 && edit.0 < $0.1 } }) { continue }
            taken += fix
        }
        var out = bytes
        for edit in taken.sorted(by: { $0.0 > $1.0 }) { out.replaceSubrange(edit.0..<edit.1, with: Array(edit.2.utf8)) }
        return out
    }

    @Test func markdownAndHTMLEditsKeepTheMarkup() throws {
        let (folder, file) = try Self.copy("fixtures/fix/linked-titles.md")
        _ = try Self.check(["--fix", "--unsafe-fixes", "linked-titles.md"], in: folder)
        let md = try Self.text(file)
        #expect(
            md.contains(
                "disorders: Exploratory double-blind psychoactive-controlled replication\n    study](https://doi.org/10.1177/0269881119874457). *J Psychopharmacol*. 2020;34(3):267&ndash;272."
            ))
        #expect(md.contains("*Depress Anxiety*. 2014;31(4):291–296."))
        // A year inside a block quote is the quoted writer's.
        #expect(md.contains("> \"A 2016 trial showed nothing of the kind,\""))
        let (htmlFolder, html) = try Self.copy("fixtures/fix/seed-post.html")
        _ = try Self.check(["--fix", "--unsafe-fixes", "seed-post.html"], in: htmlFolder)
        let page = try Self.text(html)
        #expect(
            page.contains(
                "anxiety &amp; social anxiety disorders: Exploratory double-blind psychoactive-controlled replication study. <i>J Psychopharmacol</i>. 2020;34(3):267-272.</li>"))
        #expect(
            page.contains(
                "<a href=\"https://pubmed.ncbi.nlm.nih.gov/24616149/\">Neurobiology of stress, depression, and rapid-acting antidepressants: remodeling synaptic connections</a>. Depress Anxiety. 2014;31(4):291&ndash;296.</li>"
            ))
        #expect(page.contains("<p>A 2018 crossover study"))
    }

    @Test func jsonAndSARIFCarryTheEdits() throws {
        let (folder, _) = try Self.copy("fixtures/fix/seed-post.md")
        let json = try Self.check(["--format", "json", "seed-post.md"], in: folder)
        let root = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let diagnostics = (root["files"] as! [[String: Any]])[0]["diagnostics"] as! [[String: Any]]
        let issue = try #require(diagnostics.first { $0["rule"] as? String == "pubmed-issue" })
        let fix = try #require(issue["fix"] as? [String: Any])
        #expect(fix["safety"] as? String == "safe")
        let edit = (fix["edits"] as! [[String: Any]])[0]
        #expect(edit["replacement"] as? String == "4")
        #expect(edit["line"] as? Int == 33)
        #expect((edit["end"] as! Int) - (edit["start"] as! Int) == 1)
        let title = try #require(diagnostics.first { $0["rule"] as? String == "pubmed-title" })
        #expect((title["fix"] as? [String: Any])?["safety"] as? String == "unsafe")
        #expect(diagnostics.first { $0["rule"] as? String == "cite-order" }?["fix"] is NSNull)
        let summary = root["summary"] as! [String: Any]
        #expect(summary["fixableSafe"] as? Int == 3)

        let sarif = try Self.check(["--format", "sarif", "seed-post.md"], in: folder)
        let log = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as! [String: Any]
        let results = ((log["runs"] as! [[String: Any]])[0]["results"] as! [[String: Any]])
        let pages = try #require(results.first { $0["ruleId"] as? String == "pubmed-pages" })
        let change = ((pages["fixes"] as! [[String: Any]])[0]["artifactChanges"] as! [[String: Any]])[0]
        #expect((change["artifactLocation"] as! [String: Any])["uri"] as? String == "seed-post.md")
        let replacement = (change["replacements"] as! [[String: Any]])[0]
        #expect((replacement["insertedContent"] as! [String: Any])["text"] as? String == "272")
        #expect((replacement["deletedRegion"] as! [String: Any])["byteLength"] as? Int == 3)
    }

    @Test func readOnlyAndStandardInputAreErrorsNotCrashes() throws {
        let (folder, file) = try Self.copy("fixtures/fix/seed-post.md")
        let before = try Data(contentsOf: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        let result = try Self.check(["--fix", "seed-post.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("seed-post.md: is read-only; not fixed"))
        #expect(try Data(contentsOf: file) == before)
        let stdin = try CLI.run(["check", "--fix", "-"], stdin: before)
        #expect(stdin.status == 2)
        #expect(stdin.stderr.contains("--fix cannot rewrite standard input"))
    }

    @Test func explainSaysWhetherARuleFixes() throws {
        let pages = try CLI.run(["explain", "pubmed-pages"])
        #expect(pages.stdout.contains("Fix (--fix): PubMed's first and last page"))
        let title = try CLI.run(["explain", "pubmed-title"])
        #expect(title.stdout.contains("Fix (unsafe, --fix --unsafe-fixes)"))
        let order = try CLI.run(["explain", "cite-order"])
        #expect(order.stdout.contains("Fix: none"))
    }
}
