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

    public init(configuration: Configuration = Configuration()) {
        _ = CurlGlobal.initialized
        self.configuration = configuration
    }

    public func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let redactedURL = URLRedaction.redacted(request.url)
        let lowered = request.url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://"), URLRedaction.host(of: request.url) != nil,
              !request.url.utf8.contains(where: { $0 < 0x21 || $0 == 0x7F }) else {
            throw .invalidURL(url: redactedURL)
        }
        guard CurlGlobal.initialized, let handle = checkOut() else {
            throw .transfer(url: redactedURL, code: -1, detail: "libcurl could not be initialised")
        }
        defer { checkIn(handle) }
        return try handle.perform(request, configuration: configuration, redactedURL: redactedURL)
    }

    private func checkOut() -> EasyHandle? {
        if let handle = idleHandles.withLock({ $0.popLast() }) { return handle }
        return EasyHandle()
    }

    private func checkIn(_ handle: EasyHandle) {
        handle.reset()
        idleHandles.withLock { pool in
            if pool.count < Self.maxIdleHandles { pool.append(handle) }
        }
    }
}

/// `curl_global_init`, once per process (a lazily initialised static is thread-safe).
enum CurlGlobal {
    static let initialized: Bool = curl_global_init(Int(CURL_GLOBAL_SSL | CURL_GLOBAL_WIN32)) == CURLE_OK
}
