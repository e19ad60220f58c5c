import ArgumentParser
import CiteCheck
import Foundation
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

    @Option(name: .customLong("input-format"), help: "Read every post as text, markdown or html, whatever its extension.")
    var inputFormat: InputFormat?

    @Argument(help: "Posts to read (Markdown, HTML or text).")
    var files: [String] = []

    func validate() throws {
        if lines == nil && files.isEmpty {
            throw ValidationError("Give --lines FILE (one reference per line) or a post to read.")
        }
    }

    func run() throws {
        if let path = lines {
            try ReferenceLinesRunner(path: path, format: format).run()
            return
        }
        try PostReferencesRunner(paths: InputFiles.expand(files), format: format, inputFormat: inputFormat).run()
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

/// Finds the reference list of each post and prints its parsed entries.
struct PostReferencesRunner {
    let paths: [String]
    let format: ParseCommand.Format
    let inputFormat: InputFormat?

    func run() throws {
        let parser = ReferenceParser()
        var out: [UInt8] = []
        var failed = false
        if format == .json { out.append(contentsOf: Array("{\"files\":[".utf8)) }
        var firstFile = true
        for path in paths {
            let source: SourceFile
            do {
                source = try InputFiles.load(path)
            } catch {
                printError("citecheck: \(error)")
                failed = true
                continue
            }
            let document = DocumentReader.read(source, format: inputFormat ?? InputFiles.format(of: path))
            let entries = ReferenceListFinder().find(in: document)?.entries ?? []
            if format == .json {
                if !firstFile { out.append(UInt8(ascii: ",")) }
                out.append(contentsOf: Array("{\"path\":".utf8))
                ReferenceJSON.string(path, &out)
                out.append(contentsOf: Array(",\"references\":[".utf8))
            } else if format == .text {
                out.append(contentsOf: Array("\(path): \(entries.count) references\n\n".utf8))
            }
            firstFile = false
            for (position, entry) in entries.enumerated() {
                let parsed = parser.parse(entry.text)
                let line = entry.range.start.line
                switch format {
                case .jsonl:
                    ReferenceJSON.append(parsed, line: line, to: &out)
                    out.append(0x0A)
                case .json:
                    if position > 0 { out.append(UInt8(ascii: ",")) }
                    ReferenceJSON.append(parsed, line: line, to: &out)
                case .text:
                    let label = entry.label.map { "\($0) " } ?? ""
                    out.append(contentsOf: Array("\(label)\(path):\(entry.range.start)\n".utf8))
                    out.append(contentsOf: Array(ReferenceText.describe(parsed, line: line).utf8))
                }
            }
            if format == .json { out.append(contentsOf: Array("]}".utf8)) }
        }
        if format == .json { out.append(contentsOf: Array("]}\n".utf8)) }
        FileHandle.standardOutput.write(Data(out))
        if failed { throw RunExit(status: ExitStatus.usageError) }
    }
}
