import Testing

@testable import CiteCheck

@Suite struct SourceFileTests {
    @Test func columnsCountScalarsAndSkipTheBOM() throws {
        let file = try SourceFile(path: "a.txt", bytes: Array("\u{FEFF}“é” x\r\nsecond\rthird\n".utf8))
        #expect(file.lineStarts.count == 4)
        let x = Array(file.text.utf8).firstIndex(of: UInt8(ascii: "x"))!
        #expect(file.position(ofOffset: x) == SourcePosition(line: 1, column: 5))
        let s = Array(file.text.utf8).firstIndex(of: UInt8(ascii: "s"))!
        #expect(file.position(ofOffset: s) == SourcePosition(line: 2, column: 1))
        let t = Array(file.text.utf8).firstIndex(of: UInt8(ascii: "t"))!
        #expect(file.position(ofOffset: t) == SourcePosition(line: 3, column: 1))
    }

    @Test func rejectsBinaryAndInvalidUTF8() {
        #expect(throws: InputError.self) { try SourceFile(path: "bin", bytes: [0x41, 0x00, 0x42]) }
        #expect(throws: InputError.self) { try SourceFile(path: "bad", bytes: [0x41, 0xC3, 0x28]) }
    }
}
