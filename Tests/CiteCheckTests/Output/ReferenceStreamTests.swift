import Testing

@testable import CiteCheck

@Suite struct ReferenceStreamTests {
    final class Collected {
        var bytes: [UInt8] = []
        var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    func render(_ format: ReferenceStream.Format, files: [(String, [String])]) -> String {
        let collected = Collected()
        var stream = ReferenceStream(format: format) { collected.bytes += $0 }
        let parser = ReferenceParser()
        for (path, references) in files {
            stream.beginFile(path, count: references.count)
            for (offset, text) in references.enumerated() {
                stream.write(parser.parse(text), line: offset + 1, heading: "\(offset + 1). \(path)")
            }
            stream.endFile()
        }
        stream.finish()
        return collected.text
    }

    let reference = "Duman RS. Neurobiology of stress. Depress Anxiety. 2014;31(4):291-6."

    @Test func jsonIsOneDocumentWhateverTheNumberOfFiles() {
        #expect(render(.json, files: []) == "{\"files\":[]}\n")
        let two = render(.json, files: [("a.md", [reference]), ("b \"q\".md", [])])
        #expect(two.hasPrefix("{\"files\":[{\"path\":\"a.md\",\"references\":[{\"line\":1,\"authors\":[{\"family\":\"Duman\""))
        #expect(two.hasSuffix("{\"path\":\"b \\\"q\\\".md\",\"references\":[]}]}\n"))
    }

    @Test func jsonLinesIsOneObjectPerLine() {
        let lines = render(.jsonl, files: [("a.md", [reference, reference])]).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasPrefix("{\"line\":") && $0.hasSuffix("}") })
    }

    @Test func textHeadsEachPostAndReference() {
        let text = render(.text, files: [("a.md", [reference])])
        #expect(text.hasPrefix("a.md: 1 reference\n\n1. a.md\nline 1 [vancouver]\n  authors:  Duman, RS\n"))
        #expect(text.contains("  pages:    291-296\n"))
    }

    @Test func largeOutputIsHandedOverInChunks() {
        var chunks = 0
        var stream = ReferenceStream(format: .jsonl) { _ in chunks += 1 }
        let parsed = ReferenceParser().parse(reference)
        for line in 1...2_000 { stream.write(parsed, line: line) }
        stream.finish()
        #expect(chunks > 2)
    }
}
