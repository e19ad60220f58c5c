import PubMed

/// libFuzzer entry point for the PubMed answer readers: the same bytes go to the EFetch/MEDLINE reader, the
/// ESearch reader and the ECitMatch text reader. Thrown errors are the expected outcome for most inputs; only a
/// crash, a hang or a sanitizer report is a finding. Limits are tightened so deep or large inputs hit them fast.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPubMedXML(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let limits = XMLReaderLimits(maxBytes: 1 << 20, maxDepth: 64)
    do {
        let records = try PubMedArticleSetParser.records(fromXML: bytes, limits: limits)
        _ = records.count
    } catch {
        _ = "\(error)"
    }
    do {
        _ = try ESearchResultParser.result(fromXML: bytes, limits: limits)
    } catch {
        _ = "\(error)"
    }
    do {
        _ = try ECitMatchResultParser.result(fromText: bytes)
    } catch {
        _ = "\(error)"
    }
    return 0
}
