import Synchronization

/// Holds a context's citation analysis once it has been computed, so the `cite-*` rules share one
/// analysis instead of each finding and linking the post's citations again.
///
/// A `CheckContext` replaces its memo whenever the document, the reference list or the references change, so a
/// memo never outlives the inputs it was computed from; copies of an unchanged context share it.
final class CitationAnalysisMemo: Sendable {
    private let stored = Mutex<CitationAnalysis?>(nil)

    init() {}

    /// The stored analysis, computing and storing it on first use.
    func value(_ compute: () -> CitationAnalysis) -> CitationAnalysis {
        if let value = stored.withLock({ $0 }) { return value }
        let value = compute()
        stored.withLock { $0 = value }
        return value
    }
}
