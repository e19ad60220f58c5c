import CiteCheck
import Foundation
import LoopbackHTTP
import PubMed

/// A stand-in for NCBI E-utilities on 127.0.0.1, serving recorded PubMed records (fixture files) through the
/// real HTTP server of `LoopbackHTTP`, and counting what it is asked:
///
/// - `efetch.fcgi`: the records asked for by `id`, as PubMed sends them (`PubmedArticleSet`);
/// - `ecitmatch.cgi`: each `bdata` line matched on journal, year, volume, first page and first author, answered
///   `…|key|PMID`, `NOT_FOUND` or `AMBIGUOUS` like ECitMatch;
/// - `esearch.fcgi`: the `term` evaluated over the records: `AND`, `OR`, parentheses, and the fields
///   `[ti]`, `[au]`, `[dp]` (year or range), `[ta]`, `[vi]`, `[pg]`, `[aid]` (DOI), `[pmcid]`.
///
/// Each endpoint can be given scripted behaviours first (429s, 500s, a hang, a malformed body); after the
/// script it computes its answers.
final class EUtilitiesStandIn: Sendable {
    let server: LoopbackServer
    let articles: [PubMedArticleXML]

    init(fixtures: [String]) throws {
        var articles: [PubMedArticleXML] = []
        for path in fixtures {
            for file in Self.files(path) {
                let data = try Self.read(file)
                articles += try PubMedArticleXML.split(data)
            }
        }
        self.articles = articles
        server = try LoopbackServer()
        script(efetch: [], ecitmatch: [], esearch: [])
    }

    /// Scripted behaviours for the first requests of each endpoint, then computed answers.
    func script(efetch: [LoopbackServer.Behavior], ecitmatch: [LoopbackServer.Behavior], esearch: [LoopbackServer.Behavior]) {
        let articles = self.articles
        route("/efetch.fcgi", efetch + [.compute { Self.efetch($0, articles) }])
        route("/ecitmatch.cgi", ecitmatch + [.compute { Self.ecitmatch($0, articles) }])
        route("/esearch.fcgi", esearch + [.compute { Self.esearch($0, articles) }])
    }

    private func route(_ path: String, _ behaviors: [LoopbackServer.Behavior]) {
        // `route` takes a variadic list: pass the script through one computed behaviour that counts its calls.
        let script = Script(behaviors)
        server.route(path, .compute { _ in script.next() })
    }

    var baseURL: String { server.baseURL + "/" }
    var requests: [LoopbackServer.Request] { server.requests }

    deinit {
        server.stop()
    }

    // MARK: - EFetch

    static func efetch(_ request: LoopbackServer.Request, _ articles: [PubMedArticleXML]) -> LoopbackServer.Behavior {
        let ids = (request.field("id") ?? "").split(separator: ",").map { String($0) }
        var body =
            "<?xml version=\"1.0\" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC \"-//NLM//DTD PubMedArticle, 1st January 2025//EN\" \"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd\">\n<PubmedArticleSet>\n"
        for id in ids {
            guard let article = articles.first(where: { $0.pmid == id }) else { continue }
            body += innerArticle(article.document)
        }
        body += "</PubmedArticleSet>\n"
        return .ok(body)
    }

    /// The `<PubmedArticle>…</PubmedArticle>` inside a one-record document.
    static func innerArticle(_ document: [UInt8]) -> String {
        let text = String(decoding: document, as: UTF8.self)
        guard let start = text.range(of: "<PubmedArticleSet>"), let end = text.range(of: "</PubmedArticleSet>", options: .backwards) else { return "" }
        return String(text[start.upperBound..<end.lowerBound]) + "\n"
    }

    // MARK: - ECitMatch

    static func ecitmatch(_ request: LoopbackServer.Request, _ articles: [PubMedArticleXML]) -> LoopbackServer.Behavior {
        let lines = (request.field("bdata") ?? "").split(whereSeparator: { $0 == "\r" || $0 == "\n" })
        var answer = ""
        for line in lines {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 6 else { continue }
            let (journal, year, volume, page, author) = (fields[0], fields[1], fields[2], fields[3], fields[4])
            let hits = articles.map(\.record).filter { record in
                journalMatches(journal, record)
                    && (year.isEmpty || record.year.map(String.init) == year)
                    && (volume.isEmpty || record.volume == volume)
                    && (page.isEmpty || record.pages?.first == page)
                    && (author.isEmpty || record.authors.first.map { authorMatches(author, $0) } ?? false)
            }
            let result =
                switch hits.count {
                case 0: "NOT_FOUND"
                case 1: hits[0].pmid
                default: "AMBIGUOUS (\(hits.count) citations)"
                }
            answer += fields[0..<6].joined(separator: "|") + "|" + result + "\n"
        }
        return .ok(answer, contentType: "text/plain")
    }

    // MARK: - ESearch

    static func esearch(_ request: LoopbackServer.Request, _ articles: [PubMedArticleXML]) -> LoopbackServer.Behavior {
        let term = request.field("term") ?? ""
        let retmax = Int(request.field("retmax") ?? "20") ?? 20
        var parser = TermParser(term)
        guard let query = parser.parseExpression(), parser.atEnd else {
            return .ok("<?xml version=\"1.0\" ?>\n<eSearchResult><ERROR>Invalid query</ERROR></eSearchResult>\n")
        }
        let hits = articles.map(\.record).filter { query.matches($0) }.map(\.pmid)
        let ids = hits.prefix(retmax).map { "<Id>\($0)</Id>" }.joined()
        return .ok(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<eSearchResult><Count>\(hits.count)</Count><RetMax>\(min(retmax, hits.count))</RetMax><RetStart>0</RetStart><IdList>\(ids)</IdList><TranslationSet/><QueryTranslation>\(term.count) characters</QueryTranslation></eSearchResult>\n"
        )
    }

    indirect enum Query {
        case and([Query])
        case or([Query])
        case field(value: String, tag: String)

        func matches(_ record: PubMedRecord) -> Bool {
            switch self {
            case .and(let parts): return parts.allSatisfy { $0.matches(record) }
            case .or(let parts): return parts.contains { $0.matches(record) }
            case .field(let value, let tag): return EUtilitiesStandIn.fieldMatches(value, tag: tag, record)
            }
        }
    }

    /// `expr := and (OR and)*`, `and := atom (AND atom)*`, `atom := ( expr ) | value[tag]`.
    struct TermParser {
        var characters: [Character]
        var position = 0

        init(_ text: String) { characters = Array(text) }

        var atEnd: Bool {
            mutating get {
                skipSpaces()
                return position >= characters.count
            }
        }

        mutating func parseExpression() -> Query? {
            parseList(joinedBy: "OR", combine: Query.or) { $0.parseAnd() }
        }

        mutating func parseAnd() -> Query? {
            parseList(joinedBy: "AND", combine: Query.and) { $0.parseAtom() }
        }

        /// `part (KEYWORD part)*`: the single part, or `combine` of them all.
        private mutating func parseList(joinedBy word: String, combine: ([Query]) -> Query, part: (inout Self) -> Query?) -> Query? {
            guard let first = part(&self) else { return nil }
            var parts = [first]
            while keyword(word) {
                guard let next = part(&self) else { return nil }
                parts.append(next)
            }
            return parts.count == 1 ? first : combine(parts)
        }

        mutating func parseAtom() -> Query? {
            skipSpaces()
            guard position < characters.count else { return nil }
            if characters[position] == "(" {
                position += 1
                guard let inner = parseExpression() else { return nil }
                skipSpaces()
                guard position < characters.count, characters[position] == ")" else { return nil }
                position += 1
                return inner
            }
            var value = ""
            if characters[position] == "\"" {
                position += 1
                while position < characters.count, characters[position] != "\"" {
                    value.append(characters[position])
                    position += 1
                }
                position += 1
            } else {
                while position < characters.count, characters[position] != "[", characters[position] != " ", characters[position] != ")" {
                    value.append(characters[position])
                    position += 1
                }
            }
            guard position < characters.count, characters[position] == "[" else { return nil }
            position += 1
            var tag = ""
            while position < characters.count, characters[position] != "]" {
                tag.append(characters[position])
                position += 1
            }
            position += 1
            return .field(value: value, tag: tag)
        }

        mutating func keyword(_ word: String) -> Bool {
            skipSpaces()
            let end = position + word.count
            guard end <= characters.count, String(characters[position..<end]) == word,
                end == characters.count || characters[end] == " " || characters[end] == "("
            else { return false }
            position = end
            return true
        }

        mutating func skipSpaces() {
            while position < characters.count, characters[position] == " " { position += 1 }
        }
    }

    static func fieldMatches(_ value: String, tag: String, _ record: PubMedRecord) -> Bool {
        switch tag {
        case "ti":
            return words(record.title).contains(value.lowercased())
        case "au":
            return record.authors.contains { authorMatches(value, $0) }
        case "dp":
            let bounds = value.split(separator: ":").compactMap { Int($0) }
            guard let year = record.year, let low = bounds.first else { return false }
            return year >= low && year <= (bounds.last ?? low)
        case "ta": return journalMatches(value, record)
        case "vi": return record.volume == value
        case "pg": return record.pages?.first == value
        case "aid": return record.doi?.lowercased() == value.lowercased()
        case "pmcid": return record.pmcid?.uppercased() == value.uppercased()
        default: return false
        }
    }

    static func words(_ text: String) -> Set<String> {
        Set(text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
    }

    static func journalMatches(_ name: String, _ record: PubMedRecord) -> Bool {
        let key = journalKey(name)
        return [record.isoAbbreviation, record.medlineTA, record.journalTitle].compactMap { $0 }.contains { journalKey($0) == key }
    }

    static func journalKey(_ name: String) -> String {
        name.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " }.split(separator: " ").joined(separator: " ")
    }

    /// `Feder A` or `Feder`: the last name, and the initials when given.
    static func authorMatches(_ name: String, _ author: PubMedRecord.Author) -> Bool {
        let parts = name.split(separator: " ")
        guard let family = parts.first else { return false }
        let last = author.lastName.lowercased()
        if parts.count > 1, last.contains(" ") { return name.lowercased().hasPrefix(last) }
        guard last == family.lowercased() else { return false }
        guard parts.count > 1 else { return true }
        return author.initials.lowercased().hasPrefix(parts[1].lowercased().prefix(1))
    }

    // MARK: - Files

    static func files(_ path: String) -> [String] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter { $0.hasSuffix(".xml") || $0.hasSuffix(".xml.gz") }.sorted().map { path + "/" + $0 }
    }

    static func read(_ path: String) throws -> [UInt8] {
        guard path.hasSuffix(".gz") else { return Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["gzip", "-dc", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

/// Behaviours handed out in turn; the last one repeats.
private final class Script: @unchecked Sendable {
    private let behaviors: [LoopbackServer.Behavior]
    private var calls = 0
    private let lock = NSLock()

    init(_ behaviors: [LoopbackServer.Behavior]) {
        self.behaviors = behaviors
    }

    func next() -> LoopbackServer.Behavior {
        lock.lock()
        defer { lock.unlock() }
        let behavior = behaviors[min(calls, behaviors.count - 1)]
        calls += 1
        return behavior
    }
}
