import Testing

@testable import PubMed

#if canImport(Glibc)
    import LoopbackHTTP
    import Glibc
#endif

/// EUtilitiesClient through the real CurlHTTPClient against the loopback server.
@Suite struct EUtilitiesClientTests {
    static let key = "SECRETKEY0123456789abcdef"
    static let email = "maintainer@example.org"

    static func client(
        _ server: LoopbackServer, key: String? = EUtilitiesClientTests.key, rate: Double? = 50,
        retry: RetryPolicy = RetryPolicy(maxRetries: 4, maxTransportRetries: 2, backoffBase: .milliseconds(20), maxBackoff: .milliseconds(200)),
        total: Duration = .seconds(2), log: (@Sendable (String) -> Void)? = nil
    ) -> EUtilitiesClient {
        let configuration = EUtilitiesConfiguration(
            email: email, apiKey: key.flatMap(NCBIAPIKey.init), baseURL: server.baseURL + "/entrez/eutils/",
            requestsPerSecond: rate, retry: retry, requestLog: log
        )
        let transport = CurlHTTPClient(configuration: .init(connectTimeout: .seconds(1), totalTimeout: total, lowSpeedLimit: 1, lowSpeedTime: 30))
        return EUtilitiesClient(configuration: configuration, transport: transport)
    }

    static func failure<T>(_ body: () throws(EUtilitiesError) -> T) -> (EUtilitiesError?, Duration) {
        timedFailure(body)
    }

    @Test func everyRequestCarriesToolEmailAndKey() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/ecitmatch.cgi", .ok("proc natl acad sci u s a|1991|88|3248|mann bj|Art1|2014248\n", contentType: "text/plain"))
        server.route("/entrez/eutils/esearch.fcgi", .ok("<eSearchResult><Count>1</Count></eSearchResult>"))
        server.route("/entrez/eutils/efetch.fcgi", .ok("<PubmedArticleSet/>", gzip: true))
        let client = Self.client(server)
        let lines = ["proc natl acad sci u s a|1991|88|3248|mann bj|Art1|", "science|1987|235|182|palmenber ac|Art2|"]
        let matched = try client.ecitmatch(lines: lines)
        #expect(matched.count == 1)
        #expect(String(decoding: matched[0].body, as: UTF8.self).hasSuffix("|2014248\n"))
        #expect(matched[0].items == lines)
        let search = try client.esearch(term: "ketamine[tiab] AND anxiety", retmax: 5)
        #expect(String(decoding: search.body, as: UTF8.self) == "<eSearchResult><Count>1</Count></eSearchResult>")
        let fetched = try client.efetch(pmids: ["31234567", " 2014248 ", "1"])
        #expect(fetched.map(\.items) == [["31234567", "2014248", "1"]])
        #expect(String(decoding: fetched[0].body, as: UTF8.self) == "<PubmedArticleSet/>")

        let requests = server.requests
        #expect(requests.count == 3)
        for request in requests {
            #expect(request.field("tool") == "citecheck")
            #expect(request.field("email") == Self.email)
            #expect(request.field("api_key") == Self.key)
            #expect(request.field("db") == "pubmed")
        }
        let citmatch = requests[0]
        #expect(citmatch.method == "GET")
        #expect(citmatch.field("retmode") == "xml")
        #expect(citmatch.field("bdata") == lines.joined(separator: "\r"))
        #expect(citmatch.query.contains("%0D"))
        let esearch = requests[1]
        #expect(esearch.method == "POST" && esearch.query.isEmpty)
        #expect(esearch.field("term") == "ketamine[tiab] AND anxiety")
        #expect(esearch.field("retmax") == "5")
        let efetch = requests[2]
        #expect(efetch.method == "POST")
        #expect(efetch.field("retmode") == "xml")
        #expect(efetch.field("id") == "31234567,2014248,1")
    }

    @Test func noKeyMeansNoApiKeyParameter() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/esearch.fcgi", .ok("<eSearchResult/>"))
        _ = try Self.client(server, key: nil).esearch(term: "x")
        let request = try #require(server.requests.first)
        #expect(request.field("api_key") == nil)
        #expect(request.field("tool") == "citecheck" && request.field("email") == Self.email)
    }

    @Test func efetchSplitsIntoBatchesOf200() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/efetch.fcgi", .ok("<PubmedArticleSet/>"))
        let pmids = (1...450).map { String(10_000_000 + $0) }
        let responses = try Self.client(server).efetch(pmids: pmids)
        #expect(responses.map(\.items.count) == [200, 200, 50])
        #expect(responses.flatMap(\.items) == pmids)
        let sent = server.requests.map { ($0.field("id") ?? "").split(separator: ",").map(String.init) }
        #expect(sent.map(\.count) == [200, 200, 50])
        #expect(sent.flatMap { $0 } == pmids)
    }

    @Test func badInputIsRefusedBeforeSending() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        let client = Self.client(server)
        let (pmidError, _) = Self.failure { () throws(EUtilitiesError) in try client.efetch(pmids: ["123", "12&db=x"]) }
        guard case .invalidArgument? = pmidError else {
            Issue.record("expected invalidArgument, got \(String(describing: pmidError))")
            return
        }
        let noEmail = EUtilitiesClient(configuration: EUtilitiesConfiguration(email: " ", baseURL: server.baseURL + "/"))
        let (emailError, _) = Self.failure { () throws(EUtilitiesError) in try noEmail.esearch(term: "x") }
        guard case .invalidConfiguration? = emailError else {
            Issue.record("expected invalidConfiguration, got \(String(describing: emailError))")
            return
        }
        #expect(server.requests.isEmpty)
    }

    @Test func ecitmatchBatchesByCountAndURLLength() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/ecitmatch.cgi", .ok("", contentType: "text/plain"))
        let lines = (1...25).map { "j am med assoc|2020|\($0)|100|smith j|ref\($0)|" }
        var configuration = Self.client(server).configuration
        configuration.maxCitationsPerMatch = 10
        let byCount = EUtilitiesClient(configuration: configuration)
        #expect(try byCount.ecitmatch(lines: lines).map(\.items.count) == [10, 10, 5])
        configuration.maxCitationsPerMatch = 100
        configuration.maxURLLength = 600
        let byLength = EUtilitiesClient(configuration: configuration)
        let batches = try byLength.ecitmatchBatches(lines)
        #expect(batches.count > 1 && batches.flatMap { $0 } == lines)
        _ = try byLength.ecitmatch(lines: lines)
        let recorded = server.requests.suffix(batches.count)
        #expect(recorded.allSatisfy { $0.path.count + $0.query.count + server.baseURL.count + 1 <= 600 })
        #expect(recorded.compactMap { $0.field("bdata") } == batches.map { $0.joined(separator: "\r") })
    }

    @Test func structuredCitationLinesCannotShiftFields() {
        let citation = ECitMatchCitation(journal: "Am J Psychiatry", year: "2019", volume: "176", firstPage: "249", author: "Krystal|JH\r", key: "7")
        #expect(citation.line == "Am J Psychiatry|2019|176|249|Krystal JH|7|")
    }

    // MARK: - Rate limit

    /// Largest number of requests inside any one-second window of arrival times.
    static func busiestSecond(_ requests: [LoopbackServer.Request]) -> Int {
        let times = requests.map(\.time).sorted()
        var best = 0
        var first = 0
        for last in times.indices {
            while times[last] - times[first] >= .seconds(1) { first += 1 }
            best = max(best, last - first + 1)
        }
        return best
    }

    @Test(arguments: [(nil, 3, 8), ("SECRETKEY0123456789abcdef", 10, 24)] as [(String?, Int, Int)])
    func concurrentCallersShareTheRateLimit(key: String?, perSecond: Int, total: Int) throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/esearch.fcgi", .ok("<eSearchResult/>"))
        let client = Self.client(server, key: key, rate: nil)
        let failures = Locked(0)
        let start = ContinuousClock.now
        runConcurrently(4) { thread in
            for index in 0..<(total / 4) {
                if (try? client.esearch(term: "t\(thread)-\(index)")) == nil { failures.withLock { $0 += 1 } }
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(failures.withLock { $0 } == 0)
        let requests = server.requests
        #expect(requests.count == total)
        #expect(Self.busiestSecond(requests) <= perSecond)
        // Not much slower than the limit either: (total - 1) gaps of 1.1/rate s, plus slack.
        #expect(elapsed < .seconds(Double(total - 1) * 1.1 / Double(perSecond) + 0.8))
    }

    // MARK: - Retries

    @Test func rateLimitAnswersAreRetriedThenRecover() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        // A 429, then NCBI's JSON error with a 200 status, then the answer.
        server.route("/entrez/eutils/esearch.fcgi", .ncbiRateLimit(), .ncbiRateLimit(status: 200), .ok("<eSearchResult/>"))
        let response = try Self.client(server).esearch(term: "x")
        #expect(response.attempts == 3)
        #expect(String(decoding: response.body, as: UTF8.self) == "<eSearchResult/>")
        #expect(server.requests.count == 3)
    }

    @Test func rateLimitStormEndsInAClearError() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/efetch.fcgi", .ncbiRateLimit())
        let (error, elapsed) = Self.failure { () throws(EUtilitiesError) in try Self.client(server).efetch(pmids: ["1"]) }
        #expect(error == .rateLimited(endpoint: "efetch.fcgi", attempts: 5))
        #expect(error?.description.contains("rate limit still exceeded after 5 attempts") == true)
        #expect(server.requests.count == 5)
        #expect(elapsed < .seconds(2))
    }

    @Test(arguments: [500, 503])
    func serverErrorsEndInAClearErrorWithinBoundedTime(status: Int) throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/esearch.fcgi", .status(status, "backend down"))
        let (error, elapsed) = Self.failure { () throws(EUtilitiesError) in try Self.client(server).esearch(term: "x") }
        #expect(error == .serverError(endpoint: "esearch.fcgi", status: status, attempts: 5))
        #expect(error?.description == "PubMed esearch.fcgi: server error HTTP \(status) after 5 attempts")
        #expect(server.requests.count == 5)
        #expect(elapsed < .seconds(2))
    }

    @Test func backoffGrowsBetweenRetries() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/esearch.fcgi", .status(503))
        let retry = RetryPolicy(maxRetries: 3, backoffBase: .milliseconds(100), maxBackoff: .seconds(1), jitter: 0)
        _ = Self.failure { () throws(EUtilitiesError) in try Self.client(server, retry: retry).esearch(term: "x") }
        let times = server.requests.map(\.time)
        #expect(times.count == 4)
        let gaps = zip(times.dropFirst(), times).map { $0 - $1 }
        // 100, 200, 400 ms (jitter off), each at least the planned delay.
        for (gap, planned) in zip(gaps, [100, 200, 400]) {
            #expect(gap >= .milliseconds(planned - 5) && gap < .milliseconds(planned + 250))
        }
    }

    @Test func otherClientErrorsAreNotRetried() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        let body = #"{"error":"API key invalid","api-key":"SECRETKEY0123456789abcdef","type":"invalid"}"#
        server.route("/entrez/eutils/esearch.fcgi", .respond(status: 400, headers: [.init("Content-Type", "application/json")], body: Array(body.utf8)))
        let (error, _) = Self.failure { () throws(EUtilitiesError) in try Self.client(server).esearch(term: "x") }
        #expect(error == .httpStatus(endpoint: "esearch.fcgi", status: 400, detail: "API key invalid"))
        #expect(server.requests.count == 1)
    }

    @Test func connectionErrorsAreRetriedABoundedNumberOfTimes() {
        let port = LoopbackServer.closedPort()
        let configuration = EUtilitiesConfiguration(
            email: Self.email, apiKey: NCBIAPIKey(Self.key), baseURL: "http://127.0.0.1:\(port)/eutils",
            requestsPerSecond: 50, retry: RetryPolicy(maxTransportRetries: 2, backoffBase: .milliseconds(20))
        )
        let client = EUtilitiesClient(configuration: configuration)
        let (error, elapsed) = Self.failure { () throws(EUtilitiesError) in try client.ecitmatch(lines: ["a|1|2|3|b|k|"]) }
        #expect(error == .transport(endpoint: "ecitmatch.cgi", error: .connectionRefused(url: "http://127.0.0.1:\(port)/eutils/ecitmatch.cgi?…"), attempts: 3))
        #expect(error?.description.contains(Self.key) == false)
        #expect(elapsed < .seconds(1))
    }

    @Test func resetMidBodyIsRetriedAndRecovers() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/efetch.fcgi", .closeMidBody(declaredLength: 5000, sent: Array(repeating: 60, count: 10), reset: true), .ok("<PubmedArticleSet/>"))
        let responses = try Self.client(server).efetch(pmids: ["1"])
        #expect(responses.first?.attempts == 2)
    }

    @Test func hungServerEndsWithinBoundedTime() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/esearch.fcgi", .hang)
        let retry = RetryPolicy(maxTransportRetries: 1, backoffBase: .milliseconds(20))
        let (error, elapsed) = Self.failure { () throws(EUtilitiesError) in try Self.client(server, retry: retry, total: .milliseconds(700)).esearch(term: "x") }
        guard case .transport(_, .timedOut, 2)? = error else {
            Issue.record("expected a timeout after 2 attempts, got \(String(describing: error))")
            return
        }
        #expect(elapsed < .milliseconds(2000))
    }

    @Test func redirectIsNotFollowedNorRetried() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/entrez/eutils/ecitmatch.cgi", .redirect(to: "http://elsewhere.example/ecitmatch.cgi"))
        let (error, _) = Self.failure { () throws(EUtilitiesError) in try Self.client(server).ecitmatch(lines: ["a|1|2|3|b|k|"]) }
        guard case .transport(_, .redirectRefused(_, 302, "http://elsewhere.example/ecitmatch.cgi"), 1)? = error else {
            Issue.record("expected a refused redirect, got \(String(describing: error))")
            return
        }
        #expect(server.requests.count == 1)
    }

    // MARK: - Secrets

    @Test func keyAndEmailNeverAppearInErrorsLogsOrDescriptions() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        let echo = #"{"error":"API key invalid for SECRETKEY0123456789abcdef maintainer@example.org"}"#
        server.route("/entrez/eutils/esearch.fcgi", .respond(status: 403, body: Array(echo.utf8)))
        server.route("/entrez/eutils/ecitmatch.cgi", .hang)
        server.route("/entrez/eutils/efetch.fcgi", .redirect(to: "http://x.example/?api_key=SECRETKEY0123456789abcdef"))
        let lines = Locked<[String]>([])
        let client = Self.client(
            server, retry: RetryPolicy(maxRetries: 1, maxTransportRetries: 0, backoffBase: .milliseconds(10)),
            total: .milliseconds(500), log: { line in lines.withLock { $0.append(line) } })
        var texts: [String] = []
        texts.append(Self.failure { () throws(EUtilitiesError) in try client.esearch(term: "x") }.0?.description ?? "no error")
        texts.append(Self.failure { () throws(EUtilitiesError) in try client.ecitmatch(lines: ["a|1|2|3|b|k|"]) }.0?.description ?? "no error")
        texts.append(Self.failure { () throws(EUtilitiesError) in try client.efetch(pmids: ["1"]) }.0?.description ?? "no error")
        texts.append(String(describing: client.configuration))
        texts.append(String(reflecting: client.configuration))
        var dumped = ""
        dump(client.configuration, to: &dumped)
        texts.append(dumped)
        var dumpedKey = ""
        dump(NCBIAPIKey(Self.key), to: &dumpedKey)
        texts.append(dumpedKey)
        texts.append("\(String(describing: NCBIAPIKey(Self.key))) \(String(reflecting: NCBIAPIKey(Self.key)))")
        let logged = lines.withLock { $0 }
        #expect(logged.count >= 6)
        #expect(logged.contains { $0.contains("api_key=[redacted]") && $0.contains("email=[redacted]") })
        texts += logged
        #expect(texts[0] == "PubMed esearch.fcgi: HTTP 403: API key invalid for [redacted] [redacted]")
        for text in texts {
            #expect(!text.contains(Self.key), "key leaked: \(text)")
            #expect(!text.contains(Self.email), "e-mail leaked: \(text)")
        }
        // The requests did carry them.
        #expect(server.requests.allSatisfy { $0.field("api_key") == Self.key })
    }

    @Test func apiKeyFromEnvironment() {
        let name = "CITECHECK_TEST_NCBI_KEY_\(getpid())"
        #expect(NCBIAPIKey.fromEnvironment(name) == nil)
        setenv(name, "  abc123def  ", 1)
        defer { unsetenv(name) }
        #expect(NCBIAPIKey.fromEnvironment(name)?.value == "abc123def")
        #expect(NCBIAPIKey("") == nil && NCBIAPIKey("a b") == nil)
    }

    @Test func retryDelaysAreBoundedAndJittered() {
        let policy = RetryPolicy(backoffBase: .milliseconds(100), maxBackoff: .seconds(1), jitter: 0.25)
        for _ in 0..<50 {
            let first = policy.delay(beforeRetry: 1)
            #expect(first >= .milliseconds(75) && first <= .milliseconds(125))
            #expect(policy.delay(beforeRetry: 3) >= .milliseconds(300))
            #expect(policy.delay(beforeRetry: 40) <= .seconds(1))
        }
        let delays = Set((0..<20).map { _ in policy.delay(beforeRetry: 2) })
        #expect(delays.count > 1)
    }
}
