import CLibXML2

/// One-time, process-wide libxml2 set-up: `xmlInitParser` (required before parsing on several threads) and an
/// external entity loader that refuses everything, so no DTD, entity or XInclude target is ever fetched from a
/// file or the network, whatever the options of a parser.
enum LibXML2Setup {
    private static let initialised: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader(refuseExternalEntity)
        return true
    }()

    /// Runs the set-up on first call; later calls are free. Also silences libxml2's generic error channel for
    /// the calling thread (it is a per-thread setting).
    static func prepareThread() {
        _ = initialised
        citecheck_xml_silence_thread_errors()
    }
}

/// The external entity loader: loads nothing.
private func refuseExternalEntity(
    _ url: UnsafePointer<CChar>?, _ id: UnsafePointer<CChar>?, _ context: xmlParserCtxtPtr?
) -> xmlParserInputPtr? {
    nil
}
