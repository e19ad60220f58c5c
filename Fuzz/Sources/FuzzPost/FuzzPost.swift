import CiteCheck

/// libFuzzer entry point for the post reader: the input is a post, read as plain text, Markdown and HTML, its
/// reference list found and every offline rule run on it. Invalid UTF-8 goes through `SourceFile(path:bytes:)` (which must refuse it
/// cleanly) and then, repaired, through the readers too, so the fuzzer is not stopped by the decoder.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPost(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let source: SourceFile
    do {
        source = try SourceFile(path: "fuzz", bytes: bytes)
    } catch {
        _ = error.description
        source = SourceFile(path: "fuzz", text: String(decoding: bytes, as: UTF8.self))
    }
    let length = source.text.utf8.count
    for format in InputFormat.allCases {
        let document = DocumentReader.read(source, format: format)
        for block in document.blocks {
            let derived = block.text.utf8.count
            for offset in [0, derived / 2, derived] {
                let mapped = block.sourceMap.sourceOffset(forDerived: offset)
                precondition((0...length).contains(mapped), "block offset \(offset) maps outside the file: \(mapped)")
            }
        }
        // Every rule on the post: none may crash, and every finding stands inside the file.
        if let report = try? Checker.check(source: source, format: format, configuration: .default, currentYear: 2026, verifier: nil) {
            let lines = source.lineStarts.count
            for diagnostic in report.diagnostics {
                precondition(diagnostic.range.start.line >= 1 && diagnostic.range.end.line <= lines, "finding outside the file: \(diagnostic)")
            }
        }
        guard let list = ReferenceListFinder().find(in: document) else { continue }
        for entry in list.entries {
            let mapped = entry.sourceMap.sourceOffset(forDerived: entry.text.utf8.count)
            precondition((0...length).contains(mapped), "entry maps outside the file: \(mapped)")
            precondition(entry.range.start <= entry.range.end, "entry range runs backwards: \(entry.range)")
        }
    }
    return 0
}
