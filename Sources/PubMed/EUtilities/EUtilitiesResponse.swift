/// A successful (2xx) E-utilities answer, body undecoded: the XML readers parse it.
public struct EUtilitiesResponse: Sendable, Hashable {
    /// `esearch.fcgi`, `efetch.fcgi`, `ecitmatch.cgi`, …
    public var endpoint: String
    public var status: Int
    public var body: [UInt8]
    /// What this request covered: the PMIDs of an EFetch batch, the lines of an ECitMatch batch, the ESearch term.
    public var items: [String]
    /// Tries it took (1 when the first one succeeded).
    public var attempts: Int

    public init(endpoint: String, status: Int, body: [UInt8], items: [String], attempts: Int) {
        self.endpoint = endpoint
        self.status = status
        self.body = body
        self.items = items
        self.attempts = attempts
    }
}
