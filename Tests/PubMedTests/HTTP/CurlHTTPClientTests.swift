import CiteCheck
import LoopbackHTTP
import Testing

@testable import PubMed

/// CurlHTTPClient through the real libcurl against the loopback server.
@Suite struct CurlHTTPClientTests {
    static func fastClient(
        total: Duration = .seconds(2), lowSpeedLimit: Int = 1, lowSpeedTime: Int = 30, maxBytes: Int = 1 << 20
    ) -> CurlHTTPClient {
        CurlHTTPClient(
            configuration: .init(
                connectTimeout: .seconds(1), totalTimeout: total,
                lowSpeedLimit: lowSpeedLimit, lowSpeedTime: lowSpeedTime, maxResponseBytes: maxBytes
            ))
    }

    /// Runs `body`, returning the thrown HTTPError and the elapsed time.
    static func failure(_ body: () throws(HTTPError) -> HTTPResponse) -> (HTTPError?, Duration) {
        timedFailure(body)
    }

    @Test func getRoundTripWithGzipAndHeaders() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        let text = String(repeating: "<PubmedArticle>ketamine</PubmedArticle>\n", count: 3000)
        server.route("/hello", .ok(text, gzip: true))
        let client = Self.fastClient()
        let response = try client.send(.get(server.baseURL + "/hello?db=pubmed&term=a%20b", headers: [HTTPHeader(name: "X-Probe", value: "1")]))
        #expect(response.status == 200)
        #expect(response.text == text)
        #expect(response.header("content-encoding") == "gzip")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/hello")
        #expect(request.field("term") == "a b")
        #expect(request.header("User-Agent") == "citecheck/\(CiteCheckVersion.current) (+https://github.com/citecheck/citecheck)")
        #expect(request.header("Accept-Encoding")?.contains("gzip") == true)
        #expect(request.header("X-Probe") == "1")
    }

    @Test func postFormRoundTrip() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/esearch.fcgi", .ok("<eSearchResult/>"))
        let client = Self.fastClient()
        let term = "ketamine[tiab] AND \"anxiety\" & 100% | é"
        let response = try client.send(.postForm(server.baseURL + "/esearch.fcgi", fields: [("db", "pubmed"), ("term", term)]))
        #expect(response.status == 200)
        #expect(response.text == "<eSearchResult/>")
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(request.header("Expect") == nil)
        #expect(request.field("db") == "pubmed")
        #expect(request.field("term") == term)
    }

    @Test func largePostBodyAndConnectionReuse() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/efetch.fcgi", .ok("<PubmedArticleSet/>"))
        let client = Self.fastClient()
        let ids = (1...200).map { String(30_000_000 + $0) }.joined(separator: ",")
        for _ in 0..<3 {
            _ = try client.send(.postForm(server.baseURL + "/efetch.fcgi", fields: [("id", ids)]))
        }
        let requests = server.requests
        #expect(requests.count == 3)
        #expect(requests.allSatisfy { $0.field("id") == ids })
        // The pooled easy handle keeps the connection alive.
        #expect(Set(requests.map(\.connection)).count == 1)
    }

    @Test func statusCodesAreResponsesNotErrors() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/x", .status(500, "boom"), .ncbiRateLimit(), .status(404))
        let client = Self.fastClient()
        #expect(try client.send(.get(server.baseURL + "/x")).status == 500)
        let limited = try client.send(.get(server.baseURL + "/x"))
        #expect(limited.status == 429)
        #expect(limited.text.contains("API rate limit exceeded"))
        #expect(try client.send(.get(server.baseURL + "/x")).status == 404)
    }

    @Test func hungServerTimesOutWithinTotalTimeout() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/hang", .hang)
        let client = Self.fastClient(total: .seconds(1))
        let (error, elapsed) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/hang?api_key=SECRETKEY")) }
        guard case .timedOut(let url, let seconds)? = error else {
            Issue.record("expected timedOut, got \(String(describing: error))")
            return
        }
        #expect(seconds == 1)
        #expect(url == server.baseURL + "/hang?…")
        #expect(elapsed < .milliseconds(1900))
        #expect(error?.description.contains("timed out after 1 s") == true)
        #expect(error?.description.contains("SECRETKEY") == false)
    }

    @Test func drippingServerIsAbandonedByLowSpeedLimit() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/drip", .drip(body: Array(repeating: 65, count: 100), interval: .seconds(1)))
        // The total timeout alone would allow 10 s: the low-speed limit must end it.
        let client = Self.fastClient(total: .seconds(10), lowSpeedLimit: 10, lowSpeedTime: 1)
        let (error, elapsed) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/drip")) }
        guard case .tooSlow(_, let rate, let seconds)? = error else {
            Issue.record("expected tooSlow, got \(String(describing: error))")
            return
        }
        #expect(rate == 10 && seconds == 1)
        #expect(elapsed < .milliseconds(2500))
    }

    @Test func resetMidBodyIsAClearError() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/reset", .closeMidBody(declaredLength: 10_000, sent: Array(repeating: 66, count: 100), reset: true))
        let client = Self.fastClient()
        let (error, _) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/reset")) }
        guard case .connectionReset? = error else {
            Issue.record("expected connectionReset, got \(String(describing: error))")
            return
        }
        #expect(error?.description.hasPrefix("connection reset by peer") == true)
        #expect(error?.isTransient == true)
    }

    @Test func closeMidBodyIsTruncated() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/cut", .closeMidBody(declaredLength: 10_000, sent: Array(repeating: 66, count: 100), reset: false))
        server.route("/nothing", .closeWithoutResponse)
        let client = Self.fastClient()
        let (cut, _) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/cut")) }
        #expect(cut == .truncatedResponse(url: server.baseURL + "/cut"))
        let (nothing, _) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/nothing")) }
        #expect(nothing == .emptyResponse(url: server.baseURL + "/nothing"))
    }

    @Test(arguments: [false, true])
    func oversizedBodyIsCapped(chunked: Bool) throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/huge", .huge(bytes: 50 << 20, chunked: chunked))
        let client = Self.fastClient(total: .seconds(5), maxBytes: 256 * 1024)
        let (error, elapsed) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/huge")) }
        #expect(error == .responseTooLarge(url: server.baseURL + "/huge", limit: 256 * 1024))
        #expect(error?.description == "response from \(server.baseURL)/huge is over 262144 bytes; abandoned")
        #expect(elapsed < .seconds(2))
    }

    @Test func gzipBombIsCappedAfterDecoding() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        // 600 KB on the wire and decoded; the cap counts decoded bytes.
        server.route("/bomb", .respond(status: 200, body: Array(repeating: 0x20, count: 600_000), gzip: true))
        let client = Self.fastClient(maxBytes: 500_000)
        let (error, _) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/bomb")) }
        guard case .responseTooLarge? = error else {
            Issue.record("expected responseTooLarge, got \(String(describing: error))")
            return
        }
    }

    @Test func redirectToAnotherHostIsRefused() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/moved", .redirect(to: "http://evil.example/steal?api_key=SECRETKEY"))
        let client = Self.fastClient()
        let (error, _) = Self.failure { () throws(HTTPError) in try client.send(.get(server.baseURL + "/moved?email=me@example.org")) }
        #expect(error == .redirectRefused(url: server.baseURL + "/moved?…", status: 302, location: "http://evil.example/steal?…"))
        let text = error?.description ?? ""
        #expect(text.contains("302"))
        #expect(!text.contains("SECRETKEY") && !text.contains("me@example.org"))
        // Only the one request was made: nothing followed the Location.
        #expect(server.requests.count == 1)
    }

    @Test func closedPortIsConnectionRefused() {
        let port = LoopbackServer.closedPort()
        let client = Self.fastClient()
        let (error, elapsed) = Self.failure { () throws(HTTPError) in try client.send(.get("http://127.0.0.1:\(port)/x?api_key=SECRETKEY")) }
        #expect(error == .connectionRefused(url: "http://127.0.0.1:\(port)/x?…"))
        #expect(error?.description == "connection refused: http://127.0.0.1:\(port)/x?…")
        #expect(elapsed < .seconds(1))
    }

    @Test func tlsFailureIsAClearError() throws {
        // A plain-text answer where a TLS ServerHello should be.
        let server = try LoopbackServer(greeting: Array("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".utf8))
        defer { #expect(server.stop()) }
        let url = "https://127.0.0.1:\(server.port)/x?api_key=SECRETKEY"
        let (error, elapsed) = Self.failure { () throws(HTTPError) in try Self.fastClient().send(.get(url)) }
        guard case .tls(let shown, let detail)? = error else {
            Issue.record("expected tls, got \(String(describing: error))")
            return
        }
        #expect(shown == "https://127.0.0.1:\(server.port)/x?…")
        #expect(!detail.isEmpty && !detail.contains("SECRETKEY"))
        #expect(error?.description.hasPrefix("TLS failure with https://127.0.0.1:") == true)
        #expect(elapsed < .seconds(1))
    }

    @Test func nonHTTPURLsAreRejected() {
        let client = Self.fastClient()
        for url in ["ftp://127.0.0.1/x", "file:///etc/passwd", "127.0.0.1/x", "http://", "http://127.0.0.1/a b"] {
            let (error, _) = Self.failure { () throws(HTTPError) in try client.send(.get(url)) }
            guard case .invalidURL? = error else {
                Issue.record("\(url): expected invalidURL, got \(String(describing: error))")
                continue
            }
        }
    }

    @Test func concurrentCallersShareOneClient() throws {
        let server = try LoopbackServer()
        defer { #expect(server.stop()) }
        server.route("/n", .ok("fine"))
        let client = Self.fastClient()
        let results = Locked<[Int]>([])
        runConcurrently(16) { index in
            let status = (try? client.send(.get(server.baseURL + "/n?i=\(index)")))?.status ?? -1
            results.withLock { $0.append(status) }
        }
        #expect(results.withLock { $0 } == Array(repeating: 200, count: 16))
        #expect(server.requests.count == 16)
    }
}

@Suite struct URLRedactionTests {
    @Test func queryAndUserInfoAreRemoved() {
        #expect(
            URLRedaction.redacted("https://eutils.ncbi.nlm.nih.gov/entrez/eutils/ecitmatch.cgi?db=pubmed&api_key=K")
                == "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/ecitmatch.cgi?…")
        #expect(URLRedaction.redacted("https://user:pw@host.example/p#frag") == "https://host.example/p")
        #expect(URLRedaction.redacted("http://127.0.0.1:8080/x") == "http://127.0.0.1:8080/x")
    }

    @Test func hostIsExtracted() {
        #expect(URLRedaction.host(of: "https://EUtils.ncbi.nlm.nih.gov:443/x?y") == "eutils.ncbi.nlm.nih.gov")
        #expect(URLRedaction.host(of: "http://[::1]:80/") == "[::1]")
        #expect(URLRedaction.host(of: "no scheme") == nil)
    }

    @Test func formEncodingRoundTrips() {
        let fields = [("term", "a b&c=d|e\r%"), ("é", "ü")]
        let encoded = FormEncoding.encode(fields)
        #expect(encoded == "term=a+b%26c%3Dd%7Ce%0D%25&%C3%A9=%C3%BC")
        let decoded = FormEncoding.decode(encoded)
        #expect(decoded.map(\.0) == fields.map(\.0) && decoded.map(\.1) == fields.map(\.1))
    }
}
