/// `--record DIR`: every PubMed record a run verified against (from the network or the cache) saved as
/// `DIR/<pmid>.xml`, one EFetch-form document per record, written atomically. The folder then serves as
/// `--fixtures DIR`, so a blog's CI can verify offline from committed files.
public struct RecordDirectory: Sendable {
    public let path: String

    public init(path: String) throws {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        do {
            try AtomicFile.makeDirectories(self.path)
        } catch {
            throw VerificationSetupError(message: "cannot record into \(error)")
        }
    }

    /// Saves one record (skipped when it has no document).
    public func save(_ article: PubMedArticleXML) throws {
        guard !article.document.isEmpty, PubMedCache.isPMID(article.pmid) else { return }
        try AtomicFile.write(article.document, to: path + "/" + article.pmid + ".xml")
    }
}

/// A verification source that could not be set up (fixtures, record folder, e-mail). One line.
public struct VerificationSetupError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }

    public init(message: String) {
        self.message = message
    }
}
