import CiteCheck
import Foundation

/// Was the `lookupIsFast` unit test: the embedded journal catalog's first lookup (which builds its index) and
/// 10,000 lookups after it. Target: the first lookup under 50 ms.
enum CatalogLookupBench {
    @MainActor static func run() {
        let names = ["Am J Psychiatry", "American Journal of Psychiatry", "J Psychopharmacol", "Unknown Journal of Things"]
        let clock = ContinuousClock()
        let first = clock.measure { _ = JournalCatalog.canonicalID(for: "Depress Anxiety") }
        let many = clock.measure {
            for _ in 0..<2_500 { for n in names { _ = JournalCatalog.canonicalID(for: n) } }
        }
        print("catalog-lookup: first lookup \(first), 10,000 lookups \(many)")
        if first >= .milliseconds(50) { failures.append("first catalog lookup took \(first) (target < 50 ms)") }
    }
}
