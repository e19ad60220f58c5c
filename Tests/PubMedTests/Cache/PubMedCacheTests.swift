import CiteCheck
import Testing

@testable import PubMed

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct PubMedCacheTests {
    /// A fresh folder under /tmp, removed by the caller.
    static func folder() -> String {
        var template = Array("/tmp/citecheck-cache-test-XXXXXX".utf8CString)
        let path = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
        return path ?? "/tmp/citecheck-cache-test-\(getpid())"
    }

    static func removeAll(_ path: String) {
        _ = system("rm -rf '\(path)'")
    }

    static let article: PubMedArticleXML = {
        let xml = Array(
            """
            <PubmedArticleSet><PubmedArticle><MedlineCitation><PMID Version="1">24616149</PMID><Article><Journal><JournalIssue><Volume>31</Volume><Issue>4</Issue><PubDate><Year>2014</Year></PubDate></JournalIssue><Title>Depression and anxiety</Title></Journal><ArticleTitle>Neurobiology of stress.</ArticleTitle></Article></MedlineCitation></PubmedArticle></PubmedArticleSet>
            """.utf8)
        return try! PubMedArticleXML.split(xml)[0]
    }()

    @Test func recordsAndLookupsRoundTrip() throws {
        let directory = Self.folder()
        defer { Self.removeAll(directory) }
        let cache = PubMedCache(directory: directory)
        #expect(cache.article(pmid: "24616149") == nil)
        try cache.store(Self.article)
        #expect(cache.article(pmid: "24616149")?.record.volume == "31")
        try cache.storeLookup("Duman RS. Neurobiology of stress.\nDepress Anxiety.", pmids: ["24616149"])
        #expect(cache.lookup("Duman RS. Neurobiology of stress.\nDepress Anxiety.") == ["24616149"])
        #expect(cache.lookup("another reference") == nil)
        try cache.storeLookup("nothing", pmids: [])
        #expect(cache.lookup("nothing") == [])
    }

    @Test func corruptEntriesAreDiscarded() throws {
        let directory = Self.folder()
        defer { Self.removeAll(directory) }
        let cache = PubMedCache(directory: directory)
        try cache.store(Self.article)
        // A truncated record, a record filed under another PMID, a lookup without its last line.
        try AtomicFile.write(Array(Self.article.document.prefix(60)), to: cache.recordPath("24616149"))
        #expect(cache.article(pmid: "24616149") == nil)
        #expect(AtomicFile.age(cache.recordPath("24616149")) == nil, "the bad file is removed")
        try AtomicFile.write(Self.article.document, to: cache.recordPath("1"))
        #expect(cache.article(pmid: "1") == nil)
        try cache.storeLookup("key", pmids: ["5"])
        let path = cache.lookupPath("key")
        let bytes = try #require(AtomicFile.read(path, maxBytes: 1000))
        try AtomicFile.write(Array(bytes.dropLast(4)), to: path)
        #expect(cache.lookup("key") == nil)
        // A lookup file that belongs to another key (a hash collision) is not used either.
        try AtomicFile.write(PubMedCache.encodeLookup(key: "other", pmids: ["7"]), to: cache.lookupPath("key"))
        #expect(cache.lookup("key") == nil)
    }

    /// What a writer killed mid-write leaves (`.<name>.tmp-…`) is removed by the next write to the folder once it
    /// is an hour old; a younger one (a live writer's) and the entries themselves stay.
    @Test func abandonedTemporaryFilesAreRemoved() throws {
        let directory = Self.folder()
        defer { Self.removeAll(directory) }
        let cache = PubMedCache(directory: directory)
        try cache.store(Self.article)
        let folder = String(cache.recordPath("1").dropLast("/1.xml".count))
        let abandoned = folder + "/.24616149.xml.tmp-99999-1"
        let live = folder + "/.24616149.xml.tmp-99999-2"
        try AtomicFile.write(Array("half a rec".utf8), to: abandoned)
        try AtomicFile.write(Array("half a rec".utf8), to: live)
        var old = [timespec(tv_sec: time(nil) - 7200, tv_nsec: 0), timespec(tv_sec: time(nil) - 7200, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, abandoned, &old, 0) == 0)
        AtomicFile.removeAbandonedTemporaries(in: folder)
        #expect(AtomicFile.age(abandoned) == nil)
        #expect(AtomicFile.age(live) != nil)
        #expect(cache.article(pmid: "24616149") != nil)
    }

    @Test func expiredEntriesAreMisses() throws {
        let directory = Self.folder()
        defer { Self.removeAll(directory) }
        let fresh = PubMedCache(directory: directory)
        try fresh.store(Self.article)
        try fresh.storeLookup("gone", pmids: [])
        try fresh.storeLookup("kept", pmids: ["24616149"])
        // Lifetimes of -1 s: everything written is already older.
        let expired = PubMedCache(directory: directory, recordLifetime: -1, notFoundLifetime: -1)
        #expect(expired.article(pmid: "24616149") == nil)
        #expect(expired.lookup("gone") == nil)
        let notFoundOnly = PubMedCache(directory: directory, recordLifetime: 3600, notFoundLifetime: -1)
        #expect(notFoundOnly.lookup("kept") == ["24616149"])
    }

    @Test func defaultDirectoryFollowsXDG() {
        #expect(PubMedCache.defaultDirectory { $0 == "XDG_CACHE_HOME" ? "/x/cache" : "/home/u" } == "/x/cache/citecheck")
        #expect(PubMedCache.defaultDirectory { $0 == "HOME" ? "/home/u" : nil } == "/home/u/.cache/citecheck")
        #expect(PubMedCache.defaultDirectory { _ in nil } == nil)
    }

    @Test func atomicWritesLeaveNoTemporaryFiles() throws {
        let directory = Self.folder()
        defer { Self.removeAll(directory) }
        for round in 0..<20 {
            try AtomicFile.write(Array(String(repeating: "\(round)", count: 1000).utf8), to: directory + "/a/b/file.txt")
        }
        #expect(AtomicFile.read(directory + "/a/b/file.txt", maxBytes: 1 << 20).map { String(decoding: $0, as: UTF8.self) } == String(repeating: "19", count: 1000))
        let listing = directoryListing(directory + "/a/b")
        #expect(listing == ["file.txt"])
    }

    private func directoryListing(_ path: String) -> [String] {
        guard let handle = opendir(path) else { return [] }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) } }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    @Test func articlesSplitFromAnEFetchAnswer() throws {
        let answer = Array(
            """
            <?xml version="1.0" ?>
            <!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">
            <PubmedArticleSet>
            <PubmedArticle><MedlineCitation><PMID Version="1">1</PMID><Article><ArticleTitle>One &lt;PubmedArticle&gt; in text.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
            <PubmedArticle><MedlineCitation><PMID Version="1">2</PMID><Article><ArticleTitle>Two.</ArticleTitle></Article></MedlineCitation></PubmedArticle>
            </PubmedArticleSet>
            """.utf8)
        let articles = try PubMedArticleXML.split(answer)
        #expect(articles.map(\.pmid) == ["1", "2"])
        #expect(articles.allSatisfy { !$0.document.isEmpty })
        #expect(try PubMedArticleSetParser.records(fromXML: articles[0].document).first?.title == "One <PubmedArticle> in text.")
        #expect(throws: PubMedXMLError.self) { try PubMedArticleXML.split(Array("<eSearchResult><ERROR>bad</ERROR></eSearchResult>".utf8)) }
    }
}
