import CiteCheck

/// libFuzzer entry point for the reference parser: the input, decoded as UTF-8 (invalid bytes repaired), is one
/// reference string.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReference(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let parsed = ReferenceParser().parse(text)
    _ = parsed.pages?.isArticleNumber
    _ = parsed.authors.count
    return 0
}
