/// NCBI E-utilities over any ``HTTPTransport``, with NCBI's usage policy built in:
///
/// - `tool` and `email` on every request, `api_key` when configured (never logged or shown in errors);
/// - at most 3 requests a second (10 with an API key) across every thread sharing this client;
/// - 429 (or NCBI's JSON "API rate limit exceeded" body) and 5xx retried with exponential backoff and
///   jitter, a bounded number of times; connection failures retried a bounded number of times;
///   other 4xx not retried.
///
/// Methods block the calling thread and return raw bodies; parsing is the XML readers' job.
public final class EUtilitiesClient: Sendable {
    public let configuration: EUtilitiesConfiguration
    private let transport: any HTTPTransport
    private let spacer: RequestSpacer

    /// - Parameter transport: the HTTP client; a default ``CurlHTTPClient`` when omitted.
    public init(configuration: EUtilitiesConfiguration, transport: any HTTPTransport = CurlHTTPClient()) {
        self.configuration = configuration
        self.transport = transport
        spacer = RequestSpacer(requestsPerSecond: configuration.effectiveRequestsPerSecond, sharedFile: configuration.rateLimitFile)
    }

    /// The minimum spacing between two requests of this client.
    public var requestInterval: Duration { spacer.interval }

    // MARK: - Endpoints

    /// ECitMatch (`ecitmatch.cgi`, GET, `db=pubmed`, `retmode=xml`): one request per batch of lines
    /// (``EUtilitiesConfiguration/maxCitationsPerMatch`` lines and ``EUtilitiesConfiguration/maxURLLength``
    /// characters at most), lines joined by `\r`. Line breaks inside a line become spaces.
    public func ecitmatch(lines: [String]) throws(EUtilitiesError) -> [EUtilitiesResponse] {
        let cleaned = lines.map { String($0.map { $0.isNewline ? " " : $0 }) }.filter { !$0.isEmpty }
        var responses: [EUtilitiesResponse] = []
        for batch in try ecitmatchBatches(cleaned) {
            let parameters = [("db", "pubmed"), ("retmode", "xml"), ("bdata", batch.joined(separator: "\r"))]
            responses.append(try send(endpoint: "ecitmatch.cgi", method: .get, parameters: parameters, items: batch))
        }
        return responses
    }

    /// Splits lines so that each request has at most `maxCitationsPerMatch` lines and a URL of at most
    /// `maxURLLength` characters.
    func ecitmatchBatches(_ lines: [String]) throws(EUtilitiesError) -> [[String]] {
        let fixed =
            FormEncoding.encode([
                ("db", "pubmed"), ("retmode", "xml"), ("bdata", ""), ("tool", configuration.tool),
                ("email", configuration.email), ("api_key", configuration.apiKey?.value ?? ""),
            ]).utf8.count + configuration.baseURL.utf8.count + "/ecitmatch.cgi?".utf8.count
        let limit = max(configuration.maxURLLength, 256)
        let perBatch = max(1, configuration.maxCitationsPerMatch)
        var batches: [[String]] = []
        var current: [String] = []
        var length = fixed
        for line in lines {
            let encoded = FormEncoding.formEncode(line).utf8.count
            guard fixed + encoded <= limit else {
                throw .invalidArgument("citation line of \(line.utf8.count) characters is too long for ECitMatch")
            }
            let added = encoded + (current.isEmpty ? 0 : 3)  // `%0D` between lines
            if !current.isEmpty, current.count >= perBatch || length + added > limit {
                batches.append(current)
                current = []
                length = fixed
            }
            length += current.isEmpty ? encoded : added
            current.append(line)
        }
        if !current.isEmpty { batches.append(current) }
        return batches
    }

    /// ECitMatch for structured citations (see ``ECitMatchCitation/line``).
    public func ecitmatch(citations: [ECitMatchCitation]) throws(EUtilitiesError) -> [EUtilitiesResponse] {
        try ecitmatch(lines: citations.map(\.line))
    }

    /// ESearch (`esearch.fcgi`, POST, `db=pubmed`, `retmode=xml`), optionally sorted (`relevance`, `pub_date`).
    public func esearch(term: String, retmax: Int = 20, sort: String? = nil) throws(EUtilitiesError) -> EUtilitiesResponse {
        var parameters = [("db", "pubmed"), ("term", term), ("retmax", String(max(0, retmax))), ("retmode", "xml")]
        if let sort { parameters.append(("sort", sort)) }
        return try send(endpoint: "esearch.fcgi", method: .post, parameters: parameters, items: [term])
    }

    /// EFetch (`efetch.fcgi`, POST, `db=pubmed`, `retmode=xml`, `id=…`), at most
    /// ``EUtilitiesConfiguration/maxIDsPerFetch`` PMIDs a request: one response per batch, in order.
    /// PMIDs must be decimal digits (surrounding white space is ignored).
    public func efetch(pmids: [String]) throws(EUtilitiesError) -> [EUtilitiesResponse] {
        var ids: [String] = []
        for pmid in pmids {
            let trimmed = pmid.trimmingASCIIWhitespace()
            guard !trimmed.isEmpty, trimmed.utf8.count <= 12, trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                throw .invalidArgument("PMID \"\(String(pmid.prefix(40)))\" is not a number")
            }
            ids.append(trimmed)
        }
        let size = max(1, configuration.maxIDsPerFetch)
        var responses: [EUtilitiesResponse] = []
        var start = 0
        while start < ids.count {
            let batch = Array(ids[start..<min(start + size, ids.count)])
            let parameters = [("db", "pubmed"), ("retmode", "xml"), ("id", batch.joined(separator: ","))]
            responses.append(try send(endpoint: "efetch.fcgi", method: .post, parameters: parameters, items: batch))
            start += size
        }
        return responses
    }

    /// Any endpoint: `parameters` plus `tool`, `email` and `api_key`, in the query (GET) or a form body (POST),
    /// rate-limited and retried like the others.
    public func send(endpoint: String, method: HTTPMethod, parameters: [(String, String)], items: [String] = []) throws(EUtilitiesError) -> EUtilitiesResponse {
        guard !endpoint.isEmpty, endpoint.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == UInt8(ascii: ".") }), !endpoint.contains("..") else {
            throw .invalidArgument("unknown E-utilities endpoint \"\(String(endpoint.prefix(40)))\"")
        }
        let email = configuration.email.trimmingASCIIWhitespace()
        guard !email.isEmpty, email.contains("@") else {
            throw .invalidConfiguration("an e-mail address is required by NCBI (got none)")
        }
        let base = configuration.baseURL
        let lowered = base.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), !base.contains("?") else {
            throw .invalidConfiguration("base URL \(URLRedaction.redacted(base)) is not an http(s) URL without a query")
        }
        let url = (base.hasSuffix("/") ? base : base + "/") + endpoint
        var all = parameters
        all.append(("tool", configuration.tool))
        all.append(("email", email))
        if let key = configuration.apiKey { all.append(("api_key", key.value)) }

        let request: HTTPRequest
        switch method {
        case .get: request = .get(url + "?" + FormEncoding.encode(all))
        case .post: request = .postForm(url, fields: all)
        }
        return try perform(request, endpoint: endpoint, logLine: "\(method.rawValue) \(URLRedaction.redacted(url)) \(redactedParameters(all))", items: items)
    }

    // MARK: - Sending, retrying

    private enum Verdict {
        case success
        case rateLimited
        case serverError
        case refused(detail: String?)

        var isRateLimit: Bool {
            if case .rateLimited = self { return true }
            return false
        }
    }

    private func perform(_ request: HTTPRequest, endpoint: String, logLine: String, items: [String]) throws(EUtilitiesError) -> EUtilitiesResponse {
        let policy = configuration.retry
        var attempts = 0
        var answerRetries = 0
        var transportRetries = 0
        while true {
            attempts += 1
            spacer.waitForTurn()
            log("\(logLine) (attempt \(attempts))")
            let started = ContinuousClock.now
            let response: HTTPResponse
            do {
                response = try transport.send(request)
            } catch {
                log("\(endpoint): \(error.description)")
                guard error.isTransient, transportRetries < policy.maxTransportRetries else {
                    throw .transport(endpoint: endpoint, error: error, attempts: attempts)
                }
                transportRetries += 1
                let delay = policy.delay(beforeRetry: transportRetries)
                log("\(endpoint): retry \(transportRetries) of \(policy.maxTransportRetries) in \(Self.format(delay))")
                sleep(for: delay)
                continue
            }
            let elapsed = ContinuousClock.now - started
            let verdict = classify(response)
            log("\(endpoint): HTTP \(response.status), \(response.body.count) bytes in \(Self.format(elapsed))" + (verdict.isRateLimit ? " (rate limited)" : ""))
            switch verdict {
            case .success:
                return EUtilitiesResponse(endpoint: endpoint, status: response.status, body: response.body, items: items, attempts: attempts)
            case .refused(let detail):
                throw .httpStatus(endpoint: endpoint, status: response.status, detail: detail)
            case .rateLimited, .serverError:
                guard answerRetries < policy.maxRetries else {
                    if case .rateLimited = verdict { throw .rateLimited(endpoint: endpoint, attempts: attempts) }
                    throw .serverError(endpoint: endpoint, status: response.status, attempts: attempts)
                }
                answerRetries += 1
                var delay = policy.delay(beforeRetry: answerRetries)
                if let retryAfter = response.header("Retry-After").flatMap({ Int($0.trimmingASCIIWhitespace()) }), retryAfter > 0 {
                    delay = max(delay, min(.seconds(retryAfter), policy.maxBackoff))
                }
                log("\(endpoint): retry \(answerRetries) of \(policy.maxRetries) in \(Self.format(delay))")
                sleep(for: delay)
            }
        }
    }

    private func classify(_ response: HTTPResponse) -> Verdict {
        switch response.status {
        case 429:
            return .rateLimited
        case 500...599:
            return Self.isRateLimitBody(response.body) ? .rateLimited : .serverError
        case 200...299:
            return Self.isRateLimitBody(response.body) ? .rateLimited : .success
        default:
            return Self.isRateLimitBody(response.body) ? .rateLimited : .refused(detail: errorDetail(response.body))
        }
    }

    /// NCBI's `{"error":"API rate limit exceeded",…}`, whatever the status it came with.
    static func isRateLimitBody(_ body: [UInt8]) -> Bool {
        guard body.count < 4096, let first = body.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }),
            first == UInt8(ascii: "{")
        else { return false }
        return String(decoding: body, as: UTF8.self).lowercased().contains("api rate limit exceeded")
    }

    /// NCBI's message from a JSON `"error"` or an XML `<ERROR>`, with the key and e-mail scrubbed.
    private func errorDetail(_ body: [UInt8]) -> String? {
        let text = String(decoding: body.prefix(8192), as: UTF8.self)
        var message: Substring?
        if let key = text.firstRange(of: "\"error\""), let open = text[key.upperBound...].firstIndex(of: "\"") {
            let rest = text[text.index(after: open)...]
            message = rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)]
        } else if let open = text.firstRange(of: "<ERROR>") {
            let rest = text[open.upperBound...]
            message = rest[..<(rest.firstRange(of: "</ERROR>")?.lowerBound ?? rest.endIndex)]
        }
        guard let message else { return nil }
        let oneLine = String(message.map { $0.isNewline ? " " : $0 }.prefix(160)).trimmingASCIIWhitespace()
        guard !oneLine.isEmpty else { return nil }
        return URLRedaction.scrub(oneLine, secrets: secrets)
    }

    private var secrets: [String] {
        [configuration.apiKey?.value, configuration.email.trimmingASCIIWhitespace()].compactMap { $0 }.filter { !$0.isEmpty }
    }

    private func redactedParameters(_ parameters: [(String, String)]) -> String {
        parameters.map { name, value in
            if name == "api_key" || name == "email" { return "\(name)=[redacted]" }
            let shown = value.count > 80 ? String(value.prefix(80)) + "…" : value
            return "\(name)=\(URLRedaction.scrub(shown, secrets: secrets))"
        }.joined(separator: " ").map { $0 == "\r" ? "⏎" : $0 }.reduce(into: "") { $0.append($1) }
    }

    private func log(_ line: String) {
        configuration.requestLog?(line)
    }

    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        return twoDecimals(value) + " s"
    }

    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return "\(hundredths / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
