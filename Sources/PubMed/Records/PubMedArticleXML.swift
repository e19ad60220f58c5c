import CiteCheck

/// One record of an EFetch answer as a standalone `PubmedArticleSet` document, for the cache and `--record`:
/// a file per record, readable by ``PubMedArticleSetParser`` like any EFetch answer.
public struct PubMedArticleXML: Sendable, Hashable {
    public var record: PubMedRecord
    /// The document: an XML declaration, `<PubmedArticleSet>`, the article as PubMed sent it, `</PubmedArticleSet>`.
    public var document: [UInt8]

    public var pmid: String { record.pmid }

    public init(record: PubMedRecord, document: [UInt8]) {
        self.record = record
        self.document = document
    }

    /// Splits an EFetch answer (a `PubmedArticleSet`) into one document per article. The answer is parsed whole
    /// first, so an NCBI error, a non-XML body or malformed XML throws ``PubMedXMLError`` as usual; each
    /// article's document is then parsed on its own and must give exactly one record.
    public static func split(_ answer: [UInt8], limits: XMLReaderLimits = .default) throws -> [PubMedArticleXML] {
        let records = try PubMedArticleSetParser.records(fromXML: answer, limits: limits)
        var articles: [PubMedArticleXML] = []
        articles.reserveCapacity(records.count)
        for range in articleRanges(in: answer) {
            let document = wrap(answer[range])
            guard let parsed = try? PubMedArticleSetParser.records(fromXML: document, limits: limits), parsed.count == 1 else { continue }
            articles.append(PubMedArticleXML(record: parsed[0], document: document))
        }
        // Fall back to the records alone when the answer's layout defeats the byte-level split.
        if articles.count != records.count {
            let split = Set(articles.map(\.pmid))
            for record in records where !split.contains(record.pmid) {
                articles.append(PubMedArticleXML(record: record, document: []))
            }
        }
        return articles
    }

    static let header = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PubmedArticleSet>\n".utf8)
    static let footer = Array("\n</PubmedArticleSet>\n".utf8)

    static func wrap(_ article: ArraySlice<UInt8>) -> [UInt8] {
        header + article + footer
    }

    /// Byte ranges of the top-level `<PubmedArticle>…</PubmedArticle>` and `<PubmedBookArticle>…</PubmedBookArticle>`
    /// elements. Markup characters inside text are escaped in XML, so the tags cannot occur inside content;
    /// CDATA sections and comments (which PubMed does not send) are not handled and make the split fall back.
    static func articleRanges(in bytes: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var position = 0
        while let open = find("<Pubmed", in: bytes, from: position) {
            let nameStart = open + 1
            var nameEnd = nameStart
            while nameEnd < bytes.count, isNameByte(bytes[nameEnd]) { nameEnd += 1 }
            let name = Array(bytes[nameStart..<nameEnd])
            guard name == Array("PubmedArticle".utf8) || name == Array("PubmedBookArticle".utf8) else {
                position = nameEnd
                continue
            }
            let close = Array("</".utf8) + name + [UInt8(ascii: ">")]
            guard let end = find(close, in: bytes, from: nameEnd) else { break }
            ranges.append(open..<(end + close.count))
            position = end + close.count
        }
        return ranges
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
    }

    private static func find(_ needle: String, in bytes: [UInt8], from start: Int) -> Int? {
        find(Array(needle.utf8), in: bytes, from: start)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for offset in 1..<needle.count where bytes[index + offset] != needle[offset] {
                    matches = false
                    break
                }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }
}
