import Testing

@testable import CiteCheck

/// Every word of every block's text and of every entry's text maps back to the same word in the file.
@Suite struct SourceMapTests {
    static let fixtures = [
        "numbered.txt", "indented.txt", "numbered.md", "footnotes.md", "author-year.md", "numbered.html",
        "wordpress.html", "hanging-indent.txt", "no-heading.txt", "crlf.txt", "bom.txt",
    ]

    /// Byte ranges of words (letters and digits, any script) in `text`.
    /// A superscript boundary also ends a word (`hyaluronan` + superscript `1`).
    static func words(_ text: String, breaks: Set<Int> = []) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var offset = 0
        var start: Int?
        for scalar in text.unicodeScalars {
            if breaks.contains(offset), let s = start {
                result.append(s..<offset)
                start = nil
            }
            let isWord = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
            if isWord, start == nil { start = offset }
            if !isWord, let s = start {
                result.append(s..<offset)
                start = nil
            }
            offset += UTF8.width(scalar)
        }
        if let s = start { result.append(s..<offset) }
        return result
    }

    static func checkWords(_ text: String, _ map: SourceMap, in source: SourceFile, context: String, superscripts: [Range<Int>] = []) -> Int {
        let textBytes = Array(text.utf8)
        let fileBytes = Array(source.text.utf8)
        var checked = 0
        for word in words(text, breaks: Set(superscripts.flatMap { [$0.lowerBound, $0.upperBound] })) {
            let sourceStart = map.sourceOffset(forDerived: word.lowerBound)
            // A word that came out of a character reference (`&eacute;`) cannot match byte for byte.
            let written = fileBytes[sourceStart..<min(fileBytes.count, sourceStart + word.count)]
            if fileBytes[sourceStart] == UInt8(ascii: "&") { continue }
            #expect(Array(written) == Array(textBytes[word]), "\(context): \(String(decoding: textBytes[word], as: UTF8.self))")
            // The last byte of the word maps inside the word too.
            #expect(map.sourceOffset(forDerived: word.upperBound - 1) == sourceStart + word.count - 1, "\(context)")
            checked += 1
        }
        return checked
    }

    @Test(arguments: SourceMapTests.fixtures)
    func everyWordMapsBack(_ name: String) throws {
        let document = try Fixtures.document(name)
        var checked = 0
        for block in document.blocks {
            checked += Self.checkWords(block.text, block.sourceMap, in: document.source, context: "\(name) block", superscripts: block.superscripts)
        }
        if let list = ReferenceListFinder().find(in: document) {
            for entry in list.entries {
                checked += Self.checkWords(entry.text, entry.sourceMap, in: document.source, context: "\(name) entry \(entry.index)")
            }
        }
        #expect(checked > 50)
    }

    @Test func positionsAfterEntitiesTagsAndMultibyteText() {
        let html = "<p>Caf&eacute; &amp; <em>th&eacute;</em> \u{201C}Stéroïdes\u{201D}<br>\r\n<b>Feder</b>&nbsp;A.</p>"
        let source = SourceFile(path: "a.html", text: html)
        let document = DocumentReader.read(source, format: .html)
        let block = document.blocks[0]
        #expect(block.text == "Café & thé “Stéroïdes”\nFeder\u{00A0}A.")
        func position(of word: String) -> SourcePosition {
            let bytes = Array(block.text.utf8)
            let needle = Array(word.utf8)
            let offset = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle } ?? -1
            return source.position(ofOffset: block.sourceMap.sourceOffset(forDerived: offset))
        }
        #expect(position(of: "Caf") == SourcePosition(line: 1, column: 4))
        #expect(position(of: "é &") == SourcePosition(line: 1, column: 7))
        #expect(position(of: "& th") == SourcePosition(line: 1, column: 16))
        #expect(position(of: "th") == SourcePosition(line: 1, column: 26))
        #expect(position(of: "Stéroïdes") == SourcePosition(line: 1, column: 43))
        #expect(position(of: "Feder") == SourcePosition(line: 2, column: 4))
        #expect(position(of: "A.") == SourcePosition(line: 2, column: 19))
        #expect(block.range.start == SourcePosition(line: 1, column: 4))
        #expect(block.range.end == SourcePosition(line: 2, column: 21))
    }

    @Test func plainTextCRLFKeepsLineColumns() {
        let text = "Intro line one\r\nline two\r\n\r\nReferences\r\n  1. Smith J, Doe K. Title é. J Med. 2020;1:2-3.\r\n     wrapped part.\r\n"
        let source = SourceFile(path: "a.txt", text: text)
        let document = DocumentReader.read(source, format: .text)
        #expect(document.blocks.map(\.text) == ["Intro line one\nline two", "References", "Smith J, Doe K. Title é. J Med. 2020;1:2-3.\nwrapped part."])
        let item = document.blocks[2]
        #expect(item.range == SourceRange(start: SourcePosition(line: 5, column: 3), end: SourcePosition(line: 6, column: 19)))
        #expect(item.indent == 2)
        let wrapped = Array(item.text.utf8).firstIndex(of: UInt8(ascii: "w")) ?? 0
        #expect(source.position(ofOffset: item.sourceMap.sourceOffset(forDerived: wrapped)) == SourcePosition(line: 6, column: 6))
        let list = ReferenceListFinder().find(in: document)
        #expect(list?.entries.first?.text == "Smith J, Doe K. Title é. J Med. 2020;1:2-3. wrapped part.")
    }

    @Test func slicedMapsKeepOffsets() {
        var map = SourceMap(verbatimFrom: 10)
        map.append(derived: 5, source: 30)
        map.append(derived: 8, source: 50)
        let slice = map.slice(3..<9)
        #expect(slice.sourceOffset(forDerived: 0) == 13)
        #expect(slice.sourceOffset(forDerived: 2) == 30)
        #expect(slice.sourceOffset(forDerived: 4) == 32)
        #expect(slice.sourceOffset(forDerived: 5) == 50)
    }

    @Test func trackerAgreesWithSourceFile() {
        let text = "a“é”b\r\nsecond line ü\rthird\n\nfifth 🙂 x\n" + String(repeating: "ab€", count: 50)
        let source = SourceFile(path: "t", text: text)
        var tracker = PositionTracker(source)
        let count = text.utf8.count
        for offset in 0...count { #expect(tracker.position(ofOffset: offset) == source.position(ofOffset: offset)) }
        for offset in stride(from: count, through: 0, by: -7) { #expect(tracker.position(ofOffset: offset) == source.position(ofOffset: offset)) }
    }
}
