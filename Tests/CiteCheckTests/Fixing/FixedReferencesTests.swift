import Foundation
import Testing

@testable import CiteCheck

/// After `--fix`, the reference list the report shows is carried over from the original's with the edits applied; it
/// must equal reading and parsing the fixed file afresh, on every fixture post and for every kind of field edit.
@Suite struct FixedReferencesTests {
    static let postExtensions: Set<String> = ["md", "markdown", "html", "htm", "txt"]

    static func fixturePosts() throws -> [URL] {
        let folder = Fixtures.root.appendingPathComponent("fixtures")
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
        return walker.compactMap { $0 as? URL }.filter { Self.postExtensions.contains($0.pathExtension) && $0.lastPathComponent != "README.md" }
            .sorted { $0.path < $1.path }
    }

    /// Edits of the kinds fixes make: a year, the pages, a title word (with `&` in HTML), the journal, and an
    /// identifier appended after the entry's last byte; on every other reference (`parity`) so that edited and
    /// unedited entries alternate.
    static func edits(_ references: [Reference], in source: SourceFile, format: InputFormat, parity: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for reference in references where reference.entry.index % 2 == parity {
            let ranges = reference.parsed.fieldRanges
            var edits: [TextEdit] = []
            func replace(_ field: ReferenceField, _ value: String) {
                guard let range = ranges[field], !range.isEmpty else { return }
                let written = format == .html ? HTMLEscaping.escape(value) : value
                if let edit = reference.edit(replacing: range, with: written, in: source) { edits.append(edit) }
            }
            replace(.year, "1999")
            replace(.pages, "12-34")
            replace(.volume, "101")
            replace(.journal, format == .html ? "Brain & Behavior" : "Brain Behav")
            if let title = ranges[.title], title.count > 6 {
                let firstWord = title.lowerBound..<(title.lowerBound + 4)
                let written = format == .html ? "A &amp; B" : "Some"
                if let edit = reference.edit(replacing: firstWord, with: written, in: source) { edits.append(edit) }
            }
            let length = reference.entry.text.utf8.count
            if length > 0, reference.entry.index % 4 == parity {
                let end = reference.entry.sourceMap.sourceOffset(forDerived: length - 1) + 1
                edits.append(source.textEdit(end..<end, replacement: " doi:10.1000/xyz.\(reference.entry.index)"))
            }
            for edit in edits {
                diagnostics.append(
                    Diagnostic(
                        rule: "pubmed-year", severity: .error, message: "m", file: source.path, range: edit.range, reference: reference.entry.index,
                        fix: Fix(safety: .safe, summary: "s", edits: [edit])))
            }
        }
        return diagnostics
    }

    /// Entries equal in everything a reader or reporter sees: the source maps compared offset by offset.
    static func same(_ a: Reference, _ b: Reference) -> Bool {
        guard a.parsed == b.parsed, a.entry.text == b.entry.text, a.entry.index == b.entry.index, a.entry.label == b.entry.label,
            a.entry.number == b.entry.number, a.entry.footnoteName == b.entry.footnoteName, a.entry.range == b.entry.range,
            a.entry.listIndex == b.entry.listIndex, a.entry.links == b.entry.links
        else { return false }
        return (0...a.entry.text.utf8.count).allSatisfy { a.entry.sourceMap.sourceOffset(forDerived: $0) == b.entry.sourceMap.sourceOffset(forDerived: $0) }
    }

    @Test func carriedReferencesEqualAFreshRead() throws {
        var carriedPosts = 0
        var editedPosts = 0
        for url in try Self.fixturePosts() {
            let source = try SourceFile(path: url.lastPathComponent, bytes: Array(try Data(contentsOf: url)))
            let format = InputFormat(pathExtension: url.pathExtension)
            let references = try Checker.references(source: source, format: format)
            for parity in [0, 1] {
                let fixed = FixApplier.apply(Self.edits(references, in: source, format: format, parity: parity), to: source, selection: .all)
                guard fixed.changed else { continue }
                editedPosts += 1
                let fresh = try Checker.references(source: fixed.fixed, format: format)
                let viaAPI = try fixed.references(updating: references, format: format, configuration: .default)
                #expect(viaAPI.count == fresh.count, "\(url.lastPathComponent)")
                guard let carried = fixed.carried(references, format: format, limits: Configuration.default.limits) else { continue }
                carriedPosts += 1
                #expect(carried.count == fresh.count, "\(url.lastPathComponent) parity \(parity)")
                for (a, b) in zip(carried, fresh) where !Self.same(a, b) {
                    Issue.record(
                        """
                        \(url.lastPathComponent) parity \(parity) entry \(a.entry.index):
                          carried \(a.entry.text) \(a.entry.range) \(a.entry.links) \(a.entry.sourceMap.anchors)
                          fresh   \(b.entry.text) \(b.entry.range) \(b.entry.links) \(b.entry.sourceMap.anchors)
                          parsed equal: \(a.parsed == b.parsed)
                        """)
                }
            }
        }
        #expect(editedPosts > 40)
        // Most posts' edits are carried without a second read (66 of 80 when this was written).
        #expect(carriedPosts * 4 > editedPosts * 3, "carried \(carriedPosts) of \(editedPosts)")
    }
}
