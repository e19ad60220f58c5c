import ArgumentParser
import CiteCheck
import Foundation
import PubMed
import PubMedIndex

/// The `check` options that verify references against PubMed.
struct VerificationOptions: ParsableArguments {
    @Flag(help: "Verify every reference against PubMed over the network (cache first).")
    var verify = false

    @Option(name: .customLong("fixtures"), help: "PubMed XML (EFetch answers or MEDLINE files, .xml or .xml.gz; files or folders) to verify references against.")
    var fixtures: [String] = []

    @Option(
        name: .customLong("index"),
        help:
            "A local PubMed index (`citecheck index build`) to verify against first (else `index` in .citecheck.toml, else $XDG_DATA_HOME/citecheck/pubmed.sqlite when it exists and verification is on)."
    )
    var index: String?

    @Flag(name: .customLong("no-index"), help: "Do not use the default index at $XDG_DATA_HOME/citecheck/pubmed.sqlite.")
    var noIndex = false

    @Flag(help: "Never use the network (what neither the fixtures nor the cache can verify is reported once as not verified).")
    var offline = false

    @Option(help: "The e-mail address NCBI asks E-utilities users for (else NCBI_EMAIL, else `email` in .citecheck.toml).")
    var email: String?

    @Option(name: .customLong("eutils-url"), help: "The E-utilities base URL.")
    var eutilsURL: String = EUtilitiesConfiguration.defaultBaseURL

    @Flag(name: .customLong("no-cache"), help: "Neither read nor write the cache ($XDG_CACHE_HOME/citecheck).")
    var noCache = false

    @Option(help: "Save every PubMed record used as DIR/<pmid>.xml, for later use with --fixtures DIR.")
    var record: String?

    @Option(help: "Seconds one request to PubMed may take.")
    var timeout: Int = 30

    @Flag(help: "Print one line per PubMed request on standard error (the API key and e-mail are never shown).")
    var verbose = false

    func validate() throws {
        if index != nil && noIndex { throw ValidationError("--index and --no-index contradict each other.") }
        if verify && offline { throw ValidationError("--verify and --offline contradict each other.") }
        if timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    /// The settings for a run whose configuration (from `--config`, or found for the first post) is `configuration`.
    /// Throws ``IndexError`` when the index named cannot be used. `onRequest` is told of every request sent (for
    /// the progress line).
    func settings(configuration: Configuration, onRequest: (@Sendable () -> Void)? = nil) throws -> VerificationSettings {
        let environment = ProcessInfo.processInfo.environment
        var settings = VerificationSettings()
        settings.fixturePaths = fixtures
        settings.online = verify || (configuration.verify ?? false)
        settings.offline = offline
        settings.useCache = !noCache
        settings.recordDirectory = record
        settings.email = email ?? environment["NCBI_EMAIL"].flatMap { $0.isEmpty ? nil : $0 } ?? configuration.email
        settings.apiKey = NCBIAPIKey.fromEnvironment()
        settings.baseURL = eutilsURL
        settings.timeout = .seconds(timeout)
        if let path = index ?? configuration.index {
            settings.index = try MedlineIndex(path: path)
        } else if !noIndex, settings.isEnabled || offline, let path = Self.defaultIndexPath(environment: environment),
            FileManager.default.fileExists(atPath: path)
        {
            settings.index = try MedlineIndex(path: path)
        }
        if let opened = settings.index as? MedlineIndex, let info = try? opened.info(), !info.isComplete {
            printError("citecheck: note: \(opened.path) is incomplete (a build or update stopped early); verifying against what it holds")
        }
        let verbose = verbose
        if verbose || onRequest != nil {
            settings.requestLog = { line in
                if line.contains(" (attempt ") { onRequest?() }
                if verbose { printError("citecheck: " + line) }
            }
        }
        return settings
    }
}

extension VerificationOptions {
    /// `$XDG_DATA_HOME/citecheck/pubmed.sqlite`, `$HOME/.local/share/citecheck/pubmed.sqlite` without it.
    static func defaultIndexPath(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/citecheck/pubmed.sqlite" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/citecheck/pubmed.sqlite" }
        return nil
    }
}
