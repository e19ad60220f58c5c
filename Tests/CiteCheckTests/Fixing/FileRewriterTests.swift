import Foundation
import Testing

@testable import CiteCheck

/// The atomic rewrite of a post, on real files in a temporary folder.
@Suite struct FileRewriterTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("citecheck-rewrite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func replacesKeepingTheModeAndLeavingNoTemporaryFile() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("post.md")
        try Data("old\r\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
        try FileRewriter.replace(file.path, expected: Array("old\r\n".utf8), with: Array("new\r\n".utf8))
        #expect(try Data(contentsOf: file) == Data("new\r\n".utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["post.md"])
    }

    @Test func refusesAFileChangedSinceItWasRead() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("post.md")
        try Data("as read\n".utf8).write(to: file)
        // The file as the check read it, then an editor saves it.
        let read = try SourceFile(path: file.path, bytes: try Data(contentsOf: file))
        try Data("saved meanwhile\n".utf8).write(to: file)
        #expect(throws: FileRewriter.Failure.changedSinceRead(path: file.path)) {
            try FileRewriter.replace(file.path, expected: read.storedBytes, with: Array("fixed\n".utf8))
        }
        #expect(try Data(contentsOf: file) == Data("saved meanwhile\n".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["post.md"])
    }

    @Test func refusesAReadOnlyFile() throws {
        let folder = try Self.folder()
        let file = folder.appendingPathComponent("post.md")
        try Data("x\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file.path)
        #expect(throws: FileRewriter.Failure.readOnly(path: file.path)) {
            try FileRewriter.replace(file.path, expected: Array("x\n".utf8), with: Array("y\n".utf8))
        }
        #expect(try Data(contentsOf: file) == Data("x\n".utf8))
    }

    @Test func followsASymbolicLink() throws {
        let folder = try Self.folder()
        let target = folder.appendingPathComponent("real.md")
        let link = folder.appendingPathComponent("link.md")
        try Data("a\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        try FileRewriter.replace(link.path, expected: Array("a\n".utf8), with: Array("b\n".utf8))
        #expect(try Data(contentsOf: target) == Data("b\n".utf8))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    }
}

/// Applying edits and rendering them as a diff.
@Suite struct FixApplierTests {
    static func diagnostic(_ source: SourceFile, _ range: Range<Int>, _ replacement: String, _ safety: FixSafety = .safe, line: Int = 1) -> Diagnostic {
        let edit = source.textEdit(range, replacement: replacement)
        return Diagnostic(
            rule: "pubmed-pages", severity: .error, message: "m", file: source.path, range: source.range(of: range),
            fix: Fix(safety: safety, summary: "s", edits: [edit]))
    }

    @Test func onlyTheEditedBytesChangeAndTheRestMoves() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a 199-212 b\r\nc 3 d  \r\nlast".utf8)
        let source = try SourceFile(path: "p.txt", bytes: bytes)
        let pages = Self.diagnostic(source, 2..<9, "291-296")
        let unsafe = Self.diagnostic(source, 15..<16, "4", .unsafe)
        let later = Diagnostic(rule: "x", severity: .info, message: "m", file: "p.txt", range: source.range(of: 18..<22))
        let safeOnly = FixApplier.apply([pages, unsafe, later], to: source, selection: .safe)
        #expect(safeOnly.bytes == [0xEF, 0xBB, 0xBF] + Array("a 291-296 b\r\nc 3 d  \r\nlast".utf8))
        #expect(safeOnly.fixedDiagnostics == [pages])
        #expect(safeOnly.remaining.count == 2)
        let all = FixApplier.apply([pages, unsafe, later], to: source, selection: .all)
        #expect(all.bytes == [0xEF, 0xBB, 0xBF] + Array("a 291-296 b\r\nc 4 d  \r\nlast".utf8))
        // A finding after a longer replacement moves with it.
        let longer = FixApplier.apply([Self.diagnostic(source, 0..<1, "abc"), later], to: source, selection: .safe)
        #expect(longer.remaining[0].range == longer.fixed.range(of: 20..<24))
    }

    @Test func overlappingFixesWaitForTheNextRun() throws {
        let source = SourceFile(path: "p.txt", text: "abcdef\n")
        let first = Self.diagnostic(source, 1..<4, "X")
        let second = Self.diagnostic(source, 3..<5, "Y")
        let fixed = FixApplier.apply([second, first], to: source, selection: .safe)
        #expect(String(decoding: fixed.bytes, as: UTF8.self) == "aXef\n")
        #expect(fixed.remaining.count == 1 && fixed.remaining[0].fix == nil)
    }

    @Test func diffMarksAMissingFinalNewline() {
        let old = Array("one\ntwo\nthree".utf8)
        let new = Array("one\ntwo\nfour".utf8)
        let diff = UnifiedDiff.render(old: old, new: new, oldName: "p", newName: "p")
        #expect(diff == "--- p\n+++ p\n@@ -1,3 +1,3 @@\n one\n two\n-three\n\\ No newline at end of file\n+four\n\\ No newline at end of file\n")
        #expect(UnifiedDiff.render(old: old, new: old, oldName: "p", newName: "p").isEmpty)
    }

    @Test func offsetOfIsThePositionsInverse() {
        let source = SourceFile(path: "p", text: "\u{FEFF}é“x”\r\nb\rc")
        for offset in [0, 2, 5, 6, 9, 11, 12, 13, 14] {
            #expect(source.offset(of: source.position(ofOffset: offset)) == offset)
        }
    }
}
