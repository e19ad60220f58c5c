import CCurl
import CiteCheck
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The real ``HTTPTransport``: libcurl, synchronous, safe to call from many threads at once.
///
/// - Redirects are never followed: a 3xx answer is ``HTTPError/redirectRefused(url:status:location:)``.
/// - The body is capped at ``Configuration/maxResponseBytes`` after gzip decoding.
/// - A server that sends less than ``Configuration/lowSpeedLimit`` bytes a second for
///   ``Configuration/lowSpeedTime`` is abandoned, as is any exchange past ``Configuration/totalTimeout``.
///
/// Easy handles are kept in a small pool so that connections (and TLS sessions) are reused;
/// no libcurl pointer leaves this type.
public final class CurlHTTPClient: HTTPTransport {
    /// Limits and identity of a client.
    public struct Configuration: Sendable, Hashable {
        /// Time allowed to establish the TCP (and TLS) connection.
        public var connectTimeout: Duration
        /// Time allowed for the whole exchange, connect included.
        public var totalTimeout: Duration
        /// Bytes per second under which a transfer counts as stalled…
        public var lowSpeedLimit: Int
        /// …for this many whole seconds in a row (at least 1).
        public var lowSpeedTime: Int
        /// Largest accepted (decoded) body.
        public var maxResponseBytes: Int
        /// Sent as `User-Agent`.
        public var userAgent: String

        /// `citecheck/<version> (+https://github.com/citecheck/citecheck)`.
        public static var defaultUserAgent: String {
            "citecheck/\(CiteCheckVersion.current) (+https://github.com/citecheck/citecheck)"
        }

        public init(
            connectTimeout: Duration = .seconds(10),
            totalTimeout: Duration = .seconds(60),
            lowSpeedLimit: Int = 100,
            lowSpeedTime: Int = 30,
            maxResponseBytes: Int = 32 << 20,
            userAgent: String = Configuration.defaultUserAgent
        ) {
            self.connectTimeout = connectTimeout
            self.totalTimeout = totalTimeout
            self.lowSpeedLimit = lowSpeedLimit
            self.lowSpeedTime = lowSpeedTime
            self.maxResponseBytes = maxResponseBytes
            self.userAgent = userAgent
        }
    }

    public let configuration: Configuration
    private let idleHandles = Mutex<[EasyHandle]>([])
    private static let maxIdleHandles = 8

    /// Loads libcurl (once per process) so that the first request is not delayed by it: the rate limiter times
    /// requests from when they are due.
    public init(configuration: Configuration = Configuration()) {
        _ = CurlLibrary.shared
        self.configuration = configuration
    }

    /// Why requests cannot be made (libcurl missing or unusable), nil when they can.
    public static var unavailableReason: String? {
        if case .failure(let error) = CurlLibrary.shared { return error.description }
        return nil
    }

    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let redactedURL = URLRedaction.redacted(request.url)
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), URLRedaction.host(of: request.url) != nil,
            !request.url.utf8.contains(where: { $0 < 0x21 || $0 == 0x7F })
        else {
            throw .invalidURL(url: redactedURL)
        }
        let curl: CurlLibrary
        switch CurlLibrary.shared {
        case .success(let library): curl = library
        case .failure(let error): throw .transfer(url: redactedURL, code: -1, detail: error.description)
        }
        guard let handle = checkOut(curl) else {
            throw .transfer(url: redactedURL, code: -1, detail: "libcurl could not create a handle")
        }
        defer { checkIn(handle) }
        return try handle.perform(request, configuration: configuration, redactedURL: redactedURL)
    }

    private func checkOut(_ curl: CurlLibrary) -> EasyHandle? {
        if let handle = idleHandles.withLock({ $0.popLast() }) { return handle }
        return EasyHandle(curl: curl)
    }

    private func checkIn(_ handle: EasyHandle) {
        handle.reset()
        idleHandles.withLock { pool in
            if pool.count < Self.maxIdleHandles { pool.append(handle) }
        }
    }
}
