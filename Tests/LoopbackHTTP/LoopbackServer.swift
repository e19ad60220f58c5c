#if canImport(Glibc)
    import Glibc
#endif

// No Foundation here: the PubMed tests that use this server cannot import it (libxml2's ICU headers clash).

/// A real HTTP/1.1 server on 127.0.0.1 (ephemeral port) for tests: POSIX sockets, one thread per
/// connection, scripted answers by path, and a record of every request with its arrival time.
///
/// Bounded: every wait polls with a short timeout and checks the stop flag; `stop()` (idempotent,
/// also run by `deinit`) joins every thread it started, then closes the listener.
public final class LoopbackServer: @unchecked Sendable {
    /// How the server answers one request.
    public enum Behavior: Sendable {
        /// A normal response; `gzip` compresses the body and adds `Content-Encoding: gzip`.
        case respond(status: Int, headers: [Header] = [], body: [UInt8] = [], gzip: Bool = false)
        /// Reads the request and never answers (until the client gives up or the server stops).
        case hang
        /// Announces `body.count` bytes, then sends one byte every `interval`.
        case drip(body: [UInt8], interval: Duration)
        /// Announces `declaredLength` bytes, sends `sent`, then closes (`reset`: with a TCP RST).
        case closeMidBody(declaredLength: Int, sent: [UInt8], reset: Bool)
        /// Sends `bytes` bytes of `x`, with a `Content-Length` or (`chunked`) without one.
        case huge(bytes: Int, chunked: Bool)
        /// Closes the connection without a byte of response.
        case closeWithoutResponse
        /// Whatever `answer` decides for the request (a stand-in that computes its answers).
        case compute(@Sendable (Request) -> Behavior)

        public static func ok(_ text: String, contentType: String = "text/xml", gzip: Bool = false) -> Behavior {
            .respond(status: 200, headers: [Header("Content-Type", contentType)], body: Array(text.utf8), gzip: gzip)
        }

        public static func status(_ code: Int, _ text: String = "") -> Behavior {
            .respond(status: code, headers: [Header("Content-Type", "text/plain")], body: Array(text.utf8))
        }

        public static func redirect(to location: String, status: Int = 302) -> Behavior {
            .respond(status: status, headers: [Header("Location", location)], body: [])
        }

        /// NCBI's answer when the rate limit is exceeded (it sends this JSON body).
        public static func ncbiRateLimit(status: Int = 429) -> Behavior {
            let json = #"{"error":"API rate limit exceeded","api-key":"203.0.113.7","count":"4","limit":"3"}"#
            return .respond(status: status, headers: [Header("Content-Type", "application/json")], body: Array(json.utf8))
        }
    }

    public struct Header: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// One request as received.
    public struct Request: Sendable {
        public var method: String
        public var path: String
        /// The raw (still percent-encoded) query string, without `?`.
        public var query: String
        public var headers: [Header]
        public var body: [UInt8]
        /// When the request's head was complete.
        public var time: ContinuousClock.Instant
        /// Which accepted connection carried it (0, 1, …).
        public var connection: Int

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// Query fields and, for a form POST, body fields, decoded.
        public var fields: [(String, String)] {
            var all = decodeForm(query)
            if method == "POST" { all += decodeForm(String(decoding: body, as: UTF8.self)) }
            return all
        }

        public func field(_ name: String) -> String? {
            fields.first { $0.0 == name }?.1
        }
    }

    public let port: Int
    public var baseURL: String { "http://127.0.0.1:\(port)" }

    private let listener: Int32
    private struct State {
        var stopping = false
        var stopped = false
        var routes: [String: [Behavior]] = [:]
        var routeHits: [String: Int] = [:]
        var recorded: [Request] = []
        var connectionCount = 0
        var threads: [pthread_t] = []
        var running = 0
    }
    private let state = Locked(State())

    /// Bytes sent on every new connection before anything is read (to play a broken TLS server).
    private let greeting: [UInt8]

    /// - Parameter greeting: bytes written as soon as a connection is accepted (normally none).
    public init(greeting: [UInt8] = []) throws {
        self.greeting = greeting
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket(errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            let code = errno
            close(fd)
            throw ServerError.socket(code)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        startThread { [self] in acceptLoop() }
    }

    deinit {
        stop()
    }

    public enum ServerError: Error {
        case socket(Int32)
    }

    /// Answers requests for `path` with `behaviors` in turn; the last one repeats. Unknown paths get 404.
    public func route(_ path: String, _ behaviors: Behavior...) {
        state.withLock { $0.routes[path] = behaviors }
    }

    /// Every request received so far, in arrival order.
    public var requests: [Request] {
        state.withLock { $0.recorded }
    }

    /// Stops accepting, ends and joins every thread the server started, then closes the listener.
    /// Returns whether every thread had ended (false would be a leak the test should report).
    @discardableResult
    public func stop() -> Bool {
        state.withLock { $0.stopping = true }
        // Connection threads are started by the accept thread, so join until none are left.
        while let thread = state.withLock({ $0.threads.popLast() }) {
            pthread_join(thread, nil)
        }
        return state.withLock { state in
            if !state.stopped {
                close(listener)
                state.stopped = true
            }
            return state.running == 0
        }
    }

    private var isStopping: Bool { state.withLock { $0.stopping } }

    private func startThread(_ body: @escaping @Sendable () -> Void) {
        state.withLock { $0.running += 1 }
        let work: @Sendable () -> Void = { [self] in
            body()
            state.withLock { $0.running -= 1 }
        }
        let box = Unmanaged.passRetained(ThreadBody(work)).toOpaque()
        var thread = pthread_t()
        let created = pthread_create(
            &thread, nil,
            { raw in
                guard let raw else { return nil }
                Unmanaged<ThreadBody>.fromOpaque(raw).takeRetainedValue().run()
                return nil
            }, box)
        if created == 0 {
            state.withLock { $0.threads.append(thread) }
        } else {
            Unmanaged<ThreadBody>.fromOpaque(box).release()
            state.withLock { $0.running -= 1 }
        }
    }

    // MARK: - Accepting

    private func acceptLoop() {
        while !isStopping {
            var poller = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            guard ready > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var timeout = timeval(tv_sec: 0, tv_usec: 100_000)
            setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let number = state.withLock { state -> Int in
                defer { state.connectionCount += 1 }
                return state.connectionCount
            }
            startThread { [self] in serve(client, connection: number) }
        }
    }

    // MARK: - One connection

    private func serve(_ fd: Int32, connection: Int) {
        var buffer: [UInt8] = []
        var closeWithReset = false
        defer {
            if closeWithReset {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
            }
            close(fd)
        }
        if !greeting.isEmpty {
            guard sendAll(fd, greeting) else { return }
        }
        while !isStopping {
            guard let request = readRequest(fd, buffer: &buffer, connection: connection) else { return }
            let behavior = state.withLock { state -> Behavior in
                state.recorded.append(request)
                guard let script = state.routes[request.path], !script.isEmpty else {
                    return .status(404, "no route for \(request.path)")
                }
                let hit = state.routeHits[request.path, default: 0]
                state.routeHits[request.path] = hit + 1
                return script[min(hit, script.count - 1)]
            }
            var resolved = behavior
            while case .compute(let answer) = resolved { resolved = answer(request) }
            switch resolved {
            case .compute:
                return
            case .respond(let status, let headers, let body, let gzip):
                var headers = headers
                var payload = body
                if gzip {
                    payload = Gzip.stored(body)
                    headers.append(Header("Content-Encoding", "gzip"))
                }
                headers.append(Header("Content-Length", String(payload.count)))
                guard sendAll(fd, head(status: status, headers: headers) + payload) else { return }
            case .hang:
                while !isStopping {
                    if peerClosed(fd) { return }
                }
                return
            case .drip(let body, let interval):
                guard sendAll(fd, head(status: 200, headers: [Header("Content-Length", String(body.count))])) else { return }
                for byte in body {
                    guard sleepUnlessStopped(interval), sendAll(fd, [byte]) else { return }
                }
            case .closeMidBody(let declared, let sent, let reset):
                _ = sendAll(fd, head(status: 200, headers: [Header("Content-Length", String(declared))]) + sent)
                // Give the client time to read what was sent before the RST discards it.
                _ = sleepUnlessStopped(.milliseconds(50))
                closeWithReset = reset
                return
            case .huge(let count, let chunked):
                let lengthHeader = chunked ? Header("Transfer-Encoding", "chunked") : Header("Content-Length", String(count))
                guard sendAll(fd, head(status: 200, headers: [lengthHeader])) else { return }
                let block = [UInt8](repeating: UInt8(ascii: "x"), count: 64 * 1024)
                var remaining = count
                while remaining > 0, !isStopping {
                    let size = min(remaining, block.count)
                    var piece = Array(block[0..<size])
                    if chunked { piece = Array((String(size, radix: 16) + "\r\n").utf8) + piece + Array("\r\n".utf8) }
                    guard sendAll(fd, piece) else { return }
                    remaining -= size
                }
                if chunked { guard sendAll(fd, Array("0\r\n\r\n".utf8)) else { return } }
            case .closeWithoutResponse:
                return
            }
            if request.header("Connection")?.lowercased() == "close" { return }
        }
    }

    private func head(status: Int, headers: [Header]) -> [UInt8] {
        var text = "HTTP/1.1 \(status) \(Self.reason(status))\r\n"
        for header in headers { text += "\(header.name): \(header.value)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 302: return "Found"
        case 404: return "Not Found"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }

    /// Reads one request (head and `Content-Length` body); nil when the client closed or the server stops.
    private func readRequest(_ fd: Int32, buffer: inout [UInt8], connection: Int) -> Request? {
        let terminator: [UInt8] = [13, 10, 13, 10]
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: terminator)?.lowerBound
            if headEnd == nil { guard receive(fd, into: &buffer) else { return nil } }
        }
        guard let end = headEnd else { return nil }
        let time = ContinuousClock.now
        let headText = String(decoding: buffer[0..<end], as: UTF8.self)
        buffer.removeSubrange(0..<(end + 4))
        var lines = headText.split(separator: "\r\n", omittingEmptySubsequences: false)
        let requestLine = lines.removeFirst().split(separator: " ")
        guard requestLine.count >= 2 else { return nil }
        var headers: [Header] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers.append(Header(String(line[..<colon]), String(value)))
        }
        let length = headers.first { $0.name.lowercased() == "content-length" }.flatMap { Int($0.value) } ?? 0
        if headers.contains(where: { $0.name.lowercased() == "expect" && $0.value.lowercased() == "100-continue" }) {
            guard sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return nil }
        }
        while buffer.count < length {
            guard receive(fd, into: &buffer) else { return nil }
        }
        let body = Array(buffer[0..<length])
        buffer.removeSubrange(0..<length)
        let target = String(requestLine[1])
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return Request(
            method: String(requestLine[0]), path: String(parts[0]), query: parts.count > 1 ? String(parts[1]) : "",
            headers: headers, body: body, time: time, connection: connection
        )
    }

    /// Appends what arrives within ~50 ms; false when the peer closed, on error, or when stopping.
    private func receive(_ fd: Int32, into buffer: inout [UInt8]) -> Bool {
        while !isStopping {
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 50)
            if ready < 0 { return false }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 64 * 1024)
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    /// Waits ~50 ms; true when the client closed its side (EOF or error).
    private func peerClosed(_ fd: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, 50) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_PEEK)) <= 0
    }

    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            if isStopping { return false }
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    private func sleepUnlessStopped(_ duration: Duration) -> Bool {
        let deadline = ContinuousClock.now + duration
        while ContinuousClock.now < deadline {
            if isStopping { return false }
            usleep(20_000)
        }
        return !isStopping
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then closed).
    public static func closedPort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// `a=1&b=x+y%2F` → `[("a", "1"), ("b", "x y/")]`.
private func decodeForm(_ text: String) -> [(String, String)] {
    text.split(separator: "&").map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return (percentDecode(parts[0]), parts.count > 1 ? percentDecode(parts[1]) : "")
    }
}

private func percentDecode(_ text: Substring) -> String {
    var bytes: [UInt8] = []
    var iterator = Array(text.utf8).makeIterator()
    while let byte = iterator.next() {
        switch byte {
        case UInt8(ascii: "+"): bytes.append(0x20)
        case UInt8(ascii: "%"):
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { continue }
            bytes.append(value)
        default: bytes.append(byte)
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

private final class ThreadBody: Sendable {
    let run: @Sendable () -> Void
    init(_ run: @escaping @Sendable () -> Void) {
        self.run = run
    }
}
