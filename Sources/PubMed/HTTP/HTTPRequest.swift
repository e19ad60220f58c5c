/// An HTTP request method supported by ``HTTPTransport``.
public enum HTTPMethod: String, Sendable, Hashable {
    case get = "GET"
    case post = "POST"
}

/// One header line (`name: value`), in the order it was sent or received.
public struct HTTPHeader: Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An HTTP request: plain data, so it can be recorded, compared and replayed.
public struct HTTPRequest: Sendable, Hashable {
    public var method: HTTPMethod
    /// Absolute `http://` or `https://` URL, query string included and already percent-encoded.
    public var url: String
    /// Extra headers; the transport adds `User-Agent`, `Accept-Encoding` and, for a body, `Content-Type`.
    public var headers: [HTTPHeader]
    /// Request body (POST only).
    public var body: [UInt8]
    /// `Content-Type` of `body`.
    public var contentType: String?

    public init(method: HTTPMethod, url: String, headers: [HTTPHeader] = [], body: [UInt8] = [], contentType: String? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.contentType = contentType
    }

    /// A GET of `url`.
    public static func get(_ url: String, headers: [HTTPHeader] = []) -> HTTPRequest {
        HTTPRequest(method: .get, url: url, headers: headers)
    }

    /// A POST of `fields` as an `application/x-www-form-urlencoded` body.
    public static func postForm(_ url: String, fields: [(String, String)], headers: [HTTPHeader] = []) -> HTTPRequest {
        HTTPRequest(
            method: .post, url: url, headers: headers,
            body: Array(FormEncoding.encode(fields).utf8),
            contentType: "application/x-www-form-urlencoded"
        )
    }
}

/// `application/x-www-form-urlencoded` / query-string encoding.
public enum FormEncoding {
    /// Percent-encodes every byte of `value` except the RFC 3986 unreserved characters.
    public static func percentEncode(_ value: String) -> String {
        var out = ""
        out.reserveCapacity(value.utf8.count)
        let hex: [Character] = Array("0123456789ABCDEF")
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
        return out
    }

    /// `name=value&name=value`, each side form-encoded.
    public static func encode(_ fields: [(String, String)]) -> String {
        fields.map { formEncode($0.0) + "=" + formEncode($0.1) }.joined(separator: "&")
    }

    /// `application/x-www-form-urlencoded`: like ``percentEncode(_:)`` but a space becomes `+` (shorter URLs).
    public static func formEncode(_ value: String) -> String {
        percentEncode(value).replacing("%20", with: "+")
    }

    /// Decodes `name=value&…` (`+` as space); malformed escapes are kept as written.
    public static func decode(_ encoded: String) -> [(String, String)] {
        guard !encoded.isEmpty else { return [] }
        return encoded.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(parts[0]))
            let value = parts.count > 1 ? percentDecode(String(parts[1])) : ""
            return (name, value)
        }
    }

    /// Decodes `%XX` escapes and `+`; an invalid escape is kept literally.
    public static func percentDecode(_ value: String) -> String {
        let bytes = Array(value.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 2
            } else {
                out.append(byte)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
