/// A transport failure, in words a person can act on. Every URL in a message has its query string
/// removed (see ``URLRedaction``), so API keys and e-mail addresses never appear.
public enum HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The URL is not an absolute `http`/`https` URL, or libcurl rejected it.
    case invalidURL(url: String)
    /// The host name did not resolve.
    case dnsFailure(host: String)
    /// Nothing listens at the address (TCP RST on connect).
    case connectionRefused(url: String)
    /// Connecting failed for another reason (unreachable network, …).
    case connectFailed(url: String, detail: String)
    /// No connection within the connect timeout.
    case connectTimedOut(url: String, seconds: Double)
    /// The whole exchange took longer than the total timeout.
    case timedOut(url: String, seconds: Double)
    /// The server sent fewer than `bytesPerSecond` for `seconds` in a row (a stalled or dripping server).
    case tooSlow(url: String, bytesPerSecond: Int, seconds: Int)
    /// The decoded body grew past the size cap; the transfer was abandoned.
    case responseTooLarge(url: String, limit: Int)
    /// The peer reset the connection (mid-response).
    case connectionReset(url: String)
    /// The server closed the connection before the whole body arrived.
    case truncatedResponse(url: String)
    /// The server closed the connection without sending a response.
    case emptyResponse(url: String)
    /// TLS handshake or certificate verification failed.
    case tls(url: String, detail: String)
    /// The server answered with a redirect; redirects are never followed.
    case redirectRefused(url: String, status: Int, location: String?)
    /// The body claimed an encoding (gzip) that did not decode.
    case badContentEncoding(url: String)
    /// Any other libcurl failure.
    case transfer(url: String, code: Int, detail: String)

    /// One line, no secrets.
    public var description: String {
        switch self {
        case .invalidURL(let url):
            return "invalid URL \(url)"
        case .dnsFailure(let host):
            return "DNS lookup failed for \(host)"
        case .connectionRefused(let url):
            return "connection refused: \(url)"
        case .connectFailed(let url, let detail):
            return "could not connect to \(url): \(detail)"
        case .connectTimedOut(let url, let seconds):
            return "connect to \(url) timed out after \(Self.format(seconds)) s"
        case .timedOut(let url, let seconds):
            return "request to \(url) timed out after \(Self.format(seconds)) s"
        case .tooSlow(let url, let rate, let seconds):
            return "response from \(url) stalled: under \(rate) byte(s)/s for \(seconds) s"
        case .responseTooLarge(let url, let limit):
            return "response from \(url) is over \(limit) bytes; abandoned"
        case .connectionReset(let url):
            return "connection reset by peer: \(url)"
        case .truncatedResponse(let url):
            return "connection closed mid-response: \(url)"
        case .emptyResponse(let url):
            return "server closed the connection without a response: \(url)"
        case .tls(let url, let detail):
            return "TLS failure with \(url): \(detail)"
        case .redirectRefused(let url, let status, let location):
            let target = location.map { " to \($0)" } ?? ""
            return "HTTP \(status) redirect\(target) not followed: \(url)"
        case .badContentEncoding(let url):
            return "response from \(url) has a body that does not decode (bad gzip)"
        case .transfer(let url, let code, let detail):
            return "HTTP transfer failed for \(url): \(detail) (curl error \(code))"
        }
    }

    /// Whether trying the same request again may succeed (connection-level trouble).
    public var isTransient: Bool {
        switch self {
        case .connectionRefused, .connectFailed, .connectTimedOut, .timedOut, .tooSlow,
            .connectionReset, .truncatedResponse, .emptyResponse:
            return true
        case .invalidURL, .dnsFailure, .responseTooLarge, .tls, .redirectRefused, .badContentEncoding, .transfer:
            return false
        }
    }

    static func format(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return String(Int(tenths / 10)) }
        return String(tenths / 10)
    }
}
