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

    typealias Format = ReferenceStream.Format

    @Option(name: .long, help: ArgumentHelp("Read one reference per non-empty line from FILE ('-' for standard input).", valueName: "FILE"))
    var lines: String?

    @Option(name: .long, help: "Output format: text, json or jsonl.")
    var format: Format = .text

    @Option(name: .customLong("input-format"), help: "Read every post as text, markdown or html, whatever its extension.")
    var inputFormat: InputFormat?

    @Argument(help: "Posts to read (Markdown, HTML or text).")
    var files: [String] = []

    @OptionGroup(title: "Limits")
    var limits: LimitOptions

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
        try PostReferencesRunner(paths: InputFiles.expand(files), format: format, inputFormat: inputFormat, limits: limits).run()
    }
}

extension ReferenceStream.Format: ExpressibleByArgument {}

/// Standard output, unbuffered: `ReferenceStream` already writes in 64 KiB chunks.
private func writeToStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { ProcessIO.writeAll($0, to: 1) }
}

/// Streams a one-reference-per-line file (`-`: standard input) through the parser, writing each result as it goes.
struct ReferenceLinesRunner {
    let path: String
    let format: ParseCommand.Format

    func run() throws {
        let input: UnsafeMutablePointer<FILE>? = path == "-" ? fdopen(0, "rb") : fopen(path, "rb")
        guard let file = input else {
            throw ValidationError("Cannot open \(path): \(String(cString: strerror(errno)))")
        }
        defer { if path != "-" { fclose(file) } }

        let parser = ReferenceParser()
        var stream = ReferenceStream(format: format, sink: writeToStandardOutput)
        var linePointer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        var lineNumber = 0
        defer { free(linePointer) }
        // Lines are parsed in batches on every core; a batch is small enough that output starts at once.
        var batch: [(text: String, line: Int)] = []
        let batchSize = 4096
        batch.reserveCapacity(batchSize)
        stream.beginFile(path)
        while true {
            let length = getline(&linePointer, &capacity, file)
            guard length >= 0 else { break }
            lineNumber += 1
            guard let raw = linePointer else { continue }
            // By length, not up to a NUL: a stray NUL byte must not cut the line short.
            let text = raw.withMemoryRebound(to: UInt8.self, capacity: length) {
                String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
            }.trimmingLineEnd()
            if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            batch.append((text, lineNumber))
            if batch.count == batchSize {
                stream.write(parsing: batch, with: parser)
                batch.removeAll(keepingCapacity: true)
            }
        }
        stream.write(parsing: batch, with: parser)
        stream.endFile()
        stream.finish()
    }
}

/// Finds the reference list of each post and prints its parsed entries.
struct PostReferencesRunner {
    let paths: [String]
    let format: ParseCommand.Format
    let inputFormat: InputFormat?
    let limits: LimitOptions

    func run() throws {
        var stream = ReferenceStream(format: format, sink: writeToStandardOutput)
        var failed = false
        for path in paths {
            // The post's configuration supplies extra list headings and limits; a bad one is `check`'s to report.
            let configured = (try? ConfigurationLoader.configuration(forPost: path, explicitPath: nil)) ?? .default
            let references: [Reference]
            do {
                let (configuration, source) = try limits.load(path, configuration: configured)
                references = try Checker.references(source: source, format: inputFormat ?? InputFiles.format(of: path), configuration: configuration)
            } catch {
                printError("citecheck: \(error)")
                failed = true
                continue
            }
            stream.beginFile(path, count: references.count)
            for reference in references {
                let label = reference.entry.label.map { "\($0) " } ?? ""
                stream.write(reference.parsed, line: reference.entry.range.start.line, heading: "\(label)\(path):\(reference.entry.range.start)")
            }
            stream.endFile()
        }
        stream.finish()
        if failed { throw RunExit(status: ExitStatus.usageError) }
    }
}

extension String {
    /// Without the trailing `\n` / `\r\n` of a line read by `getline`.
    fileprivate func trimmingLineEnd() -> String {
        // By UTF-8 bytes: a line break is ASCII, and Character-wise trimming cost 8% of `parse --lines`.
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x0A || utf8[before] == 0x0D else { break }
            end = before
        }
        return end == utf8.endIndex ? self : String(self[..<end])
    }
}
