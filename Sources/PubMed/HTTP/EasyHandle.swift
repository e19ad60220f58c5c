import CCurl

#if canImport(Glibc)
    import Glibc
#endif

/// Owns one libcurl easy handle; freed in `deinit`. Used by one thread at a time (the client's pool
/// hands it out under a lock), hence `@unchecked Sendable`.
final class EasyHandle: @unchecked Sendable {
    private let raw: UnsafeMutableRawPointer
    private let curl: CurlLibrary

    init?(curl: CurlLibrary) {
        guard let raw = curl.easyInit() else { return nil }
        self.raw = raw
        self.curl = curl
    }

    deinit {
        curl.easyCleanup(raw)
    }

    /// Clears every option; live connections stay cached for the next request.
    func reset() {
        curl.easyReset(raw)
    }

    func perform(_ request: HTTPRequest, configuration: CurlHTTPClient.Configuration, redactedURL: String) throws(HTTPError) -> HTTPResponse {
        let state = TransferState(limit: configuration.maxResponseBytes)
        let statePointer = Unmanaged.passUnretained(state).toOpaque()
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            // Nothing of this transfer may stay referenced by the handle.
            _ = citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_ERRORBUFFER, nil)
            _ = citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_WRITEDATA, nil)
            _ = citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_HEADERDATA, nil)
            _ = citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_HTTPHEADER, nil)
            curl.slistFreeAll(headerList)
        }

        var ok = true
        func set(_ option: CURLoption, _ value: Int) { ok = ok && citecheck_curl_setopt_long(curl.easySetopt, raw, option, value) == CURLE_OK }
        func set(_ option: CURLoption, _ value: String) { ok = ok && citecheck_curl_setopt_string(curl.easySetopt, raw, option, value) == CURLE_OK }

        set(CURLOPT_URL, request.url)
        set(CURLOPT_NOSIGNAL, 1)
        set(CURLOPT_PROTOCOLS_STR, "http,https")
        set(CURLOPT_FOLLOWLOCATION, 0)
        set(CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(configuration.connectTimeout))
        set(CURLOPT_TIMEOUT_MS, Self.milliseconds(configuration.totalTimeout))
        set(CURLOPT_LOW_SPEED_LIMIT, max(1, configuration.lowSpeedLimit))
        set(CURLOPT_LOW_SPEED_TIME, max(1, configuration.lowSpeedTime))
        set(CURLOPT_ACCEPT_ENCODING, "")
        set(CURLOPT_USERAGENT, configuration.userAgent)
        if let host = URLRedaction.host(of: request.url), Self.isLoopback(host) {
            // Never through a proxy from the environment (`http_proxy`) for this machine itself.
            set(CURLOPT_PROXY, "")
        }
        ok = ok && citecheck_curl_setopt_off_t(curl.easySetopt, raw, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(configuration.maxResponseBytes)) == CURLE_OK
        ok = ok && citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_ERRORBUFFER, state.errorBuffer) == CURLE_OK
        ok = ok && citecheck_curl_setopt_write_function(curl.easySetopt, raw, CURLOPT_WRITEFUNCTION, writeBody) == CURLE_OK
        ok = ok && citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_WRITEDATA, statePointer) == CURLE_OK
        ok = ok && citecheck_curl_setopt_write_function(curl.easySetopt, raw, CURLOPT_HEADERFUNCTION, writeHeader) == CURLE_OK
        ok = ok && citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_HEADERDATA, statePointer) == CURLE_OK

        // No `Expect: 100-continue` round trip for larger POST bodies.
        var lines = ["Expect:"]
        if let contentType = request.contentType { lines.append("Content-Type: \(contentType)") }
        for header in request.headers {
            let name = header.name.filter { !$0.isNewline }
            let value = header.value.filter { !$0.isNewline }
            lines.append("\(name): \(value)")
        }
        for line in lines {
            guard let appended = curl.slistAppend(headerList, line) else {
                ok = false
                break
            }
            headerList = appended
        }
        ok = ok && citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) == CURLE_OK

        switch request.method {
        case .get:
            set(CURLOPT_HTTPGET, 1)
        case .post:
            set(CURLOPT_POST, 1)
            ok = ok && citecheck_curl_setopt_off_t(curl.easySetopt, raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count)) == CURLE_OK
            // COPYPOSTFIELDS copies the bytes, so nothing has to outlive this call.
            var body = request.body
            if body.isEmpty { body = [0] }
            let copied = body.withUnsafeMutableBytes { bytes in
                citecheck_curl_setopt_pointer(curl.easySetopt, raw, CURLOPT_COPYPOSTFIELDS, bytes.baseAddress)
            }
            ok = ok && copied == CURLE_OK
        }
        guard ok else {
            throw .transfer(url: redactedURL, code: -1, detail: "libcurl rejected an option")
        }

        let code = withExtendedLifetime(state) { curl.easyPerform(raw) }
        if code != CURLE_OK {
            throw mapError(code, state: state, configuration: configuration, redactedURL: redactedURL, rawURL: request.url)
        }

        var status = 0
        _ = citecheck_curl_getinfo_long(curl.easyGetinfo, raw, CURLINFO_RESPONSE_CODE, &status)
        if (300..<400).contains(status) {
            let location = state.finalHeaders.first { $0.name.lowercased() == "location" }?.value
            throw .redirectRefused(url: redactedURL, status: status, location: location.map(URLRedaction.redacted))
        }
        return HTTPResponse(status: status, headers: state.finalHeaders, body: state.body)
    }

    private func mapError(_ code: CURLcode, state: TransferState, configuration: CurlHTTPClient.Configuration, redactedURL: String, rawURL: String) -> HTTPError {
        var osErrno = 0
        _ = citecheck_curl_getinfo_long(curl.easyGetinfo, raw, CURLINFO_OS_ERRNO, &osErrno)
        let detail = Self.scrubbed(state.errorMessage(fallback: code, curl: curl), rawURL: rawURL)
        switch code {
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            return .invalidURL(url: redactedURL)
        case CURLE_COULDNT_RESOLVE_HOST:
            return .dnsFailure(host: URLRedaction.host(of: rawURL) ?? redactedURL)
        case CURLE_COULDNT_CONNECT:
            if osErrno == Int(ECONNREFUSED) { return .connectionRefused(url: redactedURL) }
            return .connectFailed(url: redactedURL, detail: detail)
        case CURLE_OPERATION_TIMEDOUT:
            if detail.lowercased().contains("too slow") {
                return .tooSlow(url: redactedURL, bytesPerSecond: max(1, configuration.lowSpeedLimit), seconds: max(1, configuration.lowSpeedTime))
            }
            var connectMicros: curl_off_t = 0
            _ = citecheck_curl_getinfo_off_t(curl.easyGetinfo, raw, CURLINFO_CONNECT_TIME_T, &connectMicros)
            if connectMicros == 0 {
                return .connectTimedOut(url: redactedURL, seconds: Self.seconds(configuration.connectTimeout))
            }
            return .timedOut(url: redactedURL, seconds: Self.seconds(configuration.totalTimeout))
        case CURLE_WRITE_ERROR where state.overflowed, CURLE_FILESIZE_EXCEEDED:
            return .responseTooLarge(url: redactedURL, limit: configuration.maxResponseBytes)
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR:
            if osErrno == Int(ECONNRESET) || detail.lowercased().contains("reset") { return .connectionReset(url: redactedURL) }
            return .transfer(url: redactedURL, code: Int(code.rawValue), detail: detail)
        case CURLE_PARTIAL_FILE:
            return .truncatedResponse(url: redactedURL)
        case CURLE_GOT_NOTHING:
            return .emptyResponse(url: redactedURL)
        case CURLE_BAD_CONTENT_ENCODING:
            return .badContentEncoding(url: redactedURL)
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ENGINE_NOTFOUND, CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_SHUTDOWN_FAILED,
            CURLE_SSL_CRL_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH, CURLE_SSL_INVALIDCERTSTATUS,
            CURLE_SSL_CLIENTCERT:
            return .tls(url: redactedURL, detail: detail)
        default:
            return .transfer(url: redactedURL, code: Int(code.rawValue), detail: detail)
        }
    }

    /// libcurl's own message, with the URL's query string (and anything after `?`) removed.
    private static func scrubbed(_ message: String, rawURL: String) -> String {
        var text = message.replacing(rawURL, with: URLRedaction.redacted(rawURL))
        if let mark = rawURL.firstIndex(of: "?") {
            let query = String(rawURL[rawURL.index(after: mark)...])
            text = URLRedaction.scrub(text, secrets: [query])
        }
        return String(text.filter { !$0.isNewline }.prefix(200))
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "[::1]"
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        let (seconds, attoseconds) = duration.components
        return max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}

/// What the callbacks of one transfer write into.
private final class TransferState {
    let limit: Int
    var body: [UInt8] = []
    var overflowed = false
    /// Headers of the latest response seen (a `100 Continue` or redirect hop starts a new set).
    var finalHeaders: [HTTPHeader] = []
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(limit: Int) {
        self.limit = limit
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
    }

    deinit {
        errorBuffer.deallocate()
    }

    func errorMessage(fallback code: CURLcode, curl: CurlLibrary) -> String {
        let message = String(cString: errorBuffer)
        if !message.isEmpty { return message }
        guard let text = curl.easyStrerror(code) else { return "curl error \(code.rawValue)" }
        return String(cString: text)
    }

    func appendHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        while let last = line.last, last.isNewline || last == " " { line.removeLast() }
        if line.hasPrefix("HTTP/") {
            finalHeaders = []
            return
        }
        guard let colon = line.firstIndex(of: ":") else { return }
        let name = String(line[..<colon])
        let value = String(line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" })
        finalHeaders.append(HTTPHeader(name: name, value: value))
    }
}

private func writeBody(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    guard length > 0, let data else { return length }
    if state.body.count + length > state.limit {
        state.overflowed = true
        return 0
    }
    state.body.append(contentsOf: UnsafeRawBufferPointer(start: data, count: length))
    return length
}

private func writeHeader(_ data: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let userdata else { return 0 }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = size * count
    guard length > 0, let data else { return length }
    state.appendHeaderLine(UnsafeRawBufferPointer(start: data, count: length))
    return length
}
