import Foundation
import Testing

/// Posts written the way bloggers write: every file in `fixtures/posts/real-shapes/` is run through
/// `citecheck parse --format jsonl` and `citecheck --format json --offline`, and compared with the hand-written
/// expectations in `fixtures/expected/real-shapes/<basename>.json`:
///
/// - `entries`: `[{"line", "kind"}]`, every reference-list entry a person counts (its first line, ±1);
/// - `findings`: `[{"line", "rule"}]`, the problems planted on purpose, each of which must be reported (line ±1);
/// - `absent`: `[{"line", "rule"}]`, false alarms a careless checker would raise, none of which may be reported on
///   that exact line (entries often sit on neighbouring lines, and a neighbour may rightly carry the same rule).
///
/// A post whose `findings` list is empty must raise no error or warning at all. Kinds are a soft measure: the share
/// that matches is printed, never failed on. See `fixtures/posts/real-shapes/README.md` for what each post exercises.
@Suite struct RealShapeFixtureTests {
    static let postsFolder = "fixtures/posts/real-shapes"
    static let expectedFolder = "fixtures/expected/real-shapes"
    static let postExtensions: Set<String> = ["md", "html", "txt"]
    /// Lines an expected entry or finding may be off by.
    static let tolerance = 1

    /// Every post in the folder (not its README), sorted, so that each is its own test case.
    static let posts: [String] = {
        let folder = CLI.root.appendingPathComponent(postsFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { name in
            let url = URL(fileURLWithPath: name)
            return postExtensions.contains(url.pathExtension) && url.deletingPathExtension().lastPathComponent != "README"
        }.sorted()
    }()

    struct Expected: Decodable {
        struct Entry: Decodable {
            var line: Int
            var kind: String
        }
        struct Finding: Decodable {
            var line: Int
            var rule: String
        }
        var entries: [Entry]
        var findings: [Finding]
        var absent: [Finding]
    }

    struct Found {
        var line: Int
        var kind: String?
    }

    struct Reported {
        var line: Int
        var rule: String
        var severity: String
        var message: String
    }

    @Test func thereAreEnoughPosts() {
        #expect(Self.posts.count >= 22, "the real-shape corpus holds at least 22 posts")
    }

    @Test(arguments: posts)
    func post(_ name: String) throws {
        let path = "\(Self.postsFolder)/\(name)"
        let basename = URL(fileURLWithPath: name).deletingPathExtension().lastPathComponent
        let expectedURL = CLI.root.appendingPathComponent("\(Self.expectedFolder)/\(basename).json")
        let expected = try JSONDecoder().decode(Expected.self, from: try Data(contentsOf: expectedURL))

        // (a) entries: parse output, one JSON object per line.
        let parse = try CLI.run(["parse", path, "--format", "jsonl"])
        #expect(parse.status == 0, "\(name): parse exited \(parse.status): \(parse.stderr)")
        let found: [Found] = parse.stdout.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let number = object["line"] as? Int
            else { return nil }
            return Found(line: number, kind: object["kind"] as? String)
        }
        var matched = Set<Int>()
        var kindsCompared = 0
        var kindsAgreeing = 0
        for entry in expected.entries {
            let candidates = found.indices.filter { abs(found[$0].line - entry.line) <= Self.tolerance && !matched.contains($0) }
            // The closest unclaimed parsed reference is this entry's.
            guard let index = candidates.min(by: { abs(found[$0].line - entry.line) < abs(found[$1].line - entry.line) }) else {
                Issue.record("\(name): expected a \(entry.kind) entry at line \(entry.line), none parsed within ±\(Self.tolerance)")
                continue
            }
            matched.insert(index)
            if let kind = found[index].kind {
                kindsCompared += 1
                if kind == entry.kind { kindsAgreeing += 1 }
            }
        }
        let unexpected = found.indices.filter { !matched.contains($0) }.map { found[$0].line }
        if !unexpected.isEmpty {
            Issue.record("\(name): entries parsed that are not expected, at lines \(unexpected.map(String.init).joined(separator: ", "))")
        }
        if kindsCompared > 0 {
            print("[real-shapes] \(name): kind matches \(kindsAgreeing)/\(kindsCompared) of the matched entries (\(expected.entries.count) expected)")
        } else {
            print("[real-shapes] \(name): no kind in parse output; kind not compared (\(expected.entries.count) entries expected)")
        }

        // (b)-(d) findings: the check command's JSON.
        let check = try CLI.run(["--fail-on", "never", "--format", "json", "--offline", path])
        #expect(check.status == 0, "\(name): check exited \(check.status): \(check.stderr)")
        let json = try #require(JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any], "\(name): check printed no JSON")
        let reported: [Reported] = (json["files"] as? [[String: Any]] ?? []).flatMap { file in
            (file["diagnostics"] as? [[String: Any]] ?? []).compactMap { diagnostic in
                guard let rule = diagnostic["rule"] as? String, let line = diagnostic["line"] as? Int else { return nil }
                return Reported(line: line, rule: rule, severity: diagnostic["severity"] as? String ?? "", message: diagnostic["message"] as? String ?? "")
            }
        }
        func describe(_ r: Reported) -> String { "\(r.line): \(r.severity) \(r.rule): \(r.message)" }

        for finding in expected.findings {
            let hit = reported.contains { $0.rule == finding.rule && abs($0.line - finding.line) <= Self.tolerance }
            #expect(hit, "\(name): planted \(finding.rule) at line \(finding.line) is not reported")
        }
        for finding in expected.absent {
            let alarms = reported.filter { $0.rule == finding.rule && $0.line == finding.line }
            #expect(alarms.isEmpty, "\(name): false alarm at line \(finding.line): \(alarms.map(describe).joined(separator: "; "))")
        }
        if expected.findings.isEmpty {
            let serious = reported.filter { $0.severity == "error" || $0.severity == "warning" }
            #expect(serious.isEmpty, "\(name) is clean, yet: \(serious.map(describe).joined(separator: "; "))")
        }
    }
}
