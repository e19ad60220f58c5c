// Benchmark and evaluation of Normalization / JournalCatalog; run by scripts/bench-journal-catalog.sh.
import Foundation

let clock = ContinuousClock()
let args = CommandLine.arguments.dropFirst().prefix(1)
var first: Duration = .zero
var id: Int? = nil
first = clock.measure { id = JournalCatalog.canonicalID(for: args.first ?? "Am J Psychiatry") }
let names = ["Am J Psychiatry", "American Journal of Psychiatry", "J Psychopharmacol", "Journal of psychopharmacology (Oxford, England)", "Unknown Journal of Things"]
var hits = 0
let many = clock.measure { for _ in 0..<20_000 { for n in names where JournalCatalog.canonicalID(for: n) != nil { hits += 1 } } }
var same = 0
let pairs = clock.measure { for _ in 0..<20_000 { if Normalization.sameJournal("Am J Psychiatry", "American Journal of Psychiatry") { same += 1 }; if Normalization.sameJournal("J Imag Psychopharmacol", "Journal of Imaginary Psychopharmacology") { same += 1 } } }
print("id", id as Any, "first lookup", first, "| 100k lookups", many, "| 40k sameJournal", pairs, hits, same)
let refs = names.map(JournalName.init)
var s2 = 0
let prepared = clock.measure { for _ in 0..<200_000 { for a in refs where a.isSame(as: refs[1]) { s2 += 1 } } }
var tk = 0
let keys = clock.measure { for _ in 0..<20_000 { for n in names { tk += Normalization.journalKey(n).utf8.count } } }
let t1 = "Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial"
var tw = 0
let titles = clock.measure { for _ in 0..<10_000 { tw += Normalization.titleWords(t1).count } }
print("1M JournalName.isSame", prepared, s2, "| 100k journalKey", keys, "| 10k titleWords(110 chars)", titles, tk, tw)

if CommandLine.arguments.count > 2 {
    let text = try! String(contentsOfFile: CommandLine.arguments[2], encoding: .utf8)
    var n = 0, knownT = 0, knownA = 0, sameID = 0, sameTA = 0, sameISO = 0, abbrTA = 0, fullNotAbbr = 0
    var fails: [String] = []
    for line in text.split(separator: "\n") {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 3 else { continue }
        n += 1
        let (t, iso, ta) = (f[0], f[1], f[2])
        let it = JournalCatalog.canonicalID(for: t), ia = JournalCatalog.canonicalID(for: ta)
        if it != nil { knownT += 1 }
        if ia != nil { knownA += 1 }
        if it != nil && it == ia { sameID += 1 }
        if Normalization.sameJournal(t, ta) { sameTA += 1 } else if fails.count < 15 { fails.append("\(t) | \(ta)") }
        if Normalization.sameJournal(t, iso) { sameISO += 1 }
        if Normalization.journalKey(ta) != Normalization.journalKey(t) {
            if Normalization.isAbbreviatedJournal(ta) { abbrTA += 1 }
            if !Normalization.isAbbreviatedJournal(t) { fullNotAbbr += 1 }
        }
    }
    print("journals \(n): title known \(knownT), MedlineTA known \(knownA), same id \(sameID), sameJournal(title, TA) \(sameTA), sameJournal(title, ISO) \(sameISO), isAbbreviated(TA) \(abbrTA), !isAbbreviated(title) \(fullNotAbbr) (of those with TA != title)")
    var diff = 0
    for line in text.split(separator: "\n") { let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init); if f.count == 3 && Normalization.journalKey(f[2]) != Normalization.journalKey(f[0]) { diff += 1 } }
    print("TA != title: \(diff)")
    fails.forEach { print("  not same:", $0) }
    // Cross pairs: false positives among distinct journals
    let rows = text.split(separator: "\n").compactMap { l -> (String, String)? in let f = l.split(separator: "\t", omittingEmptySubsequences: false).map(String.init); return f.count == 3 ? (f[0], f[2]) : nil }
    let names = rows.map { JournalName($0.0) }, tas = rows.map { JournalName($0.1) }
    var fp = 0; var fpx: [String] = []
    for i in 0..<rows.count { for j in 0..<rows.count where i != j && rows[i].1 != rows[j].1 {
        if names[i].isSame(as: tas[j]) { fp += 1; if fpx.count < 10 { fpx.append("\(rows[i].0) ~ \(rows[j].1)") } } } }
    print("false positives title_i ~ TA_j over \(rows.count * rows.count) pairs: \(fp)")
    fpx.forEach { print("  ", $0) }
}
