import Foundation
import LoopbackHTTP
import Testing

/// Network faults through the real binary and libcurl: each ends in bounded time with one clear line on stderr,
/// exit status 2, and the offline findings still reported.
@Suite(.serialized) struct NetworkFaultTests {
    static let post = "examples/ketamine-anxiety.md"

    func run(
        efetch: [LoopbackServer.Behavior] = [], ecitmatch: [LoopbackServer.Behavior], timeout: Int = 2, posts: [String] = [Self.post]
    ) throws -> (CLI.Result, Duration) {
        let standIn = try EUtilitiesStandIn(fixtures: [OnlineVerificationTests.seedFixtures])
        standIn.script(efetch: efetch, ecitmatch: ecitmatch, esearch: [])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-faults-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let started = ContinuousClock.now
        let result = try CLI.run(
            ["--verify", "--eutils-url", standIn.baseURL, "--email", "tests@example.org", "--timeout", String(timeout)] + posts,
            environment: ["XDG_CACHE_HOME": cache.path, "NCBI_API_KEY": "secretkey0123456789"]
        )
        return (result, ContinuousClock.now - started)
    }

    func expectCleanFailure(_ result: CLI.Result, _ elapsed: Duration, mentioning text: String, within limit: Duration) {
        #expect(result.status == 2)
        #expect(elapsed < limit, "took \(elapsed)")
        let lines = result.stderr.split(separator: "\n").filter { !$0.contains("note:") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("PubMed verification stopped: PubMed ecitmatch.cgi:"), "\(result.stderr)")
        if !text.isEmpty { #expect(result.stderr.contains(text), "\(result.stderr)") }
        #expect(!result.stderr.contains("secretkey0123456789") && !result.stderr.contains("tests@example.org"))
        #expect(result.stdout.contains("[cite-year-mismatch]"), "offline findings are still reported")
    }

    @Test func aServerThatDripsOneByteASecondIsAbandoned() throws {
        let body = Array(String(repeating: "x", count: 200).utf8)
        let (result, elapsed) = try run(ecitmatch: Array(repeating: .drip(body: body, interval: .seconds(1)), count: 10))
        expectCleanFailure(result, elapsed, mentioning: "timed out", within: .seconds(25))
    }

    /// Many posts, one network failure: one line for the run, not one per post.
    @Test func aFailureAcrossManyPostsIsOneLine() throws {
        let posts = [Self.post, "fixtures/lint/planted-numbered.md", "fixtures/lint/clean-numbered.md"]
        let (result, elapsed) = try run(ecitmatch: Array(repeating: .status(500, "Internal error"), count: 40), timeout: 2, posts: posts)
        #expect(result.status == 2)
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        let lines = result.stderr.split(separator: "\n").filter { !$0.contains("note:") }
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("PubMed verification stopped: PubMed ecitmatch.cgi:"), "\(result.stderr)")
        #expect(result.stdout.contains("[cite-year-mismatch]"), "offline findings are still reported")
    }

    @Test func aResetMidBodyIsAClearError() throws {
        let cut = LoopbackServer.Behavior.closeMidBody(declaredLength: 5000, sent: Array("JAMA Psychiatry|2014|".utf8), reset: true)
        let (result, elapsed) = try run(ecitmatch: Array(repeating: cut, count: 10))
        expectCleanFailure(result, elapsed, mentioning: "connection reset", within: .seconds(20))
    }

    @Test func aRedirectToAnotherHostIsRefused() throws {
        let (result, elapsed) = try run(ecitmatch: [.redirect(to: "http://203.0.113.9/ecitmatch.cgi?bdata=x")])
        expectCleanFailure(result, elapsed, mentioning: "redirect", within: .seconds(10))
    }

    @Test func aStormOf429sEndsAfterBoundedRetries() throws {
        let (result, elapsed) = try run(ecitmatch: Array(repeating: .ncbiRateLimit(), count: 50))
        expectCleanFailure(result, elapsed, mentioning: "rate limit", within: .seconds(30))
    }

    @Test func aHugeAnswerIsCapped() throws {
        let (result, elapsed) = try run(ecitmatch: [.huge(bytes: 200 << 20, chunked: true)], timeout: 30)
        expectCleanFailure(result, elapsed, mentioning: "is over 33554432 bytes", within: .seconds(60))
    }
}
