/// Writes parsed references the way `citecheck parse` prints them, as they come, in bounded memory:
///
/// - `text`: a block per reference (``ReferenceText``), under a `path: N references` line per post;
/// - `json`: `{"files": [{"path", "references": [...]}]}`, one object per reference (``ReferenceJSON``);
/// - `jsonl`: one reference object per line.
///
/// Output goes to `sink` in chunks of about 64 KiB; call ``finish()`` at the end.
public struct ReferenceStream {
    public enum Format: String, CaseIterable, Sendable {
        case text, json, jsonl
    }

    public let format: Format
    private let sink: ([UInt8]) -> Void
    private var buffer: [UInt8] = []
    private var files = 0
    private var referencesInFile = 0

    public init(format: Format, sink: @escaping ([UInt8]) -> Void) {
        self.format = format
        self.sink = sink
        buffer.reserveCapacity(1 << 17)
    }

    /// Starts the references of `path`; `count`, when known, heads them in text output.
    public mutating func beginFile(_ path: String, count: Int? = nil) {
        switch format {
        case .json:
            append(files == 0 ? "{\"files\":[" : ",")
            append("{\"path\":")
            ReferenceJSON.string(path, &buffer)
            append(",\"references\":[")
        case .text:
            if let count { append("\(path): \(count) reference\(count == 1 ? "" : "s")\n\n") }
        case .jsonl:
            break
        }
        files += 1
        referencesInFile = 0
    }

    /// One reference, from `line` of its file; `heading` (text output) is printed above it.
    public mutating func write(_ reference: ParsedReference, line: Int, heading: String? = nil) {
        switch format {
        case .jsonl:
            ReferenceJSON.append(reference, line: line, to: &buffer)
            buffer.append(0x0A)
        case .json:
            if referencesInFile > 0 { buffer.append(UInt8(ascii: ",")) }
            ReferenceJSON.append(reference, line: line, to: &buffer)
        case .text:
            if let heading { append(heading + "\n") }
            append(ReferenceText.describe(reference, line: line))
        }
        referencesInFile += 1
        if buffer.count >= 1 << 16 { flush() }
    }

    /// References one per line (`text` from `line` of the file), parsed and, for JSON Lines, formatted on every
    /// core in slices, then written in their order: `citecheck parse --lines` over a large file.
    public mutating func write(parsing lines: [(text: String, line: Int)], with parser: ReferenceParser) {
        let sliceCount = Swift.min(lines.count, 64)
        guard sliceCount > 1 else {
            for item in lines { write(parser.parse(item.text), line: item.line) }
            return
        }
        let sliceSize = (lines.count + sliceCount - 1) / sliceCount
        let slices = stride(from: 0, to: lines.count, by: sliceSize).map { Array(lines[$0..<Swift.min($0 + sliceSize, lines.count)]) }
        if format == .jsonl {
            let rendered = slices.concurrentMap { slice -> [UInt8] in
                var bytes: [UInt8] = []
                bytes.reserveCapacity(slice.count * 512)
                for item in slice {
                    ReferenceJSON.append(parser.parse(item.text), line: item.line, to: &bytes)
                    bytes.append(0x0A)
                }
                return bytes
            }
            for (slice, bytes) in zip(slices, rendered) {
                buffer.append(contentsOf: bytes)
                referencesInFile += slice.count
                if buffer.count >= 1 << 16 { flush() }
            }
            return
        }
        let parsed = slices.concurrentMap { slice in slice.map { parser.parse($0.text) } }
        for (slice, references) in zip(slices, parsed) {
            for (item, reference) in zip(slice, references) { write(reference, line: item.line) }
        }
    }

    /// Ends the references of the current file.
    public mutating func endFile() {
        if format == .json { append("]}") }
    }

    /// Closes the document and hands over what is left.
    public mutating func finish() {
        if format == .json { append(files == 0 ? "{\"files\":[]}\n" : "]}\n") }
        flush()
    }

    private mutating func append(_ text: String) {
        buffer.append(contentsOf: text.utf8)
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        sink(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

/// The human-readable listing of one parsed reference (`citecheck parse --format text`).
public enum ReferenceText {
    public static func describe(_ ref: ParsedReference, line: Int) -> String {
        var s = "line \(line) [\(ref.style.rawValue)]\n"
        if !ref.authors.isEmpty || ref.etAl {
            var names = ref.authors.map { a in
                var n = a.given.isEmpty ? a.family : "\(a.family), \(a.given)"
                if let sfx = a.suffix { n += ", \(sfx)" }
                return n
            }
            if ref.etAl { names.append("et al.") }
            s += "  authors:  \(names.joined(separator: "; "))\n"
        }
        func field(_ name: String, _ value: String?) {
            if let value { s += "  \(name):\(String(repeating: " ", count: max(1, 9 - name.count)))\(value)\n" }
        }
        if ref.kind != .article { field("kind", ref.kind.rawValue) }
        field("title", ref.title.map { ref.titleQuoted ? "\"\($0)\"" : $0 })
        field("journal", ref.journal)
        field("year", ref.year.map(String.init))
        field("month", ref.month)
        field("epub", ref.epubYear.map(String.init))
        field("volume", ref.volume)
        field("issue", ref.issue)
        field("suppl", ref.supplement)
        field("pages", ref.pages.map { p in p.last.map { "\(p.first)-\($0)" } ?? p.first })
        field("doi", ref.doi)
        field("pmid", ref.pmid)
        field("pmcid", ref.pmcid)
        field("url", ref.url)
        field("bad doi", ref.malformedDOI.map { m in ref.doiSuggestion.map { "\(m) (likely \($0))" } ?? m })
        if !ref.garbledCharacters.isEmpty { field("garbled", "\(ref.garbledCharacters.count) character\(ref.garbledCharacters.count == 1 ? "" : "s")") }
        for note in ref.notes { field("note", "\(note.kind.rawValue): \(note.text)") }
        field("unparsed", ref.unparsed)
        return s + "\n"
    }
}
