import CiteCheck
import Foundation
import PubMedIndex
import Testing

/// `citecheck index …` and `check --index` through the real binary.
@Suite struct IndexCommandTests {
    static let medlineSample = CLI.root.appendingPathComponent("fixtures/pubmed-medline/medline-sample-150.xml.gz").path
    static let crafted = CLI.root.appendingPathComponent("fixtures/pubmed-medline/medline-update-crafted.xml").path

    static func scratch(_ name: String) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-index-e2e-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Three studies of the MEDLINE sample, cited the way a blog post cites them.
    static let post = """
        # What hospitals once fed typhoid patients

        A century ago, doctors argued about whether people with typhoid
        should be fed at all; one of them made the case for feeding them
        well [1]. Other animals have their own odd ways with sugar: pregnant
        Weddell seals, for one [2]. And some fungi can be stripped of their
        walls altogether [3].

        ## References

        1. Coleman W. Historical perspectives in hospital nutrition. Diet in typhoid fever. Warren Coleman. Journal of the
           American Medical Association 1909. JPEN J Parenter Enteral Nutr. 1978;2(2):142-4.
        2. Hochachka PW, Murphy B, Liggins CG. Unusual maternal-fetal blood glucose concentrations in Weddell seal.
           Nature. 1979;277(5695):388-9.
        3. van den Broek WJ, Stunnenberg HG, Wennekes LM. Protoplasts from Aspergillus nidulans. Microbios.
           1979;26(104):115-28.

        """

    static func pubmedFindings(_ stdout: String) throws -> [String] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        return files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }
            .filter { ($0["rule"] as? String)?.hasPrefix("pubmed-") == true }
            .map { "\($0["reference"] ?? "-") \($0["rule"] ?? "-") \($0["found"] ?? "-") \($0["expected"] ?? "-")" }
    }

    static func statuses(_ stdout: String) throws -> [String] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let references = try #require((json["files"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        return references.map { reference in
            guard let pubmed = reference["pubmed"] as? [String: Any], let status = pubmed["status"] as? String else { return "-" }
            return (pubmed["pmid"] as? String).map { "\(status) \($0)" } ?? status
        }
    }

    @Test func sameReportFromTheIndexAsFromTheXML() throws {
        let folder = try Self.scratch("same")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("pubmed.sqlite").path
        let build = try CLI.run(["index", "build", index, "fixtures/pubmed"])
        #expect(build.status == 0, "\(build.stderr)")
        #expect(build.stdout.contains("6 records from 6 files"))
        for format in ["text", "json"] {
            let fromXML = try CLI.run(["--offline", "--no-cache", "--fixtures", "fixtures/pubmed", "--format", format, "examples/ketamine-anxiety.md"])
            let fromIndex = try CLI.run(["--offline", "--no-cache", "--index", index, "--format", format, "examples/ketamine-anxiety.md"])
            #expect(fromIndex.status == fromXML.status)
            #expect(fromIndex.stdout == fromXML.stdout)
            #expect(fromIndex.stdout.contains("pubmed-pages"))
        }
    }

    @Test func updateAppliesRevisionsAndDeletionsToWhatCheckReports() throws {
        let folder = try Self.scratch("update")
        defer { try? FileManager.default.removeItem(at: folder) }
        let index = folder.appendingPathComponent("pubmed.sqlite").path
        let post = folder.appendingPathComponent("typhoid.md")
        try Self.post.write(to: post, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["index", "build", "--quiet", index, Self.medlineSample]).status == 0)

        let before = try CLI.run(["--offline", "--no-cache", "--index", index, "--format", "json", post.path])
        #expect(try Self.statuses(before.stdout) == ["matched 399303", "matched 399322", "matched 399317"], "\(before.stderr)")
        #expect(try Self.pubmedFindings(before.stdout) == [])

        let update = try CLI.run(["index", "update", index, Self.crafted])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("medline-update-crafted.xml: 1 records, 1 deletions"))
        let info = try CLI.run(["index", "info", index])
        #expect(info.stdout.contains("records:   149"))
        #expect(info.stdout.contains("files:     2"))
        #expect(info.stdout.contains("last file: medline-update-crafted.xml"))
        #expect(info.stdout.contains("state:     complete"))

        let after = try CLI.run(["--offline", "--no-cache", "--index", index, "--format", "json", post.path])
        // The deleted record no longer matches (offline, so it is left unverified); the revised pages are compared.
        #expect(try Self.statuses(after.stdout) == ["matched 399303", "unverified", "matched 399317"], "\(after.stderr)")
        #expect(try Self.pubmedFindings(after.stdout) == ["1 pubmed-pages 142-4 142-6"])
        #expect(after.stderr.contains("1 reference in 1 file not verified"))
    }

    @Test func aKilledBuildLeavesAUsableIncompleteIndexThatARerunFinishes() throws {
        let folder = try Self.scratch("killed")
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = folder.appendingPathComponent("medline")
        try FileManager.default.createDirectory(at: files, withIntermediateDirectories: true)
        let count = 40
        for number in 1...count {
            try FileManager.default.copyItem(atPath: Self.medlineSample, toPath: files.appendingPathComponent(String(format: "part%03d.xml.gz", number)).path)
        }
        let index = folder.appendingPathComponent("pubmed.sqlite").path
        let process = Process()
        process.executableURL = CLI.executable
        process.arguments = ["index", "build", "--quiet", index, files.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Kill it once two files are in.
        var applied = 0
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline {
            if FileManager.default.fileExists(atPath: index), let info = try? MedlineIndex(path: index).info() { applied = info.files }
            if applied >= 2 { break }
            usleep(20_000)
        }
        #expect(process.isRunning, "the build ended before it could be killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)

        let info = try CLI.run(["index", "info", index])
        #expect(info.status == 0, "\(info.stderr)")
        #expect(info.stdout.contains("incomplete"))
        let recorded = try MedlineIndex(path: index).info().files
        #expect(recorded >= 2 && recorded < count)

        // Usable as it is.
        let post = folder.appendingPathComponent("typhoid.md")
        try Self.post.write(to: post, atomically: true, encoding: .utf8)
        let check = try CLI.run(["--offline", "--no-cache", "--index", index, "--format", "json", post.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("incomplete"))
        #expect(try Self.statuses(check.stdout) == ["matched 399303", "matched 399322", "matched 399317"])

        // The rerun skips what is in and finishes.
        let rerun = try CLI.run(["index", "build", index, files.path])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout.components(separatedBy: "already in the index, skipped").count - 1 == recorded)
        let finished = try CLI.run(["index", "info", index])
        #expect(finished.stdout.contains("files:     \(count)"))
        #expect(finished.stdout.contains("records:   150"))
        #expect(finished.stdout.contains("state:     complete"))
    }

    @Test func unusableIndexFilesExitTwoWithOneLine() throws {
        let folder = try Self.scratch("unusable")
        defer { try? FileManager.default.removeItem(at: folder) }
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try Data(String(repeating: "not a database\n", count: 500).utf8).write(to: URL(fileURLWithPath: garbage))
        let foreign = folder.appendingPathComponent("foreign.sqlite").path
        // Another application's SQLite file: a citecheck index with another application id stamped in its header.
        let index = folder.appendingPathComponent("pubmed.sqlite").path
        #expect(try CLI.run(["index", "build", "--quiet", index, Self.crafted]).status == 0)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        bytes[68] = 0x12  // PRAGMA application_id lives at offset 68 of the header
        try bytes.write(to: URL(fileURLWithPath: foreign))
        // Indexes of another format version: PRAGMA user_version is the big-endian number at offset 60.
        let older = folder.appendingPathComponent("older.sqlite").path
        let newer = folder.appendingPathComponent("newer.sqlite").path
        bytes = try Data(contentsOf: URL(fileURLWithPath: index))
        bytes[63] -= 1
        try bytes.write(to: URL(fileURLWithPath: older))
        bytes[63] += 2
        try bytes.write(to: URL(fileURLWithPath: newer))
        let truncated = folder.appendingPathComponent("truncated.sqlite").path
        try Data(contentsOf: URL(fileURLWithPath: index)).prefix(6000).write(to: URL(fileURLWithPath: truncated))

        for (file, words) in [
            (garbage, "not an SQLite database"), (foreign, "not a citecheck PubMed index"), (truncated, "cut short"),
            (older, "built by an older citecheck (index format"), (older, "; rebuild it"), (newer, "built by a newer citecheck"),
            (folder.appendingPathComponent("none.sqlite").path, "no such index"),
        ] {
            for arguments in [["--index", file, "examples/ketamine-anxiety.md"], ["index", "info", file], ["index", "update", file, Self.crafted]] {
                let result = try CLI.run(arguments)
                #expect(result.status == 2, "\(arguments)")
                let lines = result.stderr.split(separator: "\n")
                #expect(lines.count == 1 && lines[0].hasPrefix("citecheck: \(file): ") && lines[0].contains(words), "\(arguments): \(result.stderr)")
            }
        }
    }

    @Test func indexFromTheConfigurationOrTheDefaultPlace() throws {
        let folder = try Self.scratch("config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let blog = folder.appendingPathComponent("blog")
        try FileManager.default.createDirectory(at: blog, withIntermediateDirectories: true)
        let post = blog.appendingPathComponent("typhoid.md")
        try Self.post.write(to: post, atomically: true, encoding: .utf8)
        let index = folder.appendingPathComponent("team-index.sqlite").path
        #expect(try CLI.run(["index", "build", "--quiet", index, Self.medlineSample]).status == 0)

        // `index = "…"` relative to the configuration file's folder.
        try "index = \"../team-index.sqlite\"\n".write(to: blog.appendingPathComponent(".citecheck.toml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["--offline", "--no-cache", "--format", "json", post.path])
        #expect(try Self.statuses(configured.stdout) == ["matched 399303", "matched 399322", "matched 399317"], "\(configured.stderr)")
        try FileManager.default.removeItem(at: blog.appendingPathComponent(".citecheck.toml"))

        // $XDG_DATA_HOME/citecheck/pubmed.sqlite, when present and verification is on; --no-index leaves it.
        let data = folder.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("citecheck"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: index, toPath: data.appendingPathComponent("citecheck/pubmed.sqlite").path)
        let environment = ["XDG_DATA_HOME": data.path]
        let byDefault = try CLI.run(["--offline", "--no-cache", "--format", "json", post.path], environment: environment)
        #expect(try Self.statuses(byDefault.stdout) == ["matched 399303", "matched 399322", "matched 399317"], "\(byDefault.stderr)")
        let without = try CLI.run(["--offline", "--no-cache", "--no-index", "--format", "json", post.path], environment: environment)
        #expect(try Self.statuses(without.stdout) == ["-", "-", "-"])
        // Plain lint runs never open it.
        let lint = try CLI.run(["--format", "json", post.path], environment: environment)
        #expect(try Self.statuses(lint.stdout) == ["-", "-", "-"])
    }
}
