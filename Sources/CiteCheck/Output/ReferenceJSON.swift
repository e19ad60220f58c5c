/// Hand-written JSON for parsed references: fast enough to stream hundreds of thousands per second.
///
/// Keys: `line`, `authors` (`[{"family","given"}]`, plus `suffix`/`group` when set), `etAl`, `title`,
/// `titleQuoted`, `journal`, `year`, `month`, `epubYear`, `volume`, `issue`, `supplement`,
/// `pages` (`{"first","last","lastAsWritten"}`), `doi`, `pmid`, `pmcid`, `url`, `style`, `kind` (``EntryKind``),
/// `notes`, `unparsed`; then, only when set, `malformedDOI`, `doiSuggestion` and `garbled` (`[[start, end]]`, UTF-8
/// byte offsets into the text).
/// Missing fields are `null`.
public enum ReferenceJSON {
    /// Appends one JSON object for `ref` (no trailing newline) to `out`.
    public static func append(_ ref: ParsedReference, line: Int? = nil, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        if let line {
            key("line", &out, first: true)
            int(line, &out)
            key("authors", &out)
        } else {
            key("authors", &out, first: true)
        }
        out.append(UInt8(ascii: "["))
        for (i, a) in ref.authors.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("family", &out, first: true)
            string(a.family, &out)
            key("given", &out)
            string(a.given, &out)
            if let s = a.suffix {
                key("suffix", &out)
                string(s, &out)
            }
            if a.isGroup {
                key("group", &out)
                literal("true", &out)
            }
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key("etAl", &out)
        literal(ref.etAl ? "true" : "false", &out)
        key("title", &out)
        optional(ref.title, &out)
        key("titleQuoted", &out)
        literal(ref.titleQuoted ? "true" : "false", &out)
        key("journal", &out)
        optional(ref.journal, &out)
        key("year", &out)
        optionalInt(ref.year, &out)
        key("month", &out)
        optional(ref.month, &out)
        key("epubYear", &out)
        optionalInt(ref.epubYear, &out)
        key("volume", &out)
        optional(ref.volume, &out)
        key("issue", &out)
        optional(ref.issue, &out)
        key("supplement", &out)
        optional(ref.supplement, &out)
        key("pages", &out)
        if let p = ref.pages {
            out.append(UInt8(ascii: "{"))
            key("first", &out, first: true)
            string(p.first, &out)
            key("last", &out)
            optional(p.last, &out)
            key("lastAsWritten", &out)
            optional(p.lastAsWritten, &out)
            out.append(UInt8(ascii: "}"))
        } else {
            literal("null", &out)
        }
        key("doi", &out)
        optional(ref.doi, &out)
        key("pmid", &out)
        optional(ref.pmid, &out)
        key("pmcid", &out)
        optional(ref.pmcid, &out)
        key("url", &out)
        optional(ref.url, &out)
        key("style", &out)
        string(ref.style.rawValue, &out)
        key("kind", &out)
        string(ref.kind.rawValue, &out)
        key("notes", &out)
        out.append(UInt8(ascii: "["))
        for (i, note) in ref.notes.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            key("kind", &out, first: true)
            string(note.kind.rawValue, &out)
            key("text", &out)
            string(note.text, &out)
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "]"))
        key("unparsed", &out)
        optional(ref.unparsed, &out)
        if let m = ref.malformedDOI {
            key("malformedDOI", &out)
            string(m, &out)
        }
        if let d = ref.doiSuggestion {
            key("doiSuggestion", &out)
            string(d, &out)
        }
        if !ref.garbledCharacters.isEmpty {
            key("garbled", &out)
            out.append(UInt8(ascii: "["))
            for (i, r) in ref.garbledCharacters.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "["))
                int(r.lowerBound, &out)
                out.append(UInt8(ascii: ","))
                int(r.upperBound, &out)
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The same keys and values as ``append(_:line:to:)`` (without `line`), as ``JSONValue`` members for the
    /// reporters, which print them inside larger documents.
    public static func fields(_ ref: ParsedReference) -> [(String, JSONValue)] {
        let authors = ref.authors.map { author -> JSONValue in
            var members: [(String, JSONValue)] = [("family", .string(author.family)), ("given", .string(author.given))]
            if let suffix = author.suffix { members.append(("suffix", .string(suffix))) }
            if author.isGroup { members.append(("group", .bool(true))) }
            return .object(members)
        }
        let pages: JSONValue =
            ref.pages.map { pages in
                .object([("first", .string(pages.first)), ("last", .optional(pages.last)), ("lastAsWritten", .optional(pages.lastAsWritten))])
            } ?? .null
        var members: [(String, JSONValue)] = [
            ("authors", .array(authors)), ("etAl", .bool(ref.etAl)), ("title", .optional(ref.title)),
            ("titleQuoted", .bool(ref.titleQuoted)), ("journal", .optional(ref.journal)), ("year", .optional(ref.year)),
            ("month", .optional(ref.month)), ("epubYear", .optional(ref.epubYear)), ("volume", .optional(ref.volume)),
            ("issue", .optional(ref.issue)), ("supplement", .optional(ref.supplement)), ("pages", pages),
            ("doi", .optional(ref.doi)), ("pmid", .optional(ref.pmid)), ("pmcid", .optional(ref.pmcid)),
            ("url", .optional(ref.url)), ("style", .string(ref.style.rawValue)),
        ]
        members.append(("kind", .string(ref.kind.rawValue)))
        members += [
            ("notes", .array(ref.notes.map { .object([("kind", .string($0.kind.rawValue)), ("text", .string($0.text))]) })),
            ("unparsed", .optional(ref.unparsed)),
        ]
        if let m = ref.malformedDOI { members.append(("malformedDOI", .string(m))) }
        if let d = ref.doiSuggestion { members.append(("doiSuggestion", .string(d))) }
        if !ref.garbledCharacters.isEmpty {
            members.append(("garbled", .array(ref.garbledCharacters.map { .array([.int($0.lowerBound), .int($0.upperBound)]) })))
        }
        return members
    }

    /// One JSON object for `ref` as a string.
    public static func object(_ ref: ParsedReference, line: Int? = nil) -> String {
        var out: [UInt8] = []
        append(ref, line: line, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `s` as a JSON string literal (quotes, backslashes and control characters escaped).
    public static func string(_ s: String, _ out: inout [UInt8]) {
        out.append(0x22)
        var copy = s
        let clean = copy.withUTF8 { bytes -> Bool in
            for c in bytes where c < 0x20 || c == 0x22 || c == 0x5C { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if clean {
            out.append(0x22)
            return
        }
        for c in s.utf8 {
            switch c {
            case 0x22:
                out.append(0x5C)
                out.append(0x22)
            case 0x5C:
                out.append(0x5C)
                out.append(0x5C)
            case 0x0A:
                out.append(0x5C)
                out.append(0x6E)
            case 0x0D:
                out.append(0x5C)
                out.append(0x72)
            case 0x09:
                out.append(0x5C)
                out.append(0x74)
            case 0x00..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 0xF)]])
            default: out.append(c)
            }
        }
        out.append(0x22)
    }

    private static func key(_ k: StaticString, _ out: inout [UInt8], first: Bool = false) {
        if !first { out.append(UInt8(ascii: ",")) }
        out.append(0x22)
        out.append(contentsOf: UnsafeBufferPointer(start: k.utf8Start, count: k.utf8CodeUnitCount))
        out.append(0x22)
        out.append(UInt8(ascii: ":"))
    }

    private static func literal(_ s: StaticString, _ out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }

    private static func optional(_ s: String?, _ out: inout [UInt8]) {
        if let s { string(s, &out) } else { literal("null", &out) }
    }

    private static func optionalInt(_ v: Int?, _ out: inout [UInt8]) {
        if let v { int(v, &out) } else { literal("null", &out) }
    }

    static func int(_ v: Int, _ out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var m = v.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(m % 10) + 0x30
                m /= 10
                count += 1
            } while m > 0
            while count > 0 {
                count -= 1
                out.append(d[count])
            }
        }
    }
}
