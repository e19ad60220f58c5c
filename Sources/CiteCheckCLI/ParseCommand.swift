import ArgumentParser
import CiteCheck
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `citecheck parse`: split references into fields and print them.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse references into fields (authors, title, journal, year, volume, issue, pages, identifiers)."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    @Option(name: .long, help: ArgumentHelp("Read one reference per non-empty line from FILE ('-' for standard input).", valueName: "FILE"))
    var lines: String?

    @Option(name: .long, help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Argument(help: "Posts to read (Markdown, HTML or text).")
    var files: [String] = []

    func validate() throws {
        if lines == nil && files.isEmpty {
            throw ValidationError("Give --lines FILE (one reference per line) or a post to read.")
        }
    }

    func run() throws {
        guard let path = lines else {
            // The post reader lands on another branch; the lead wires `files` to it.
            throw ValidationError("Reading posts is not wired yet on this branch; use --lines FILE.")
        }
        try ReferenceLinesRunner(path: path, format: format).run()
    }
}

/// Streams a one-reference-per-line file through the parser, writing each result as it goes.
struct ReferenceLinesRunner {
    let path: String
    let format: ParseCommand.Format

    func run() throws {
        let input: UnsafeMutablePointer<FILE>?
        if path == "-" {
            input = fdopen(0, "rb")
        } else {
            input = fopen(path, "rb")
        }
        guard let file = input else {
            throw ValidationError("Cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { if path != "-" { fclose(file) } }

        let parser = ReferenceParser()
        var out: [UInt8] = []
        out.reserveCapacity(1 << 17)
        var linePointer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        var lineNumber = 0
        var written = 0
        defer { free(linePointer) }

        if format == .json {
            out.append(contentsOf: Array("{\"files\":[{\"path\":".utf8))
            ReferenceJSON.string(path, &out)
            out.append(contentsOf: Array(",\"references\":[".utf8))
        }
        while true {
            let length = getline(&linePointer, &capacity, file)
            if length < 0 { break }
            lineNumber += 1
            guard let raw = linePointer else { continue }
            var count = length
            let text: String = raw.withMemoryRebound(to: UInt8.self, capacity: count) { bytes in
                while count > 0, bytes[count - 1] == 0x0A || bytes[count - 1] == 0x0D { count -= 1 }
                return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
            }
            if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            let ref = parser.parse(text)
            switch format {
            case .jsonl:
                ReferenceJSON.append(ref, line: lineNumber, to: &out)
                out.append(0x0A)
            case .json:
                if written > 0 { out.append(UInt8(ascii: ",")) }
                ReferenceJSON.append(ref, line: lineNumber, to: &out)
            case .text:
                out.append(contentsOf: Array(ReferenceText.describe(ref, line: lineNumber).utf8))
            }
            written += 1
            if out.count >= 1 << 16 { flush(&out) }
        }
        if format == .json { out.append(contentsOf: Array("]}]}\n".utf8)) }
        flush(&out)
    }

    private func flush(_ out: inout [UInt8]) {
        out.withUnsafeBufferPointer { p in
            guard var base = p.baseAddress else { return }
            var left = p.count
            while left > 0 {
                let n = write(1, base, left)
                if n <= 0 { if errno == EINTR { continue }; return }
                left -= n
                base += n
            }
        }
        out.removeAll(keepingCapacity: true)
    }
}

/// The human-readable listing of one parsed reference.
enum ReferenceText {
    static func describe(_ ref: ParsedReference, line: Int) -> String {
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
        for note in ref.notes { field("note", "\(note.kind.rawValue): \(note.text)") }
        field("unparsed", ref.unparsed)
        return s + "\n"
    }
}
