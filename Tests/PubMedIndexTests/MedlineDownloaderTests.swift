import CiteCheck
import Foundation
import LoopbackHTTP
import PubMed
import Synchronization
import Testing

@testable import PubMedIndex

/// `index download` against a loopback stand-in of NLM's file server: a folder listing, `.xml.gz` files that
/// honour `Range`, and `.md5` files in NLM's format. Never the real host.
@Suite struct MedlineDownloaderTests {
    final class FileServer: Sendable {
        let server: LoopbackServer
        let files: [String: [UInt8]]

        init(files: [String: [UInt8]], md5Override: [String: String] = [:]) throws {
            server = try LoopbackServer()
            self.files = files
            let listing =
                "<html><body><pre>"
                + files.keys.sorted().map { name in
                    "<a href=\"\(name)\">\(name)</a>  <a href=\"\(name).md5\">\(name).md5</a>\n"
                }.joined() + "<a href=\"README.txt\">README.txt</a></pre></body></html>"
            server.route("/pubmed/baseline/", .ok(listing, contentType: "text/html"))
            for (name, bytes) in files {
                var digest = MD5()
                digest.update(bytes)
                let md5 = md5Override[name] ?? digest.finalizeHex()
                server.route("/pubmed/baseline/\(name).md5", .ok("MD5(\(name))= \(md5)\n", contentType: "text/plain"))
                server.route("/pubmed/baseline/\(name)", .compute { request in Self.ranged(bytes, request) })
            }
        }

        /// The bytes a `Range: bytes=a-b` asks for, as 206 with `Content-Range`; the whole file without a range.
        static func ranged(_ bytes: [UInt8], _ request: LoopbackServer.Request) -> LoopbackServer.Behavior {
            guard let range = request.header("Range"), range.hasPrefix("bytes=") else {
                return .respond(status: 200, headers: [.init("Content-Type", "application/gzip")], body: bytes)
            }
            let bounds = range.dropFirst(6).split(separator: "-", omittingEmptySubsequences: false)
            let start = Int(bounds[0]) ?? 0
            guard start < bytes.count else { return .status(416) }
            let end = min(bytes.count - 1, bounds.count > 1 ? Int(bounds[1]) ?? bytes.count - 1 : bytes.count - 1)
            return .respond(
                status: 206,
                headers: [.init("Content-Type", "application/gzip"), .init("Content-Range", "bytes \(start)-\(end)/\(bytes.count)")],
                body: Array(bytes[start...end])
            )
        }

        var downloader: MedlineDownloader {
            var downloader = MedlineDownloader(transport: CurlHTTPClient(), baseURL: server.baseURL + "/pubmed")
            downloader.chunkBytes = 4096
            return downloader
        }

        func ranges(_ name: String) -> [String] {
            server.requests.filter { $0.path == "/pubmed/baseline/\(name)" }.compactMap { $0.header("Range") }
        }
    }

    static let medline = Array(FileManager.default.contents(atPath: IndexFixtures.baseline) ?? Data())
    static let update = Array(FileManager.default.contents(atPath: IndexFixtures.update) ?? Data())

    @Test func downloadsEveryListedFileAndVerifiesIt() throws {
        let stand = try FileServer(files: ["pubmed20n0001.xml.gz": Self.medline, "pubmed20n0002.xml.gz": Self.update])
        defer { stand.server.stop() }
        let folder = IndexFixtures.scratch("download")
        let results = try stand.downloader.download(.baseline, into: folder)
        #expect(results.map(\.name) == ["pubmed20n0001.xml.gz", "pubmed20n0002.xml.gz"])
        #expect(results.allSatisfy { !$0.skipped && $0.resumedFrom == 0 })
        #expect(FileManager.default.contents(atPath: folder + "/pubmed20n0001.xml.gz").map(Array.init) == Self.medline)
        #expect(FileManager.default.fileExists(atPath: folder + "/pubmed20n0001.xml.gz.md5"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/pubmed20n0001.xml.gz.part"))
        // In 4 KB ranges, so an interruption loses at most one range.
        #expect(stand.ranges("pubmed20n0001.xml.gz").count == (Self.medline.count + 4095) / 4096)
        // What was downloaded indexes.
        let built = try MedlineIndexBuilder(path: folder + "/pubmed.sqlite").apply([folder], create: true)
        #expect(built.map(\.records) == [150, 1])
        // A second run fetches only the checksums.
        let again = try stand.downloader.download(.baseline, into: folder)
        #expect(again.allSatisfy { $0.skipped })
        #expect(stand.ranges("pubmed20n0001.xml.gz").count == (Self.medline.count + 4095) / 4096)
    }

    @Test func resumesFromAPartialFile() throws {
        let stand = try FileServer(files: ["pubmed20n0001.xml.gz": Self.medline])
        defer { stand.server.stop() }
        let folder = IndexFixtures.scratch("resume")
        let kept = 10_000
        _ = FileManager.default.createFile(atPath: folder + "/pubmed20n0001.xml.gz.part", contents: Data(Self.medline.prefix(kept)))
        let results = try stand.downloader.download(.baseline, into: folder)
        #expect(results.first?.resumedFrom == kept)
        #expect(stand.ranges("pubmed20n0001.xml.gz").first == "bytes=\(kept)-\(kept + 4095)")
        #expect(FileManager.default.contents(atPath: folder + "/pubmed20n0001.xml.gz").map(Array.init) == Self.medline)
    }

    @Test func aChecksumMismatchIsAnErrorAndNothingIsKept() throws {
        let stand = try FileServer(files: ["pubmed20n0001.xml.gz": Self.medline], md5Override: ["pubmed20n0001.xml.gz": String(repeating: "0", count: 32)])
        defer { stand.server.stop() }
        let folder = IndexFixtures.scratch("mismatch")
        do {
            _ = try stand.downloader.download(.baseline, into: folder)
            Issue.record("a file with a wrong checksum was accepted")
        } catch {
            #expect(error.description.contains("checksum mismatch"))
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/pubmed20n0001.xml.gz"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/pubmed20n0001.xml.gz.part"))
    }

    @Test func serverErrorsAreReported() throws {
        let server = try LoopbackServer()
        defer { server.stop() }
        server.route("/pubmed/updatefiles/", .status(503, "maintenance"))
        let downloader = MedlineDownloader(transport: CurlHTTPClient(), baseURL: server.baseURL + "/pubmed")
        let folder = IndexFixtures.scratch("503")
        #expect(throws: IndexError.download(url: server.baseURL + "/pubmed/updatefiles/", reason: "HTTP status 503")) {
            try downloader.download(.updates, into: folder)
        }
    }

    @Test func md5FileFormats() throws {
        #expect(try MedlineDownloader.parseMD5("MD5(pubmed25n0001.xml.gz)= 0123456789ABCDEF0123456789abcdef\n", url: "u") == "0123456789abcdef0123456789abcdef")
        #expect(try MedlineDownloader.parseMD5("0123456789abcdef0123456789abcdef  pubmed25n0001.xml.gz\n", url: "u") == "0123456789abcdef0123456789abcdef")
        #expect(throws: IndexError.self) { try MedlineDownloader.parseMD5("<html>not found</html>", url: "u") }
    }
}
