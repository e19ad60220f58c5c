import ArgumentParser
import CiteCheck

/// `--max-file-size`, `--max-entries`, `--max-entry-length`: the bounds of a post, over those of the configuration
/// file's `[limits]` (docs/limits.md).
struct LimitOptions: ParsableArguments {
    @Option(
        name: .customLong("max-file-size"),
        help: ArgumentHelp(
            "Refuse posts larger than this many bytes (default \(InputLimits.default.maxFileSize)).", valueName: "bytes"))
    var maxFileSize: Int?

    @Option(
        name: .customLong("max-entries"),
        help: ArgumentHelp(
            "Refuse reference lists of more entries than this (default \(InputLimits.default.maxEntries)).", valueName: "count"))
    var maxEntries: Int?

    @Option(
        name: .customLong("max-entry-length"),
        help: ArgumentHelp(
            "Leave unparsed, and report, entries longer than this many bytes (default \(InputLimits.default.maxEntryLength)).",
            valueName: "bytes"))
    var maxEntryLength: Int?

    func validate() throws {
        for (name, value) in [("--max-file-size", maxFileSize), ("--max-entries", maxEntries), ("--max-entry-length", maxEntryLength)] {
            if let value, value <= 0 { throw ValidationError("\(name) must be positive.") }
        }
    }

    /// The post at `path`, read within the size limit of `configuration` with these options applied, and that
    /// configuration.
    func load(_ path: String, name: String? = nil, configuration: Configuration) throws(InputError) -> (Configuration, SourceFile) {
        let configuration = applied(to: configuration)
        return (configuration, try InputFiles.load(path, name: name, maxFileSize: configuration.limits.maxFileSize))
    }

    /// `configuration` with these options in place of its own limits.
    func applied(to configuration: Configuration) -> Configuration {
        var configuration = configuration
        configuration.limits = configuration.limits.overridden(
            maxFileSize: maxFileSize, maxEntries: maxEntries, maxEntryLength: maxEntryLength
        )
        return configuration
    }
}
