import CiteCheck
import Foundation
import Testing

@testable import PubMed

/// Hostile or broken input: every case must end in a clear `PubMedXMLError`, never a crash, a hang, a file read
/// or a network access.
@Suite struct HostileXMLTests {
    static let minimalArticle = """
        <PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article><ArticleTitle>T &x;</ArticleTitle>\
        </Article></MedlineCitation></PubmedArticle>
        """

    func parse(_ text: String, limits: XMLReaderLimits = .default) -> Result<[PubMedRecord], PubMedXMLError> {
        do {
            return .success(try PubMedArticleSetParser.records(fromXML: Array(text.utf8), limits: limits))
        } catch let error as PubMedXMLError {
            return .failure(error)
        } catch {
            Issue.record("unexpected error type: \(error)")
            return .failure(.empty)
        }
    }

    func error(_ text: String, limits: XMLReaderLimits = .default) -> PubMedXMLError? {
        if case .failure(let error) = parse(text, limits: limits) { return error }
        return nil
    }

    @Test func billionLaughsIsRejected() throws {
        var entities = "<!ENTITY lol0 \"lol\">"
        for level in 1...10 {
            entities += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let document =
            "<?xml version=\"1.0\"?><!DOCTYPE PubmedArticleSet [\(entities)]><PubmedArticleSet>"
            + Self.minimalArticle.replacingOccurrences(of: "&x;", with: "&lol10;") + "</PubmedArticleSet>"
        let clock = ContinuousClock()
        var outcome: Result<[PubMedRecord], PubMedXMLError>?
        let elapsed = clock.measure { outcome = parse(document) }
        #expect(elapsed < .seconds(5))
        switch outcome {
        case .failure(let error):
            guard case .malformed = error else {
                Issue.record("expected malformed, got \(error)")
                return
            }
            #expect(error.description.contains("entity"))
        case .success(let records):
            // Bounded: the entity was not expanded into the title.
            #expect(records.allSatisfy { $0.title.count < 1000 })
        case nil:
            Issue.record("no outcome")
        }
    }

    @Test func externalEntityIsNeverRead() throws {
        let secret = try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first.map(String.init) ?? "root:"
        let document = """
            <?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <PubmedArticleSet>\(Self.minimalArticle)</PubmedArticleSet>
            """
        switch parse(document) {
        case .success(let records):
            #expect(records.count == 1)
            for record in records {
                #expect(!record.title.contains(secret))
                #expect(!record.title.contains("root:"))
                #expect(record.title == "T")
            }
        case .failure(let error):
            #expect(!error.description.contains(secret))
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func externalEntityInAttributeOrParameterEntityIsNeverRead() {
        let document = """
            <?xml version="1.0"?><!DOCTYPE PubmedArticleSet [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>
            <PubmedArticleSet>\(Self.minimalArticle.replacingOccurrences(of: "&x;", with: ""))</PubmedArticleSet>
            """
        switch parse(document) {
        case .success(let records):
            #expect(records.map(\.title) == ["T"])
        case .failure(let error):
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func externalDTDIsNotLoaded() throws {
        // A DTD that would define the entity and add a default attribute, were it loaded.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-dtd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let dtd = directory.appendingPathComponent("evil.dtd")
        try "<!ENTITY x \"FROM-DTD\">".write(to: dtd, atomically: true, encoding: .utf8)
        let document = """
            <?xml version="1.0"?><!DOCTYPE PubmedArticleSet SYSTEM "\(dtd.path)">
            <PubmedArticleSet>\(Self.minimalArticle)</PubmedArticleSet>
            """
        switch parse(document) {
        case .success(let records):
            #expect(records.allSatisfy { !$0.title.contains("FROM-DTD") })
        case .failure(let error):
            #expect(!error.description.contains("FROM-DTD"))
        }
        // The real NCBI answers name a remote DTD: it is not fetched and the answer still parses.
        let remote = """
            <?xml version="1.0"?><!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" \
            "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
            <PubmedArticleSet>\(Self.minimalArticle.replacingOccurrences(of: "&x;", with: ""))</PubmedArticleSet>
            """
        #expect((try? parse(remote).get())?.count == 1)
    }

    @Test func deepNestingIsRejected() {
        let depth = 10_000
        let document =
            "<PubmedArticleSet>" + String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
            + "</PubmedArticleSet>"
        #expect(error(document) == .tooDeep(limit: 256))
        // A lower configured limit applies too.
        let shallow =
            "<PubmedArticleSet><PubmedArticle>" + String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20)
            + "</PubmedArticle></PubmedArticleSet>"
        #expect(error(shallow, limits: XMLReaderLimits(maxBytes: 1 << 20, maxDepth: 10)) == .tooDeep(limit: 10))
        #expect(error(shallow) == nil)
    }

    @Test(arguments: [
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID>",
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>1</PMID></MedlineCitation></PubmedArticle></Pubmed",
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version=\"1",
        "<?xml version=\"1.0\"?><PubmedArticleSet>",
    ])
    func truncatedDocumentIsReported(document: String) {
        guard let error = error(document) else {
            Issue.record("no error")
            return
        }
        guard case .truncated(_, let message) = error else {
            Issue.record("expected truncated, got \(error)")
            return
        }
        #expect(!message.isEmpty)
    }

    @Test func recordsBeforeATruncationAreStreamed() {
        let document =
            "<PubmedArticleSet>" + Self.minimalArticle.replacingOccurrences(of: "&x;", with: "")
            + "<PubmedArticle><MedlineCitation><PMID>2</PMID><Article><ArticleTi"
        var seen: [String] = []
        #expect(throws: PubMedXMLError.self) {
            try PubMedArticleSetParser.forEachRecord(fromXML: Array(document.utf8)) { seen.append($0.pmid) }
        }
        #expect(seen == ["1"])
    }

    @Test func malformedDocumentIsReported() {
        let error = error("<PubmedArticleSet><PubmedArticle></Wrong></PubmedArticleSet>")
        guard case .malformed(let line, let message)? = error else {
            Issue.record("expected malformed, got \(String(describing: error))")
            return
        }
        #expect(line == 1)
        #expect(!message.isEmpty)
        #expect(!(error?.description.contains("\n") ?? true))
    }

    @Test func contentAfterTheRootIsMalformedNotTruncated() {
        for document in ["<PubmedArticleSet/><b/>", "<PubmedArticleSet></PubmedArticleSet><b>"] {
            guard case .malformed? = error(document) else {
                Issue.record("expected malformed for \(document), got \(String(describing: error(document)))")
                continue
            }
        }
    }

    @Test func wrongRootIsReported() {
        #expect(error("<eLinkResult><LinkSet/></eLinkResult>") == .wrongRoot(expected: "PubmedArticleSet", found: "eLinkResult"))
        #expect(error("<foo/>") == .wrongRoot(expected: "PubmedArticleSet", found: "foo"))
        #expect(throws: PubMedXMLError.wrongRoot(expected: "eSearchResult", found: "PubmedArticleSet")) {
            try ESearchResultParser.result(fromXML: Array("<PubmedArticleSet/>".utf8))
        }
    }

    @Test func ncbiErrorBodiesAreReported() {
        #expect(
            error("<eFetchResult><ERROR>Empty id list - nothing todo</ERROR></eFetchResult>")
                == .ncbiError("Empty id list - nothing todo"))
        #expect(error("<ERROR>Some failure</ERROR>") == .ncbiError("Some failure"))
        #expect(error("<PubmedArticleSet><ERROR>Cannot retrieve</ERROR></PubmedArticleSet>") == .ncbiError("Cannot retrieve"))
    }

    @Test func htmlErrorPageIsReported() {
        let page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Service unavailable | NCBI</title></head>
            <body><h1>Bad Gateway</h1></body></html>
            """
        #expect(error(page) == .notXML(kind: .html, detail: "Service unavailable | NCBI"))
        #expect(
            error("<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Error</title></head></html>")
                == .notXML(kind: .html, detail: "Error"))
        #expect(throws: PubMedXMLError.notXML(kind: .html, detail: "Service unavailable | NCBI")) {
            try ESearchResultParser.result(fromXML: Array(page.utf8))
        }
    }

    @Test func jsonErrorIsReported() {
        let body = #"{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"4","limit":"3"}"#
        #expect(error(body) == .ncbiError("API rate limit exceeded"))
        #expect(error(#"{"header":{"type":"esearch"}}"#) == .notXML(kind: .json, detail: #"{"header":{"type":"esearch"}}"#))
        #expect(throws: PubMedXMLError.ncbiError("API rate limit exceeded")) {
            try ECitMatchResultParser.result(fromText: Array(body.utf8))
        }
    }

    @Test func plainTextIsReported() {
        #expect(error("Internal Server Error") == .notXML(kind: .text, detail: "Internal Server Error"))
    }

    @Test(arguments: ["", "   \n\t ", "\u{FEFF}"])
    func emptyInputIsReported(document: String) {
        #expect(error(document) == .empty)
    }

    @Test func sizeLimitCapsInMemoryInput() {
        let document =
            "<PubmedArticleSet>" + String(repeating: Self.minimalArticle.replacingOccurrences(of: "&x;", with: ""), count: 100)
            + "</PubmedArticleSet>"
        let limits = XMLReaderLimits(maxBytes: 1000, maxDepth: 256)
        #expect(error(document, limits: limits) == .tooLarge(limitBytes: 1000))
        #expect((try? parse(document).get())?.count == 100)
    }

    /// A 200 MB document, generated on the fly and gzip-compressed to a few hundred KB, is stopped at the limit
    /// while streaming: the cap counts decompressed bytes.
    @Test func sizeLimitCapsA200MBCompressedStream() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-big-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("big.xml.gz").path
        try GzipTestWriter.write(path: path) { emit in
            emit(Array("<PubmedArticleSet>".utf8))
            let filler = Array(("<X>" + String(repeating: "a", count: 1000) + "</X>\n").utf8)
            let chunk = Array(repeating: filler, count: 1000).flatMap { $0 }
            for _ in 0..<200 { emit(chunk) }  // 200 × ~1 MB
            emit(Array("</PubmedArticleSet>".utf8))
        }
        let limit = 8 * 1024 * 1024
        #expect(throws: PubMedXMLError.tooLarge(limitBytes: limit)) {
            try PubMedArticleSetParser.forEachRecord(fromFile: path, limits: XMLReaderLimits(maxBytes: limit, maxDepth: 256)) { _ in }
        }
    }

    @Test func missingFileIsReported() {
        #expect(throws: PubMedXMLError.unreadableFile(path: "/nonexistent/x.xml", reason: "cannot open the file")) {
            try PubMedArticleSetParser.records(fromFile: "/nonexistent/x.xml")
        }
    }

    @Test func randomBytesNeverCrash() {
        var generator = SystemRandomNumberGenerator()
        let seed = Array(("<PubmedArticleSet>" + Self.minimalArticle.replacingOccurrences(of: "&x;", with: "&amp;") + "</PubmedArticleSet>").utf8)
        for _ in 0..<300 {
            var bytes = seed
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            _ = try? PubMedArticleSetParser.records(fromXML: bytes)
            _ = try? ESearchResultParser.result(fromXML: bytes)
            _ = try? ECitMatchResultParser.result(fromText: bytes)
        }
    }
}
