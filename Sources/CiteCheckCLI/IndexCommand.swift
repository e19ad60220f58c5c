import ArgumentParser
import CiteCheck
import Foundation
import PubMed
import PubMedIndex

/// `citecheck index build|update|info|download`: a local PubMed on disk, built from NLM's MEDLINE files.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Build, update, inspect or download a local PubMed index (one SQLite file) from MEDLINE files.",
        discussion:
            "Use it with `citecheck check --index INDEX`, `index = \"…\"` in .citecheck.toml, or at $XDG_DATA_HOME/citecheck/pubmed.sqlite. Exit codes: 0 done, 2 bad input or unusable index.",
        subcommands: [Build.self, Update.self, Info.self, Download.self]
    )

    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index MEDLINE baseline (or update) files, .xml or .xml.gz; files already in the index are skipped, so an interrupted build resumes."
        )
        @Argument(help: "The index file (created when missing).") var index: String
        @Argument(help: "MEDLINE files or folders, applied in file-name order.") var files: [String]
        @Flag(name: [.short, .long], help: "Print nothing but errors.") var quiet = false

        func run() throws {
            try IndexCommand.apply(files, to: index, create: true, quiet: quiet)
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply MEDLINE update files to an existing index, in file-name order: revised records replace the old, DeleteCitation removes."
        )
        @Argument(help: "An existing index file.") var index: String
        @Argument(help: "MEDLINE update files or folders.") var files: [String]
        @Flag(name: [.short, .long], help: "Print nothing but errors.") var quiet = false

        func run() throws {
            try IndexCommand.apply(files, to: index, create: false, quiet: quiet)
        }
    }

    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print an index's records, files, last file and size.")
        @Argument(help: "The index file.") var index: String

        func run() throws {
            let info = try IndexCommand.orExit { try MedlineIndex(path: index).info() }
            var lines = [
                "index:     \(index)",
                "records:   \(info.records)",
                "files:     \(info.files)",
                "last file: \(info.lastFile.map { "\($0) (applied \(info.lastApplied ?? "?"))" } ?? "none")",
                "size:      \(info.bytes) bytes (\(String(format: "%.1f", Double(info.bytes) / 1_048_576)) MiB)",
            ]
            lines.append("state:     " + (info.isComplete ? info.state : "incomplete: a build or update stopped before its last file; run it again to finish"))
            print(lines.joined(separator: "\n"))
        }
    }

    struct Download: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Download NLM's MEDLINE baseline or update files into a folder, verifying each against its .md5 and resuming partial downloads."
        )
        @Flag(help: "The annual baseline files.") var baseline = false
        @Flag(help: "The daily update files.") var updates = false
        @Argument(help: "The folder to download into.") var directory: String
        @Option(help: "Only the first N files of the listing.") var limit: Int?
        @Option(name: .customLong("url"), help: "Where NLM's pubmed folder is.") var baseURL = MedlineDownloader.defaultBaseURL
        @Option(help: "Seconds one request may take.") var timeout = 600
        @Flag(name: [.short, .long], help: "Print nothing but errors.") var quiet = false

        func validate() throws {
            if baseline == updates { throw ValidationError("Give exactly one of --baseline and --updates.") }
            if let limit, limit <= 0 { throw ValidationError("--limit must be positive.") }
            if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
        }

        func run() throws {
            let transport = CurlHTTPClient(
                configuration: CurlHTTPClient.Configuration(
                    connectTimeout: .seconds(min(30, timeout)), totalTimeout: .seconds(timeout), lowSpeedLimit: 1000, lowSpeedTime: 60,
                    maxResponseBytes: 64 << 20
                ))
            let downloader = MedlineDownloader(transport: transport, baseURL: baseURL)
            let results = try IndexCommand.orExit {
                try downloader.download(baseline ? .baseline : .updates, into: directory, limit: limit) { result in
                    guard !quiet else { return }
                    let how = result.skipped ? "already here" : result.resumedFrom > 0 ? "resumed at \(result.resumedFrom) bytes" : "downloaded"
                    print("\(result.name): \(result.bytes) bytes, MD5 verified, \(how)")
                }
            }
            if !quiet { print("\(results.count) file\(results.count == 1 ? "" : "s") in \(directory)") }
        }
    }

    static func apply(_ files: [String], to index: String, create: Bool, quiet: Bool) throws {
        let started = ContinuousClock.now
        let results = try orExit {
            try MedlineIndexBuilder(path: index).apply(files, create: create) { result in
                guard !quiet else { return }
                if result.skipped {
                    print("\(result.name): already in the index, skipped")
                } else {
                    let rate = result.seconds > 0 ? Int(Double(result.records) / result.seconds) : 0
                    print("\(result.name): \(result.records) records, \(result.deletions) deletions, \(String(format: "%.2f", result.seconds)) s (\(rate) records/s)")
                }
            }
        }
        guard !quiet else { return }
        let elapsed = started.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let info = try orExit { try MedlineIndex(path: index).info() }
        let applied = results.filter { !$0.skipped }
        print(
            "\(index): \(info.records) records from \(info.files) files, \(info.bytes) bytes; \(applied.count) file\(applied.count == 1 ? "" : "s") applied in \(String(format: "%.2f", seconds)) s"
        )
    }

    /// Runs `body`, turning its error (an ``IndexError``) into a one-line message and exit status 2.
    static func orExit<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            printError("citecheck: \(error)")
            throw RunExit(status: ExitStatus.usageError)
        }
    }
}
