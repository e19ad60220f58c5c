import CiteCheck
// The rule registry is the one list of rules: every id a finding can carry is registered, each id is written in
// one file under Sources/ (its rule's), every rule is described with examples, and `citecheck rules` lists all.
import Foundation
import Testing

@Suite struct RuleRegistryTests {
    static let sources = CLI.root.appendingPathComponent("Sources")

    /// Every Swift file under Sources/ with its text, by path from the repository root.
    static func sourceFiles() throws -> [(path: String, text: String)] {
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files: [(String, String)] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            let relative = String(url.path.dropFirst(CLI.root.path.count + 1))
            files.append((relative, try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }

    /// The words of `text` shaped like rule ids (`ref-…`, `cite-…`, `pubmed-…`, or a registered id such as
    /// `unknown-rule`), with what stands before each.
    static func idLikeWords(in text: String) -> [(word: String, quoted: Bool)] {
        let bytes = Array(text.utf8)
        func isWordByte(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "-")
        }
        var words: [(String, Bool)] = []
        var i = 0
        while i < bytes.count {
            guard isWordByte(bytes[i]), i == 0 || !isWordByte(bytes[i - 1]) && !(bytes[i - 1] >= UInt8(ascii: "A") && bytes[i - 1] <= UInt8(ascii: "Z")) else {
                i += 1
                continue
            }
            var j = i
            while j < bytes.count, isWordByte(bytes[j]) { j += 1 }
            let word = String(decoding: bytes[i..<j], as: UTF8.self)
            let shaped = ["ref-", "cite-", "pubmed-"].contains(where: { word.hasPrefix($0) && word.count > $0.count }) && !word.hasSuffix("-")
            if shaped || RuleRegistry.ids.contains(word) {
                words.append((word, i > 0 && bytes[i - 1] == UInt8(ascii: "\"") && j < bytes.count && bytes[j] == UInt8(ascii: "\"")))
            }
            i = j
        }
        return words
    }

    @Test func eachRuleIdIsWrittenInOneFileOnly() throws {
        let files = try Self.sourceFiles()
        var filesByID: [String: Set<String>] = [:]
        for file in files {
            for (word, quoted) in Self.idLikeWords(in: file.text) {
                filesByID[word, default: []].insert(file.path)
                // A string literal shaped like a rule id is an id a finding may carry: it must be registered.
                if quoted { #expect(RuleRegistry.ids.contains(word), "\(file.path) writes \"\(word)\", which no registered rule declares") }
            }
        }
        for description in RuleRegistry.descriptions {
            let homes = filesByID[description.id] ?? []
            #expect(homes.count == 1, "\(description.id) is written in \(homes.sorted())")
            if let home = homes.first {
                let text = try #require(files.first { $0.path == home }?.text)
                #expect(text.contains("id: \"\(description.id)\""), "\(description.id)'s one file \(home) does not declare it")
            }
        }
    }

    @Test func idsAreUniqueAndEveryRuleIsDescribedWithExamples() throws {
        let ids = RuleRegistry.ids
        #expect(Set(ids).count == ids.count)
        #expect(!ids.isEmpty)
        for description in RuleRegistry.descriptions {
            #expect(!description.summary.isEmpty && !description.rationale.isEmpty, "\(description.id)")
            #expect(!description.triggeringExamples.isEmpty && !description.nonTriggeringExamples.isEmpty, "\(description.id)")
            #expect(description.triggeringExamples.allSatisfy { !$0.strippedPost.markers.isEmpty }, "\(description.id)")
            #expect(description.nonTriggeringExamples.allSatisfy { $0.strippedPost.markers.isEmpty }, "\(description.id)")
            #expect(RuleRegistry.description(id: description.id) == description)
            let examples = description.triggeringExamples + description.nonTriggeringExamples
            for record in examples.flatMap(\.records) {
                #expect(FileManager.default.fileExists(atPath: CLI.root.appendingPathComponent(record).path), "\(description.id): \(record)")
            }
        }
        // Verification findings are checked against records; the linter's rules read the post alone.
        for rule in RuleRegistry.verificationRules {
            let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
            #expect(examples.allSatisfy { !$0.records.isEmpty }, "\(rule.description.id)")
        }
        for rule in RuleRegistry.all {
            let examples = rule.description.triggeringExamples + rule.description.nonTriggeringExamples
            #expect(examples.allSatisfy { $0.records.isEmpty }, "\(rule.description.id)")
        }
    }

    @Test func citecheckRulesListsEveryRule() throws {
        let result = try CLI.run(["rules"])
        #expect(result.status == 0, "\(result.stderr)")
        let listed = result.stdout.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(listed == RuleRegistry.ids)
        for id in RuleRegistry.ids {
            let explained = try CLI.run(["explain", id])
            let shown = explained.status == 0 && explained.stdout.contains(id)
            #expect(shown, "\(id): \(explained.stderr)")
        }
    }
}
