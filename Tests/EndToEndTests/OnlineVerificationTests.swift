import CiteCheck
import Foundation
import LoopbackHTTP
import PubMed
import Testing

/// `citecheck --verify` through the real binary and the real libcurl, against a stand-in of E-utilities on
/// 127.0.0.1 that serves recorded records and counts requests.
@Suite(.serialized) struct OnlineVerificationTests {
    static let seedFixtures = CLI.root.appendingPathComponent("fixtures/pubmed").path
    static let medlineSample = CLI.root.appendingPathComponent("fixtures/pubmed-medline/medline-sample-150.xml.gz").path

    /// A fresh cache folder and the arguments that point citecheck at the stand-in.
    struct Run {
        /// The run's own folder: the cache below it, and the posts a test writes.
        let folder: URL
        let standIn: EUtilitiesStandIn

        var cache: URL { folder.appendingPathComponent("cache") }

        init(fixtures: [String]) throws {
            folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-online-\(UUID().uuidString)")
            standIn = try EUtilitiesStandIn(fixtures: fixtures)
        }

        /// Writes `text` as `name` in the run's folder (removed by `cleanUp`) and returns its path.
        func post(_ text: String, named name: String) throws -> String {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
            return url.path
        }

        func citecheck(_ arguments: [String], environment: [String: String] = [:]) throws -> CLI.Result {
            var env = ["XDG_CACHE_HOME": cache.path]
            for (key, value) in environment { env[key] = value }
            return try CLI.run(["--verify", "--eutils-url", standIn.baseURL, "--email", "tests@example.org"] + arguments, environment: env)
        }

        func cleanUp() {
            try? FileManager.default.removeItem(at: folder)
        }
    }

    static func pubmedFindings(_ stdout: String) throws -> [[String: Any]] {
        let json = try #require(JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        return files.flatMap { ($0["diagnostics"] as? [[String: Any]]) ?? [] }.filter { ($0["rule"] as? String)?.hasPrefix("pubmed-") == true }
    }

    static func summary(_ findings: [[String: Any]]) -> Set<String> {
        Set(findings.map { "\($0["reference"] ?? "-") \($0["rule"] ?? "-") \($0["found"] ?? "-") \($0["expected"] ?? "-") \($0["pmid"] ?? "-")" })
    }

    static let seedMismatches: Set<String> = [
        "4 pubmed-pages 267-277 267-272 31526207",
        "6 pubmed-issue 3 4 24616149",
        "6 pubmed-pages 199-212 291-296 24616149",
    ]

    @Test func examplePostIsVerifiedOnlineThenFromTheCacheWithoutRequests() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        let first = try run.citecheck(["--format", "json", "examples/ketamine-anxiety.md"])
        #expect(first.status == 1, "\(first.stderr)")
        #expect(Self.summary(try Self.pubmedFindings(first.stdout)) == Self.seedMismatches)
        // Every reference names the record it was matched to.
        let json = try #require(JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let references = try #require((json["files"] as? [[String: Any]])?.first?["references"] as? [[String: Any]])
        let matched = references.map { ($0["pubmed"] as? [String: Any]).map { "\($0["status"] ?? "") \($0["pmid"] ?? "")" } ?? "-" }
        #expect(matched == ["24740528", "33397139", "28849779", "31526207", "23783065", "24616149"].map { "matched \($0)" })
        #expect(references.first?["journal"] as? String == "JAMA Psychiatry", "references carry the parsed fields")
        let requests = run.standIn.requests
        #expect(requests.count >= 2 && requests.count <= 4, "\(requests.map(\.path))")
        for request in requests {
            #expect(request.field("tool") == "citecheck")
            #expect(request.field("email") == "tests@example.org")
            #expect(request.header("User-Agent")?.hasPrefix("citecheck/") == true)
        }
        #expect(requests.contains { $0.path == "/ecitmatch.cgi" })
        #expect(requests.filter { $0.path == "/efetch.fcgi" }.allSatisfy { $0.method == "POST" })

        let second = try run.citecheck(["--format", "json", "examples/ketamine-anxiety.md"])
        #expect(second.stdout == first.stdout)
        #expect(run.standIn.requests.count == requests.count, "the second run asked PubMed again")

        // Offline, the cache alone verifies the post.
        let offline = try CLI.run(
            ["--offline", "--format", "json", "--config", Self.verifyConfig().path, "examples/ketamine-anxiety.md"], environment: ["XDG_CACHE_HOME": run.cache.path])
        #expect(Self.summary(try Self.pubmedFindings(offline.stdout)) == Self.seedMismatches)
        #expect(!offline.stderr.contains("not verified"))
    }

    /// A configuration file that turns verification on.
    static func verifyConfig() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-verify-\(UUID().uuidString).toml")
        try "verify = true\nemail = \"tests@example.org\"\n".write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test func hundredReferencesCostAtMostFourRequestsAndNoneTheSecondTime() throws {
        let run = try Run(fixtures: [Self.medlineSample])
        defer { run.cleanUp() }
        let records = run.standIn.articles.map(\.record).prefix(100)
        try #require(records.count == 100)
        // Every tenth reference gets a wrong volume: ECitMatch cannot find those, ESearch must.
        var planted: Set<Int> = []
        var lines: [String] = []
        for (offset, record) in records.enumerated() {
            var volume = record.volume ?? ""
            if offset % 10 == 3, let number = Int(volume) {
                volume = String(number + 7)
                planted.insert(offset + 1)
            }
            lines.append("\(offset + 1). " + Self.vancouver(record, volume: volume))
        }
        let post = try run.post("A post that cites a hundred papers.\n\nReferences\n\n" + lines.joined(separator: "\n") + "\n", named: "100.txt")

        let first = try run.citecheck(["--format", "json", "--fail-on", "never", post])
        #expect(first.status == 0, "\(first.stderr)")
        let requests = run.standIn.requests
        #expect(requests.count <= 4, "\(requests.map(\.path))")
        #expect(requests.filter { $0.path == "/ecitmatch.cgi" }.count == 1)

        let findings = try Self.pubmedFindings(first.stdout)
        let volumeErrors = Set(findings.filter { $0["rule"] as? String == "pubmed-volume" }.compactMap { $0["reference"] as? Int })
        #expect(volumeErrors == planted)
        let serious = findings.filter { $0["severity"] as? String != "info" }
        let stray = serious.filter { !planted.contains(($0["reference"] as? Int) ?? 0) }
        #expect(stray.isEmpty, "\(stray.map { $0["message"] ?? "" })")

        // The rate limit holds: without a key, at most 3 requests a second.
        Self.expectSpaced(requests.map(\.time), perSecond: 3)

        let second = try run.citecheck(["--format", "json", "--fail-on", "never", post])
        #expect(run.standIn.requests.count == requests.count, "the cached run asked PubMed again")
        #expect(second.stdout == first.stdout)
    }

    @Test func manyPostsAreLookedUpInOneBatch() throws {
        let run = try Run(fixtures: [Self.medlineSample])
        defer { run.cleanUp() }
        let records = Array(run.standIn.articles.map(\.record).prefix(100))
        var planted: [String: Set<Int>] = [:]
        for post in 0..<10 {
            var lines: [String] = []
            for offset in 0..<10 {
                let record = records[post * 10 + offset]
                var volume = record.volume ?? ""
                if offset == post % 10, let number = Int(volume) {
                    volume = String(number + 3)
                    planted["post\(post).txt", default: []].insert(offset + 1)
                }
                lines.append("\(offset + 1). " + Self.vancouver(record, volume: volume))
            }
            _ = try run.post("Post \(post).\n\nReferences\n\n" + lines.joined(separator: "\n") + "\n", named: "posts/post\(post).txt")
        }
        let result = try run.citecheck(["--format", "json", "--fail-on", "never", run.folder.appendingPathComponent("posts").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(run.standIn.requests.count <= 4, "\(run.standIn.requests.map(\.path))")
        let json = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 10)
        for file in files {
            let name = URL(fileURLWithPath: file["path"] as? String ?? "").lastPathComponent
            let diagnostics = (file["diagnostics"] as? [[String: Any]]) ?? []
            let volumes = Set(diagnostics.filter { $0["rule"] as? String == "pubmed-volume" }.compactMap { $0["reference"] as? Int })
            #expect(volumes == planted[name] ?? [], "\(name)")
        }
    }

    /// `Family AB, Family C. Title. Journal. Year;Volume(Issue):pages.`
    static func vancouver(_ record: PubMedRecord, volume: String) -> String {
        let authors = record.authors.prefix(3).map { $0.isCollective ? $0.lastName : "\($0.lastName) \($0.initials)" }
        var title = record.title
        while title.hasSuffix(".") || title.hasSuffix("]") && title.hasPrefix("[") {
            title = title.hasSuffix(".") ? String(title.dropLast()) : String(title.dropFirst().dropLast())
        }
        // MEDLINE's own abbreviation (`Prog Brain Res`), as Vancouver lists print it.
        let journal = record.medlineTA ?? record.isoAbbreviation ?? record.journalTitle ?? ""
        let issue = record.issue.map { "(\($0))" } ?? ""
        return
            "\(authors.joined(separator: ", "))\(record.authors.count > 3 ? ", et al" : ""). \(title). \(journal). \(record.year ?? 0);\(volume)\(issue):\(record.medlinePages ?? "")."
    }

    @Test func concurrentRunsShareTheRateLimit() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        // Three runs at once, each asking PubMed itself (--no-cache): together still at most 3 requests a second.
        DispatchQueue.concurrentPerform(iterations: 3) { _ in
            _ = try? run.citecheck(["--no-cache", "examples/ketamine-anxiety.md"])
        }
        let times = run.standIn.requests.map(\.time).sorted()
        #expect(times.count >= 6)
        Self.expectSpaced(times, perSecond: 3)
    }

    /// NCBI's rate as the server sees it. The client spaces its sends 10 % wider than `1/perSecond`; where the
    /// server stamps them, a loaded machine's scheduling moves each stamp by some milliseconds, which one gap can
    /// lose but a whole run cannot. So: over the run, no more than `perSecond` requests a second, and no two requests
    /// back to back (every gap at least half the spacing).
    static func expectSpaced(_ times: [ContinuousClock.Instant], perSecond: Int, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let first = times.first, let last = times.last, times.count > 1 else { return }
        let spacing = Duration.seconds(1) / perSecond
        #expect(last - first >= spacing * (times.count - 1), "\(times.count) requests in \(last - first)", sourceLocation: sourceLocation)
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= spacing / 2, "requests \(later - earlier) apart", sourceLocation: sourceLocation)
        }
    }

    @Test func anAPIKeyRaisesTheRateAndNeverShows() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        let key = "0123456789abcdef0123456789abcdef0123"
        let result = try run.citecheck(
            ["--verbose", "--record", run.cache.appendingPathComponent("recorded").path, "examples/ketamine-anxiety.md"], environment: ["NCBI_API_KEY": key])
        #expect(result.status == 1)
        let requests = run.standIn.requests
        #expect(requests.allSatisfy { $0.field("api_key") == key })
        #expect(!result.stdout.contains(key) && !result.stderr.contains(key))
        #expect(!result.stderr.contains("tests@example.org"))
        #expect(result.stderr.contains("efetch.fcgi"), "--verbose lists the requests")
        Self.expectSpaced(requests.map(\.time), perSecond: 10)
        // What --record saved serves as fixtures, offline, with the same findings and no secret inside.
        let recorded = run.cache.appendingPathComponent("recorded")
        let files = try FileManager.default.contentsOfDirectory(atPath: recorded.path).sorted()
        #expect(files == ["23783065.xml", "24616149.xml", "24740528.xml", "28849779.xml", "31526207.xml", "33397139.xml"])
        for file in files {
            let text = try String(contentsOf: recorded.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(key) && !text.contains("tests@example.org"))
        }
        let offline = try CLI.run(["--offline", "--no-cache", "--fixtures", recorded.path, "--format", "json", "examples/ketamine-anxiety.md"])
        #expect(Self.summary(try Self.pubmedFindings(offline.stdout)) == Self.seedMismatches)
    }

    @Test func rateLimitAnswersAreRetriedAndTheRunSucceeds() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        run.standIn.script(efetch: [.ncbiRateLimit(), .ncbiRateLimit(status: 200)], ecitmatch: [.status(429)], esearch: [])
        let result = try run.citecheck(["--format", "json", "examples/ketamine-anxiety.md"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(Self.summary(try Self.pubmedFindings(result.stdout)) == Self.seedMismatches)
        #expect(run.standIn.requests.filter { $0.path == "/efetch.fcgi" }.count >= 3)
    }

    @Test func serverErrorsEndInAClearErrorAndKeepWhatWasVerified() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        run.standIn.script(efetch: Array(repeating: .status(500, "Internal error"), count: 20), ecitmatch: [], esearch: [])
        let started = ContinuousClock.now
        // Entry 4's record is a local fixture: its finding survives the network failure.
        let result = try run.citecheck(["--format", "json", "--fixtures", "fixtures/pubmed/31526207.xml", "examples/ketamine-anxiety.md"])
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(result.status == 2, "\(run.standIn.requests.map { "\($0.path) \($0.method)" })")
        let errorLines = result.stderr.split(separator: "\n").filter { !$0.contains("note:") }
        #expect(errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("examples/ketamine-anxiety.md: PubMed verification stopped: PubMed efetch.fcgi: server error HTTP 500"))
        #expect(Self.summary(try Self.pubmedFindings(result.stdout)) == ["4 pubmed-pages 267-277 267-272 31526207"])
    }

    @Test func aHungServerEndsWithinTheTimeout() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        run.standIn.script(efetch: [], ecitmatch: Array(repeating: .hang, count: 20), esearch: [])
        let started = ContinuousClock.now
        let result = try run.citecheck(["--timeout", "1", "examples/ketamine-anxiety.md"])
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 2)
        #expect(elapsed < .seconds(20), "took \(elapsed)")
        #expect(result.stderr.contains("PubMed verification stopped: PubMed ecitmatch.cgi:"), "\(result.stderr)")
        #expect(result.stdout.contains("[cite-year-mismatch]"), "the offline findings are still reported")
    }

    @Test func malformedAndTruncatedXMLAreClearErrors() throws {
        for body in ["<PubmedArticleSet><PubmedArticle><MedlineCitation>", "<html><body>Service unavailable</body></html>", "<PubmedArticleSet><<<</PubmedArticleSet>"] {
            let run = try Run(fixtures: [Self.seedFixtures])
            defer { run.cleanUp() }
            run.standIn.script(efetch: [.ok(body)], ecitmatch: [], esearch: [])
            let result = try run.citecheck(["examples/ketamine-anxiety.md"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("PubMed efetch.fcgi answered with unreadable XML"), "\(result.stderr)")
            #expect(result.stderr.split(separator: "\n").filter { !$0.contains("note:") }.count == 1)
        }
    }

    @Test func externalEntitiesInAnAnswerAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-secret-\(UUID().uuidString).txt")
        try "TOP-SECRET-LOCAL-CONTENT".write(to: secret, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: secret) }
        let article = try String(contentsOfFile: Self.seedFixtures + "/24616149.xml", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("<!DOCTYPE") }.joined(separator: "\n")
        let hostile =
            article
            .replacingOccurrences(
                of: "<PubmedArticleSet>",
                with:
                    "<!DOCTYPE PubmedArticleSet [<!ENTITY leak SYSTEM \"file://\(secret.path)\"> <!ENTITY lol \"lol\"> <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<PubmedArticleSet>"
            )
            .replacingOccurrences(of: "Neurobiology of stress", with: "&leak;&lol2; Neurobiology of stress")
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        run.standIn.script(efetch: [.ok(hostile)], ecitmatch: [], esearch: [])
        let result = try run.citecheck(["--format", "json", "--record", run.cache.appendingPathComponent("rec").path, "examples/ketamine-anxiety.md"])
        #expect(!result.stdout.contains("TOP-SECRET") && !result.stderr.contains("TOP-SECRET"))
        let recorded = (try? FileManager.default.contentsOfDirectory(atPath: run.cache.appendingPathComponent("rec").path)) ?? []
        for file in recorded {
            let text = try String(contentsOfFile: run.cache.appendingPathComponent("rec/" + file).path, encoding: .utf8)
            #expect(!text.contains("TOP-SECRET"))
        }
        // The entities are not expanded: the record reads, without the file's content.
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("\"pmid\" : \"24616149\"") || result.stdout.contains("\"pmid\": \"24616149\""))
    }

    @Test func connectionRefusedIsAClearErrorAndCorruptCacheEntriesAreFetchedAgain() throws {
        let port = LoopbackServer.closedPort()
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-refused-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let refused = try CLI.run(
            ["--verify", "--email", "tests@example.org", "--eutils-url", "http://127.0.0.1:\(port)/", "examples/ketamine-anxiety.md"], environment: ["XDG_CACHE_HOME": cache.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("PubMed verification stopped"), "\(refused.stderr)")

        // Fill the cache, break every record in it, and run again: the broken entries are fetched again.
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        let first = try run.citecheck(["--format", "json", "examples/ketamine-anxiety.md"])
        let records = run.cache.appendingPathComponent("citecheck/records")
        let files = try FileManager.default.contentsOfDirectory(atPath: records.path)
        #expect(files.count == 6)
        for file in files {
            try Data("<PubmedArticleSet><PubmedArticle><Medline".utf8).write(to: records.appendingPathComponent(file))
        }
        let before = run.standIn.requests.count
        let second = try run.citecheck(["--format", "json", "examples/ketamine-anxiety.md"])
        #expect(second.stdout == first.stdout)
        #expect(run.standIn.requests.count > before)
    }

    @Test func aReferencePubMedDoesNotHoldIsNotFoundNotFake() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        let post = try run.post(
            """
            A post.

            ## References

            1. Duman RS. Neurobiology of stress, depression, and rapid acting antidepressants: remodeling synaptic connections. Depress Anxiety. 2014;31(4):291-6.
            2. Nobody X, Anyone Y. An invented trial of something that was never run. J Imaginary Med. 2019;12(3):45-52.
            """, named: "post.md")
        let result = try run.citecheck(["--format", "json", post])
        let findings = try Self.pubmedFindings(result.stdout)
        #expect(findings.count == 1)
        #expect(findings.first?["rule"] as? String == "pubmed-not-found")
        #expect(findings.first?["reference"] as? Int == 2)
        #expect((findings.first?["message"] as? String)?.hasPrefix("no PubMed record matches") == true)
        #expect(result.status == 0)
    }

    @Test func aDOIIsLookedUpWhenNothingElseFindsTheRecord() throws {
        let run = try Run(fixtures: [Self.seedFixtures])
        defer { run.cleanUp() }
        let post = try run.post(
            """
            A post.

            ## References

            1. Duman RS. Stress and fast antidepressants. Depress Anxiety. 2015;31(4):291-6. doi:10.1002/da.22227
            """, named: "post.md")
        let result = try run.citecheck(["--format", "json", post])
        let searches = run.standIn.requests.filter { $0.path == "/esearch.fcgi" }
        #expect(searches.count == 1)
        #expect(searches.first?.field("term")?.contains("\"10.1002/da.22227\"[aid]") == true)
        let findings = try Self.pubmedFindings(result.stdout)
        #expect(findings.contains { $0["rule"] as? String == "pubmed-year" && $0["expected"] as? String == "2014" && $0["pmid"] as? String == "24616149" })
    }

    @Test func offlineWithoutRecordsSaysOnceWhatWasNotVerified() throws {
        let config = try Self.verifyConfig()
        // Two posts (a post named twice is checked once).
        let site = try SampleSite.make()
        defer { site.remove() }
        let copy = try site.write(try SampleSite.examplePost, to: "copy.md")
        let result = try CLI.run(["--offline", "--config", config.path, "examples/ketamine-anxiety.md", copy.path, "examples/ketamine-anxiety.md"])
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("not verified") }
        #expect(notes == ["citecheck: note: 12 references in 2 files not verified against PubMed (offline, and no fixture or cached record matches)"])
        #expect(!result.stdout.contains("pubmed-"))
    }

    @Test func verifyingOnlineWithoutAnEmailIsAUsageError() throws {
        let result = try CLI.run(["--verify", "--eutils-url", "http://127.0.0.1:9/", "examples/ketamine-anxiety.md"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("needs an e-mail address for NCBI"))
    }
}
