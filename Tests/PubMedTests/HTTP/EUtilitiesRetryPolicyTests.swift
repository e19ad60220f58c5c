import Testing

@testable import PubMed

/// Retry decisions checked against a scripted transport (exact answers, no sockets).
@Suite struct EUtilitiesRetryPolicyTests {
    static func client(_ transport: ScriptedTransport, retry: RetryPolicy) -> EUtilitiesClient {
        EUtilitiesClient(
            configuration: EUtilitiesConfiguration(email: "a@example.org", baseURL: "https://eutils.example/entrez/eutils/", requestsPerSecond: 100, retry: retry),
            transport: transport
        )
    }

    @Test func retryAfterIsHonouredButCapped() throws {
        let transport = ScriptedTransport([
            "esearch.fcgi": [.status(429, headers: [HTTPHeader(name: "Retry-After", value: "1")]), .ok("<eSearchResult/>")]
        ])
        let retry = RetryPolicy(maxRetries: 2, backoffBase: .milliseconds(10), maxBackoff: .milliseconds(300), jitter: 0)
        let response = try Self.client(transport, retry: retry).esearch(term: "x")
        #expect(response.attempts == 2)
        let times = transport.times
        // Retry-After says 1 s; the cap (300 ms) wins over it, the base (10 ms) loses to it.
        #expect(times[1] - times[0] >= .milliseconds(295))
        #expect(times[1] - times[0] < .milliseconds(900))
    }

    @Test func nonTransientTransportErrorsAreNotRetried() {
        let transport = ScriptedTransport(["efetch.fcgi": [.failure(.responseTooLarge(url: "https://eutils.example/entrez/eutils/efetch.fcgi", limit: 10))]])
        let client = Self.client(transport, retry: RetryPolicy(backoffBase: .milliseconds(1)))
        #expect(
            throws: EUtilitiesError.transport(endpoint: "efetch.fcgi", error: .responseTooLarge(url: "https://eutils.example/entrez/eutils/efetch.fcgi", limit: 10), attempts: 1)
        ) {
            try client.efetch(pmids: ["1"])
        }
        #expect(transport.requests.count == 1)
    }

    @Test func rateLimitJSONInsideA5xxCountsAsRateLimit() {
        let json = #"{"error":"API rate limit exceeded","count":"11","limit":"10"}"#
        let transport = ScriptedTransport(["esearch.fcgi": [.status(503, body: json)]])
        let client = Self.client(transport, retry: RetryPolicy(maxRetries: 2, backoffBase: .milliseconds(1)))
        #expect(throws: EUtilitiesError.rateLimited(endpoint: "esearch.fcgi", attempts: 3)) {
            try client.esearch(term: "x")
        }
    }

    @Test func xmlErrorBodiesAreNotMistakenForRateLimits() throws {
        // A 200 whose XML merely mentions the phrase is a normal answer for the parser to judge.
        let body = "<eSearchResult><ERROR>API rate limit exceeded</ERROR></eSearchResult>"
        let transport = ScriptedTransport(["esearch.fcgi": [.ok(body)]])
        let response = try Self.client(transport, retry: RetryPolicy(backoffBase: .milliseconds(1))).esearch(term: "x")
        #expect(response.attempts == 1)
    }

    @Test func unknownEndpointNamesAreRefused() {
        let transport = ScriptedTransport()
        let client = Self.client(transport, retry: RetryPolicy())
        for endpoint in ["../admin", "esearch.fcgi?x=1", "", "a/b"] {
            #expect(throws: EUtilitiesError.self) { try client.send(endpoint: endpoint, method: .get, parameters: []) }
        }
        #expect(transport.requests.isEmpty)
    }
}
