import Foundation
import Testing

@testable import CiteCheck

@Suite struct JournalCatalogTests {
    @Test(arguments: [
        ("American Journal of Psychiatry", "Am J Psychiatry"),
        ("The American journal of psychiatry", "Am. J. Psychiatry"),
        ("American Journal of Psychiatry", "The American journal of psychiatry"),
        ("Journal of psychopharmacology (Oxford, England)", "J Psychopharmacol"),
        ("Journal of Psychopharmacology", "J Psychopharmacol"),
        ("Depression and anxiety", "Depress Anxiety"),
        ("JAMA Psychiatry", "JAMA psychiatry"),
        ("Progress in Neuro-Psychopharmacology & Biological Psychiatry", "Prog Neuropsychopharmacol Biol Psychiatry"),
    ])
    func sameJournal(_ a: String, _ b: String) {
        #expect(Normalization.sameJournal(a, b))
        #expect(Normalization.sameJournal(b, a))
    }

    @Test func longestKnownPrefixStopsWhereAKeyPartsFromEveryJournal() {
        let known = Normalization.journalKey("Am J Psychiatry")
        #expect(JournalCatalog.longestKnownPrefix(of: known) == known.utf8.count)
        // `am j p` is shared with `am j psychiatry`; `y` after it with no journal's key.
        #expect(JournalCatalog.longestKnownPrefix(of: "am j pyschiatry") == "am j p".utf8.count)
        #expect(JournalCatalog.longestKnownPrefix(of: "") == 0)
        #expect(JournalCatalog.longestKnownPrefix(of: "zzzzzzzz") <= 2)
    }

    @Test func journalNameAgreesWithSameJournal() {
        let names = [
            "Am J Psychiatry", "American Journal of Psychiatry", "Am J Psychol", "J Psychopharmacol",
            "Journal of Psychopharmacology", "J Imag Psychopharmacol", "Journal of Imaginary Psychopharmacology",
            "Neuropsychopharmacology", "Neuropsychology", "", "JAMA psychiatry",
        ]
        for a in names {
            for b in names {
                #expect(JournalName(a).isSame(as: JournalName(b)) == Normalization.sameJournal(a, b))
                #expect(Normalization.sameJournal(a, b) == Normalization.sameJournal(b, a), "\(a) / \(b)")
            }
        }
        #expect(JournalName("Am. J. Psychiatry").catalogID == JournalCatalog.canonicalID(for: "Am J Psychiatry"))
    }

    @Test func catalogGivesOneIDToFullTitleAndAbbreviations() throws {
        let id = try #require(JournalCatalog.canonicalID(for: "Am J Psychiatry"))
        #expect(JournalCatalog.canonicalID(for: "American Journal of Psychiatry") == id)
        #expect(JournalCatalog.canonicalID(for: "The American journal of psychiatry") == id)
        #expect(JournalCatalog.canonicalID(for: "Am. J. Psychiatry") == id)
        #expect(JournalCatalog.canonicalID(for: "Am J Psychol") != id)
        #expect(JournalCatalog.fullTitle(for: "am j psychiatry") == "American Journal of Psychiatry")
        #expect(JournalCatalog.abbreviation(for: "Journal of psychopharmacology (Oxford, England)") == "J Psychopharmacol")
        #expect(JournalCatalog.abbreviation(for: "Depression and Anxiety") == "Depress Anxiety")
        #expect(JournalCatalog.isKnown("Neuropsychopharmacology"))
        #expect(!JournalCatalog.isKnown("Journal of Imaginary Findings"))
        #expect(!JournalCatalog.isKnown(""))
        #expect(JournalCatalog.canonicalID(for: "   .,;") == nil)
    }

    @Test(arguments: [
        ("Am J Psychiatry", "Am J Psychol"),
        ("Neuropsychopharmacology", "Neuropsychology"),
        ("J Psychopharmacol", "J Clin Psychopharmacol"),
        ("Journal of Psychology", "Journal of Psychopharmacology"),
        ("Biochemistry", "Biochemistry (Mosc)"),
        ("Lancet", "Lancet Psychiatry"),
        ("Journal of Imaginary Findings", "Journal of Imaginary Results"),
        ("", ""),
    ])
    func differentJournals(_ a: String, _ b: String) {
        #expect(!Normalization.sameJournal(a, b))
        #expect(!Normalization.sameJournal(b, a))
    }

    @Test func ruleMatchesJournalsTheCatalogDoesNotKnow() {
        #expect(Normalization.sameJournal("Journal of Imaginary Psychopharmacology", "J Imag Psychopharmacol"))
        #expect(Normalization.sameJournal("Natl Rev Imaginary Stud", "National Review of Imaginary Studies"))
        #expect(Normalization.sameJournal("Imaginary Neuropsychopharmacology", "Imag Neuropsychopharmacol"))
        #expect(!Normalization.sameJournal("Imaginary Neuropsychopharmacology", "Imag Neuropsychol"))
        #expect(!Normalization.sameJournal("J Imag Psychol", "Journal of Imaginary Psychopharmacology"))
        #expect(Normalization.sameJournal("Nihon rinsho. Japanese journal of clinical medicine", "Nihon Rinsho"))
        #expect(!Normalization.sameJournal("Imaginary Acta Scandinavica. Supplementum", "Imag Acta Scand"))
    }

    @Test func journalKeyFoldsCasePunctuationTheAndDiacritics() {
        #expect(Normalization.journalKey("The American journal of psychiatry") == "american journal of psychiatry")
        #expect(Normalization.journalKey("Am. J. Psychiatry") == "am j psychiatry")
        #expect(Normalization.journalKey("Alzheimer's & Dementia") == "alzheimers and dementia")
        #expect(Normalization.journalKey("Psycho-Oncology") == "psychooncology")
        #expect(Normalization.journalKey("Revista Médica de Chile") == "revista medica de chile")
        #expect(Normalization.journalKey("Zeitschrift für Psychologie") == "zeitschrift fur psychologie")
        #expect(Normalization.journalKey("The") == "the")
        #expect(Normalization.journalKey("") == "")
    }

    @Test func abbreviatedJournals() {
        #expect(Normalization.isAbbreviatedJournal("Am J Psychiatry"))
        #expect(Normalization.isAbbreviatedJournal("Am. J. Psychiatry"))
        #expect(Normalization.isAbbreviatedJournal("J Psychopharmacol"))
        #expect(Normalization.isAbbreviatedJournal("J Imag Psychopharmacol"))
        #expect(!Normalization.isAbbreviatedJournal("American Journal of Psychiatry"))
        #expect(!Normalization.isAbbreviatedJournal("Depression and Anxiety"))
        #expect(!Normalization.isAbbreviatedJournal("JAMA"))
        #expect(!Normalization.isAbbreviatedJournal("Neuropsychopharmacology"))
        #expect(!Normalization.isAbbreviatedJournal("Journal of Imaginary Findings"))
        #expect(!Normalization.isAbbreviatedJournal(""))
    }

    /// Every row of a sample copied from the CC0 lists resolves full title ↔ abbreviation.
    @Test func sampleRowsResolveFullToAbbreviation() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("fixtures/journals-sample.csv")
        let rows = parseCSV(try String(contentsOf: url, encoding: .utf8))
        #expect(rows.count >= 80)
        #expect(rows.contains { $0.first == "\"Brevia\"" })
        for row in rows {
            guard row.count >= 2 else {
                Issue.record("short row \(row)")
                continue
            }
            let full = row[0]
            let abbr = row[1]
            let id = JournalCatalog.canonicalID(for: full)
            #expect(id != nil, "unknown: \(full)")
            #expect(id == JournalCatalog.canonicalID(for: abbr), "\(full) vs \(abbr)")
            #expect(Normalization.sameJournal(full, abbr), "\(full) vs \(abbr)")
        }
    }

    /// The generator's key function and `Normalization.journalKey` agree on the whole catalog:
    /// every journal's full title and abbreviation lead back to the journal itself.
    @Test func everyCatalogGroupResolvesToItself() {
        let ids = JournalCatalog.allIDs()
        #expect(ids.count > 15_000)
        var failures: [String] = []
        for id in ids {
            guard let e = JournalCatalog.entry(atID: id) else {
                failures.append("no entry at \(id)")
                continue
            }
            if JournalCatalog.canonicalID(for: e.fullTitle) != id { failures.append(e.fullTitle) }
            if JournalCatalog.canonicalID(for: e.abbreviation) != id { failures.append(e.abbreviation) }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
        #expect(JournalCatalog.counts.journals == ids.count)
    }

    /// The table of key-line starts matches the key lines: every key, looked up, gives the id written on its line.
    @Test func everyKeyLineIsFoundThroughTheStartTable() {
        let text = String(decoding: JournalCatalog.keyBytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(JournalCatalog.keyCount == lines.count && lines.count == JournalCatalog.counts.keys)
        var failures: [String] = []
        for line in lines {
            let parts = line.split(separator: "\t")
            guard parts.count == 2, let id = Int(parts[1]) else {
                failures.append(String(line))
                continue
            }
            if JournalCatalog.id(forKey: String(parts[0])) != id { failures.append(String(parts[0])) }
        }
        #expect(failures.isEmpty, "\(failures.count) failures, e.g. \(failures.prefix(5))")
        #expect(JournalCatalog.id(forKey: "aaaa no such journal") == nil && JournalCatalog.id(forKey: "zzzz") == nil)
    }

    /// RFC 4180 CSV: quoted fields, doubled quotes inside.
    private func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var inQuotes = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if inQuotes {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.append("\"")
                        chars.removeFirst()
                    } else {
                        inQuotes = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                inQuotes = true
            } else if c == "," {
                row.append(field)
                field = ""
            } else if c == "\n" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows
    }
}
