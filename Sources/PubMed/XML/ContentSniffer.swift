/// Looks at the first bytes of an answer to tell XML from the things NCBI sends when something goes wrong:
/// an HTML error page, a JSON error object, plain text, or nothing at all.
enum ContentSniffer {
    /// How many leading bytes `check` needs to see.
    static let prefixLength = 4096

    /// Throws `PubMedXMLError.empty` or `.notXML` (JSON errors become `.ncbiError`) when `prefix` does not start an
    /// XML document; returns normally when it may be XML.
    static func check(_ prefix: ArraySlice<UInt8>) throws {
        var start = prefix.startIndex
        if prefix.count >= 3, prefix[start] == 0xEF, prefix[start + 1] == 0xBB, prefix[start + 2] == 0xBF {
            start += 3
        }
        while start < prefix.endIndex, isSpace(prefix[start]) {
            start += 1
        }
        guard start < prefix.endIndex else {
            throw PubMedXMLError.empty
        }
        let body = prefix[start...]
        switch body[start] {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            if let message = jsonErrorMessage(body) {
                throw PubMedXMLError.ncbiError(message)
            }
            throw PubMedXMLError.notXML(kind: .json, detail: excerpt(body))
        case UInt8(ascii: "<"):
            if looksLikeHTML(body) {
                throw PubMedXMLError.notXML(kind: .html, detail: htmlTitle(body) ?? "")
            }
        default:
            throw PubMedXMLError.notXML(kind: .text, detail: excerpt(body))
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Lower-cased ASCII text of some bytes (other bytes kept as they decode).
    static func lowercased(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { ($0 >= 0x41 && $0 <= 0x5A) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    /// An HTML page starts with `<!DOCTYPE html` or `<html`, possibly after an XML declaration or comments.
    static func looksLikeHTML(_ body: ArraySlice<UInt8>) -> Bool {
        let text = lowercased(body.prefix(1024))
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0.isWhitespace }
            if rest.hasPrefix("<?") || rest.hasPrefix("<!--") {
                let terminator = rest.hasPrefix("<?") ? "?>" : "-->"
                guard let end = rest.firstRange(of: terminator) else { return false }
                rest = rest[end.upperBound...]
                continue
            }
            return rest.hasPrefix("<!doctype html") || rest.hasPrefix("<html") || rest.hasPrefix("<head") || rest.hasPrefix("<body")
        }
    }

    /// The text of the first `<title>` element, whitespace collapsed, at most 120 characters.
    static func htmlTitle(_ body: ArraySlice<UInt8>) -> String? {
        let raw = String(decoding: body, as: UTF8.self)
        let lower = lowercased(body)
        guard let open = lower.firstRange(of: "<title"), let close = lower[open.upperBound...].firstRange(of: "</title>"),
            let gt = lower[open.upperBound..<close.lowerBound].firstRange(of: ">")
        else { return nil }
        // Lower-casing ASCII keeps UTF-8 offsets, so the same offsets index the raw text.
        let from = lower.utf8.distance(from: lower.startIndex, to: gt.upperBound)
        let to = lower.utf8.distance(from: lower.startIndex, to: close.lowerBound)
        let utf8 = Array(raw.utf8)
        guard from <= to, to <= utf8.count else { return nil }
        let title = TextNormalizer.collapse(String(decoding: utf8[from..<to], as: UTF8.self))
        return title.isEmpty ? nil : String(title.prefix(120))
    }

    /// The value of a top-level `"error"` (or `"ERROR"`) string member, read without a JSON parser.
    static func jsonErrorMessage(_ body: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: body, as: UTF8.self)
        for key in ["\"error\"", "\"ERROR\""] {
            guard let keyRange = text.firstRange(of: key) else { continue }
            var index = keyRange.upperBound
            while index < text.endIndex, text[index].isWhitespace || text[index] == ":" { index = text.index(after: index) }
            guard index < text.endIndex, text[index] == "\"" else { continue }
            var message = ""
            var cursor = text.index(after: index)
            var escaped = false
            while cursor < text.endIndex {
                let character = text[cursor]
                if escaped {
                    message.append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    return String(TextNormalizer.collapse(message).prefix(200))
                } else {
                    message.append(character)
                }
                cursor = text.index(after: cursor)
            }
        }
        return nil
    }

    /// The first line of a body, at most 80 characters.
    static func excerpt(_ body: ArraySlice<UInt8>) -> String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        let firstLine = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        return String(TextNormalizer.collapse(firstLine).prefix(80))
    }
}
