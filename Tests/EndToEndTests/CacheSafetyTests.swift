import Foundation
import PubMed
import Testing

/// The cache and `--record` under abuse: runs killed with SIGKILL at random moments and runs sharing one cache
/// never leave an entry that does not read back whole.
@Suite(.serialized) struct CacheSafetyTests {
    /// Every file under `folder` that is not a temporary file (`.name.tmp-…`).
    static func entries(_ folder: URL) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { !$0.lastPathComponent.hasPrefix(".") && $0.pathExtension != "" }
    }

    /// Each record file parses to exactly the record its name says; each lookup file is complete.
    static func expectWhole(_ folder: URL) throws {
        for file in entries(folder) {
            let bytes = Array(try Data(contentsOf: file))
            if file.pathExtension == "xml" {
                let records = try PubMedArticleSetParser.records(fromXML: bytes)
                #expect(records.map(\.pmid) == [file.deletingPathExtension().lastPathComponent], "\(file.path)")
            } else {
                let text = String(decoding: bytes, as: UTF8.self)
                #expect(text.hasPrefix("citecheck-lookup 1\n") && text.hasSuffix("\nend\n"), "\(file.path)")
            }
        }
    }

    @Test func runsKilledAtRandomMomentsLeaveNoHalfEntry() throws {
        let standIn = try EUtilitiesStandIn(fixtures: [OnlineVerificationTests.seedFixtures, OnlineVerificationTests.medlineSample])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-kill-\(UUID().uuidString)")
        let record = cache.appendingPathComponent("recorded")
        defer { try? FileManager.default.removeItem(at: cache) }
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = [
                "--verify", "--no-cache", "--eutils-url", standIn.baseURL, "--email", "tests@example.org",
                "--record", record.path, "examples/ketamine-anxiety.md",
            ]
            // Alternate: half the rounds write the cache, half write --record only.
            if round % 2 == 0 { process.arguments?.removeAll { $0 == "--no-cache" } }
            process.currentDirectoryURL = CLI.root
            process.environment = ["XDG_CACHE_HOME": cache.path, "PATH": "/usr/bin:/bin"]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32.random(in: 50_000...1_500_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try Self.expectWhole(cache)
        }
        #expect(standIn.requests.count > 0)
    }

    @Test func runsSharingACacheAgree() throws {
        let standIn = try EUtilitiesStandIn(fixtures: [OnlineVerificationTests.seedFixtures])
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let outputs = Outputs()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let result = try? CLI.run(
                ["--verify", "--eutils-url", standIn.baseURL, "--email", "tests@example.org", "--format", "json", "examples/ketamine-anxiety.md"],
                environment: ["XDG_CACHE_HOME": cache.path]
            )
            outputs.append(result?.stdout ?? "")
        }
        let all = outputs.values
        #expect(all.count == 4)
        #expect(Set(all).count == 1)
        #expect(all.first?.contains("\"pubmed-pages\"") == true)
        try Self.expectWhole(cache)
        // And a fifth run is served by the shared cache alone.
        let before = standIn.requests.count
        _ = try CLI.run(["--verify", "--eutils-url", standIn.baseURL, "--email", "tests@example.org", "examples/ketamine-anxiety.md"], environment: ["XDG_CACHE_HOME": cache.path])
        #expect(standIn.requests.count == before)
    }
}

private final class Outputs: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()

    func append(_ item: String) {
        lock.lock()
        items.append(item)
        lock.unlock()
    }

    var values: [String] {
        lock.lock()
        defer { lock.unlock() }
        return items
    }
}
