/// An HTTP response with its whole body in memory (bounded by the transport's size cap).
public struct HTTPResponse: Sendable, Hashable {
    /// Status code of the final response (`200`, `429`, `503`, …).
    public var status: Int
    /// Headers of the final response, in order.
    public var headers: [HTTPHeader]
    /// The body after content decoding (gzip is undone by the transport).
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The value of the first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }

    /// The body as UTF-8 text (invalid bytes replaced).
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Sends one HTTP request and returns the final response. ``CurlHTTPClient`` is the real one;
/// tests can substitute recorded answers.
public protocol HTTPTransport: Sendable {
    /// Sends `request` synchronously. A status code, even 4xx/5xx, is a response, not an error;
    /// errors are transport failures (and refused redirects).
    func send(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse
}
