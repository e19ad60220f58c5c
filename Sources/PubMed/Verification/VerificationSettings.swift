import CiteCheck

/// How a run verifies references, from the command line, the environment and the configuration file; makes
/// the ``PubMedVerifier`` (or none, when nothing asks for verification).
///
/// - `--fixtures` or `--index` alone: local records only, no network.
/// - `--verify` (or `verify = true` in the configuration): the network as well, after the fixtures and the cache.
/// - `--offline`: never the network; fixtures and the cache only.
public struct VerificationSettings: Sendable {
    public var fixturePaths: [String] = []
    /// An on-disk MEDLINE index (`--index`, `index = "…"`, or the default one when present), asked first.
    public var index: (any RecordSource)?
    /// `--verify` or the configuration's `verify = true`.
    public var online = false
    /// `--offline`: forbids the network whatever else asks for it.
    public var offline = false
    /// `--no-cache`.
    public var useCache = true
    /// The cache folder; nil for ``PubMedCache/defaultDirectory(environment:)``.
    public var cacheDirectory: String?
    /// `--record DIR`.
    public var recordDirectory: String?
    /// `--email`, else `NCBI_EMAIL`, else the configuration's `email`.
    public var email: String?
    public var apiKey: NCBIAPIKey?
    /// `--eutils-url`.
    public var baseURL: String = EUtilitiesConfiguration.defaultBaseURL
    /// `--timeout`: the longest one HTTP exchange may take.
    public var timeout: Duration = .seconds(30)
    /// Receives one line per request (`--verbose`), secrets redacted.
    public var requestLog: (@Sendable (String) -> Void)?

    public init() {}

    /// Whether the network may be used.
    public var usesNetwork: Bool { online && !offline }

    /// Whether anything asks for verification.
    public var isEnabled: Bool { online || !fixturePaths.isEmpty || index != nil }

    /// The verifier these settings describe, nil when verification is not asked for.
    /// Throws ``VerificationSetupError`` for unreadable fixtures, a missing e-mail address or an unusable folder.
    public func makeVerifier() throws -> PubMedVerifier? {
        guard isEnabled else { return nil }
        let fixtures = fixturePaths.isEmpty ? nil : try PubMedVerifier.loadFixtures(fixturePaths)
        // Fixtures that hold no record would leave every reference unverified without a word.
        if let fixtures, fixtures.count == 0 {
            throw VerificationSetupError(
                message: "\(fixturePaths.joined(separator: ", ")): --fixtures loaded no PubMed records "
                    + "(expected EFetch answers or MEDLINE XML with PubmedArticle elements, .xml or .xml.gz)")
        }
        var cache: PubMedCache?
        let cacheFolder = cacheDirectory ?? PubMedCache.defaultDirectory()
        if useCache, let cacheFolder {
            cache = PubMedCache(directory: cacheFolder)
        }
        var client: EUtilitiesClient?
        if usesNetwork {
            guard let email = email?.trimmingASCIIWhitespace(), email.contains("@") else {
                throw VerificationSetupError(
                    message: "verifying over the network needs an e-mail address for NCBI: pass --email, set NCBI_EMAIL, or set email in .citecheck.toml"
                )
            }
            let lowered = baseURL.lowercased()
            guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://"), !baseURL.contains("?") else {
                throw VerificationSetupError(message: "--eutils-url \(URLRedaction.redacted(baseURL)) is not an http(s) URL without a query")
            }
            if let reason = CurlHTTPClient.unavailableReason {
                throw VerificationSetupError(message: "verifying over the network needs libcurl: \(reason)")
            }
            let seconds = max(1, Int(timeout.components.seconds))
            let transport = CurlHTTPClient(
                configuration: CurlHTTPClient.Configuration(
                    connectTimeout: .seconds(min(10, seconds)), totalTimeout: timeout,
                    lowSpeedLimit: 100, lowSpeedTime: min(30, seconds)
                ))
            // The rate limit is shared with every run on this machine through the cache folder (even with
            // --no-cache, which concerns answers, not the rate).
            var rateLimitFile: String?
            if let cacheFolder, (try? AtomicFile.makeDirectories(cacheFolder)) != nil { rateLimitFile = cacheFolder + "/rate-limit" }
            client = EUtilitiesClient(
                configuration: EUtilitiesConfiguration(
                    email: email, apiKey: apiKey, baseURL: baseURL, requestLog: requestLog, rateLimitFile: rateLimitFile
                ),
                transport: transport
            )
        }
        let record = try recordDirectory.map { try RecordDirectory(path: $0) }
        return PubMedVerifier(fixtures: fixtures, index: index, cache: cache, client: client, recordDirectory: record)
    }
}
