/// Why an E-utilities call failed, in one line without the API key or e-mail address.
public enum EUtilitiesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration cannot be used (no e-mail, bad base URL).
    case invalidConfiguration(String)
    /// An argument cannot be sent (a PMID that is not a number).
    case invalidArgument(String)
    /// NCBI still answered "rate limit exceeded" (429 or its JSON error) after every retry.
    case rateLimited(endpoint: String, attempts: Int)
    /// NCBI still answered 5xx after every retry.
    case serverError(endpoint: String, status: Int, attempts: Int)
    /// A status that is not retried (4xx other than 429, or anything not 2xx/5xx); `detail` is NCBI's message, redacted.
    case httpStatus(endpoint: String, status: Int, detail: String?)
    /// The HTTP transport failed (after retries when the failure was transient).
    case transport(endpoint: String, error: HTTPError, attempts: Int)

    public var description: String {
        switch self {
        case .invalidConfiguration(let message):
            return "PubMed client configuration: \(message)"
        case .invalidArgument(let message):
            return "PubMed request: \(message)"
        case .rateLimited(let endpoint, let attempts):
            return "PubMed \(endpoint): rate limit still exceeded after \(attempts) attempt\(attempts == 1 ? "" : "s") (HTTP 429); use an NCBI API key or fewer parallel runs"
        case .serverError(let endpoint, let status, let attempts):
            return "PubMed \(endpoint): server error HTTP \(status) after \(attempts) attempt\(attempts == 1 ? "" : "s")"
        case .httpStatus(let endpoint, let status, let detail):
            return "PubMed \(endpoint): HTTP \(status)" + (detail.map { ": \($0)" } ?? "")
        case .transport(let endpoint, let error, let attempts):
            return "PubMed \(endpoint): \(error.description)" + (attempts > 1 ? " (after \(attempts) attempts)" : "")
        }
    }
}
