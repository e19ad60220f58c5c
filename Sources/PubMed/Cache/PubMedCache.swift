import CiteCheck

#if canImport(Glibc)
    import Glibc
#endif

/// What PubMed answered before, on disk under `$XDG_CACHE_HOME/citecheck` (`~/.cache/citecheck` without it):
///
/// - `records/<pmid>.xml`: one record per file, as EFetch sent it (kept ``recordLifetime``, 30 days);
/// - `lookups/<xx>/<hash>.txt`: for a reference's text, the PMIDs its lookup ended with (the match, the close
///   candidates, the records its identifiers named), or none when nothing matched (kept ``notFoundLifetime``,
///   7 days, since PubMed keeps adding records).
///
/// Every file is written atomically (``AtomicFile``), so runs sharing the cache never see half an entry. An entry
/// that does not read back whole (bad format, wrong key, PMID not the one in its name) is deleted and counts as
/// a miss, so it is fetched again.
public struct PubMedCache: Sendable {
    /// The cache folder (`…/citecheck`).
    public let directory: String
    /// How long a record stays valid, in seconds.
    public var recordLifetime: Int
    /// How long a lookup that found nothing stays valid, in seconds.
    public var notFoundLifetime: Int

    static let formatLine = "citecheck-lookup 1"
    static let maxEntryBytes = 8 << 20

    public init(directory: String, recordLifetime: Int = 30 * 86_400, notFoundLifetime: Int = 7 * 86_400) {
        self.directory = directory.hasSuffix("/") && directory.count > 1 ? String(directory.dropLast()) : directory
        self.recordLifetime = recordLifetime
        self.notFoundLifetime = notFoundLifetime
    }

    /// `$XDG_CACHE_HOME/citecheck`, else `$HOME/.cache/citecheck`; nil when neither variable is set.
    public static func defaultDirectory(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String? {
        if let xdg = environment("XDG_CACHE_HOME"), xdg.hasPrefix("/") { return xdg + "/citecheck" }
        if let home = environment("HOME"), !home.isEmpty { return home + "/.cache/citecheck" }
        return nil
    }

    // MARK: - Records

    /// The cached record and its document, nil when missing, expired or unreadable (a bad file is removed).
    public func article(pmid: String) -> PubMedArticleXML? {
        guard Self.isPMID(pmid) else { return nil }
        let path = recordPath(pmid)
        guard let age = AtomicFile.age(path) else { return nil }
        guard age <= recordLifetime, let bytes = AtomicFile.read(path, maxBytes: Self.maxEntryBytes) else {
            AtomicFile.remove(path)
            return nil
        }
        guard let records = try? PubMedArticleSetParser.records(fromXML: bytes), records.count == 1, records[0].pmid == pmid else {
            AtomicFile.remove(path)
            return nil
        }
        return PubMedArticleXML(record: records[0], document: bytes)
    }

    /// Saves a record (skipped when it has no document).
    public func store(_ article: PubMedArticleXML) throws {
        guard Self.isPMID(article.pmid), !article.document.isEmpty else { return }
        try AtomicFile.write(article.document, to: recordPath(article.pmid))
    }

    // MARK: - Lookups

    /// The PMIDs a lookup of `key` ended with (empty: nothing matched), nil when not cached or expired.
    public func lookup(_ key: String) -> [String]? {
        let path = lookupPath(key)
        guard let age = AtomicFile.age(path) else { return nil }
        guard let bytes = AtomicFile.read(path, maxBytes: Self.maxEntryBytes), let pmids = Self.decodeLookup(bytes, key: key) else {
            AtomicFile.remove(path)
            return nil
        }
        let lifetime = pmids.isEmpty ? notFoundLifetime : recordLifetime
        guard age <= lifetime else {
            AtomicFile.remove(path)
            return nil
        }
        return pmids
    }

    /// Saves what a lookup of `key` ended with.
    public func storeLookup(_ key: String, pmids: [String]) throws {
        let valid = pmids.filter(Self.isPMID)
        try AtomicFile.write(Self.encodeLookup(key: key, pmids: valid), to: lookupPath(key))
    }

    // MARK: - Layout

    func recordPath(_ pmid: String) -> String {
        directory + "/records/" + pmid + ".xml"
    }

    func lookupPath(_ key: String) -> String {
        let hash = Self.hash(key)
        return directory + "/lookups/" + String(hash.prefix(2)) + "/" + hash + ".txt"
    }

    /// `citecheck-lookup 1`, `key …`, `pmids …`, `end`: the key is kept to rule out hash collisions, and the
    /// final line to recognise a complete entry.
    static func encodeLookup(key: String, pmids: [String]) -> [UInt8] {
        Array("\(formatLine)\nkey \(escape(key))\npmids \(pmids.joined(separator: " "))\nend\n".utf8)
    }

    static func decodeLookup(_ bytes: [UInt8], key: String) -> [String]? {
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 5, lines[0] == formatLine, lines[1] == "key " + escape(key), lines[2].hasPrefix("pmids"),
            lines[3] == "end", lines[4].isEmpty
        else { return nil }
        let pmids = lines[2].dropFirst("pmids".count).split(separator: " ").map(String.init)
        guard pmids.allSatisfy(isPMID) else { return nil }
        return pmids
    }

    /// The key on one line: backslashes and line breaks escaped.
    static func escape(_ key: String) -> String {
        var result = ""
        for character in key.unicodeScalars {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// FNV-1a (64 bits) of the key's UTF-8, as 16 hexadecimal digits.
    static func hash(_ key: String) -> String {
        var value: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01B3
        }
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func isPMID(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 12 && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }
}
