/// How ``EUtilitiesClient`` talks to NCBI: where, as whom, how fast, how persistently.
public struct EUtilitiesConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// NCBI's E-utilities base URL.
    public static let defaultBaseURL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils/"

    /// Base URL; endpoint names (`esearch.fcgi`) are appended. A missing trailing `/` is added.
    public var baseURL: String
    /// Sent as `tool` on every request (NCBI asks for it).
    public var tool: String
    /// Sent as `email` on every request (NCBI asks for it); must be non-empty. Never logged.
    public var email: String
    /// Sent as `api_key` when set; raises the rate limit from 3 to 10 requests a second. Never logged.
    public var apiKey: NCBIAPIKey?
    /// Overrides the request rate (requests per second); nil: 10 with an API key, 3 without.
    public var requestsPerSecond: Double?
    /// Retries of 429/5xx answers and of connection failures.
    public var retry: RetryPolicy
    /// At most this many PMIDs per EFetch request (NCBI's guidance: 200).
    public var maxIDsPerFetch: Int
    /// At most this many citation lines per ECitMatch request…
    public var maxCitationsPerMatch: Int
    /// …and at most this many characters in one ECitMatch URL (it is a GET; common servers accept 8 KiB).
    public var maxURLLength: Int
    /// Receives one line per request, answer and retry, with the e-mail and API key redacted (`--verbose`).
    public var requestLog: (@Sendable (String) -> Void)?
    /// A file through which every process using it shares the rate limit (the cache folder's `rate-limit`);
    /// nil: this client alone is spaced.
    public var rateLimitFile: String?

    public init(
        email: String,
        apiKey: NCBIAPIKey? = nil,
        baseURL: String = EUtilitiesConfiguration.defaultBaseURL,
        tool: String = "citecheck",
        requestsPerSecond: Double? = nil,
        retry: RetryPolicy = RetryPolicy(),
        maxIDsPerFetch: Int = 200,
        maxCitationsPerMatch: Int = 100,
        maxURLLength: Int = 8000,
        requestLog: (@Sendable (String) -> Void)? = nil,
        rateLimitFile: String? = nil
    ) {
        self.rateLimitFile = rateLimitFile
        self.email = email
        self.apiKey = apiKey
        self.baseURL = baseURL
        self.tool = tool
        self.requestsPerSecond = requestsPerSecond
        self.retry = retry
        self.maxIDsPerFetch = maxIDsPerFetch
        self.maxCitationsPerMatch = maxCitationsPerMatch
        self.maxURLLength = maxURLLength
        self.requestLog = requestLog
    }

    /// The rate in force: the override, else 10/s with an API key and 3/s without.
    public var effectiveRequestsPerSecond: Double {
        if let requestsPerSecond, requestsPerSecond > 0 { return requestsPerSecond }
        return apiKey == nil ? 3 : 10
    }

    public var description: String {
        "EUtilitiesConfiguration(baseURL: \(URLRedaction.redacted(baseURL)), tool: \(tool), email: [redacted], apiKey: \(apiKey == nil ? "none" : "[redacted]"), \(effectiveRequestsPerSecond) requests/s)"
    }

    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "baseURL": URLRedaction.redacted(baseURL),
                "tool": tool,
                "email": "[redacted]",
                "apiKey": apiKey == nil ? "none" : "[redacted]",
                "requestsPerSecond": effectiveRequestsPerSecond,
            ], displayStyle: .struct)
    }
}

/// Exponential backoff with jitter, bounded.
public struct RetryPolicy: Sendable, Hashable {
    /// Retries of a 429 (or NCBI's JSON "API rate limit exceeded") or 5xx answer, after the first try.
    public var maxRetries: Int
    /// Retries after a connection-level failure (refused, reset, timed out, stalled).
    public var maxTransportRetries: Int
    /// Delay before the first retry; doubled for each further one.
    public var backoffBase: Duration
    /// Longest delay between two tries (also caps a server's `Retry-After`).
    public var maxBackoff: Duration
    /// Each delay is multiplied by a random factor in `1 - jitter ... 1 + jitter`.
    public var jitter: Double

    public init(maxRetries: Int = 4, maxTransportRetries: Int = 2, backoffBase: Duration = .milliseconds(500), maxBackoff: Duration = .seconds(10), jitter: Double = 0.25) {
        self.maxRetries = max(0, maxRetries)
        self.maxTransportRetries = max(0, maxTransportRetries)
        self.backoffBase = backoffBase
        self.maxBackoff = maxBackoff
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before retry number `retry` (1-based), jitter applied, capped at `maxBackoff`.
    public func delay(beforeRetry retry: Int) -> Duration {
        let exponent = min(max(retry - 1, 0), 30)
        var delay = backoffBase * (1 << exponent)
        if delay > maxBackoff { delay = maxBackoff }
        if jitter > 0 { delay = delay * Double.random(in: (1 - jitter)...(1 + jitter)) }
        return delay > maxBackoff ? maxBackoff : delay
    }
}
