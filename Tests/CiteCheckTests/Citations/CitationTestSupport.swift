@testable import CiteCheck

/// Builds posts and reference lists by hand for the citation tests.
enum CitationFixture {
    /// One paragraph block whose text starts at byte `offset` of its file.
    static func block(_ text: String, offset: Int = 0, superscripts: [Range<Int>] = [], kind: TextBlock.Kind = .paragraph) -> TextBlock {
        TextBlock(
            kind: kind, text: text, sourceMap: SourceMap(verbatimFrom: offset),
            range: SourceRange(start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1)),
            superscripts: superscripts)
    }

    /// A reference with the fields the linker reads.
    static func reference(
        _ index: Int, number: Int? = nil, authors: [String], year: Int?, journal: String?,
        title: String = "", epubYear: Int? = nil, footnote: String? = nil
    ) -> Reference {
        let entry = ReferenceEntry(
            index: index, label: number.map { "\($0)." }, number: number, footnoteName: footnote,
            text: "\(authors.joined(separator: ", ")). \(title). \(journal ?? ""). \(year.map(String.init) ?? "")",
            sourceMap: SourceMap(verbatimFrom: 0),
            range: SourceRange(start: SourcePosition(line: 100 + index, column: 1), end: SourcePosition(line: 100 + index, column: 10)))
        var parsed = ParsedReference(raw: entry.text)
        parsed.authors = authors.map { Author(family: $0, given: "A") }
        parsed.year = year
        parsed.epubYear = epubYear
        parsed.journal = journal
        parsed.title = title
        return Reference(entry: entry, parsed: parsed)
    }

    /// A post as a document: paragraphs split at blank lines, each mapped verbatim to its place in the file.
    static func document(_ text: String) -> Document {
        let source = SourceFile(path: "post.md", text: text)
        var blocks: [TextBlock] = []
        let bytes = Array(text.utf8)
        var start = 0
        var i = 0
        func flush(_ end: Int) {
            var s = start
            var e = end
            while s < e, bytes[s] == 0x0A || bytes[s] == 0x20 { s += 1 }
            while e > s, bytes[e - 1] == 0x0A || bytes[e - 1] == 0x20 { e -= 1 }
            guard s < e else { return }
            let piece = String(decoding: bytes[s..<e], as: UTF8.self)
            blocks.append(
                TextBlock(
                    kind: .paragraph, text: piece, sourceMap: SourceMap(verbatimFrom: s),
                    range: source.range(of: s..<e)))
        }
        while i < bytes.count {
            if bytes[i] == 0x0A, i + 1 < bytes.count, bytes[i + 1] == 0x0A {
                flush(i)
                start = i + 2
                i += 2
                continue
            }
            i += 1
        }
        flush(bytes.count)
        return Document(source: source, format: .markdown, blocks: blocks)
    }

    /// Citations of one sentence, for a numbered list of `entries` entries.
    static func cites(_ text: String, entries: Int = 10, numbered: Bool = true, superscripts: [Range<Int>] = []) -> [Citation] {
        CitationFinder(entryNumbers: Set(1...max(1, entries)), listIsNumbered: numbered)
            .find(in: block(text, superscripts: superscripts), blockIndex: 0)
    }

    /// The seed post's reference list, as fields (not its text).
    static let seedReferences: [Reference] = [
        reference(
            1, number: 1, authors: ["Feder", "Parides", "Murrough"], year: 2014, journal: "JAMA Psychiatry",
            title: "Efficacy of Intravenous Ketamine for Treatment of Chronic Posttraumatic Stress Disorder: A Randomized Clinical Trial"),
        reference(
            2, number: 2, authors: ["Feder", "Costi", "Rutter"], year: 2021, journal: "American Journal of Psychiatry",
            title: "A Randomized Controlled Trial of Repeated Ketamine Administration for Chronic Posttraumatic Stress Disorder"),
        reference(
            3, number: 3, authors: ["Taylor", "Landeros-Weisenberger", "Coughlin"], year: 2018, journal: "Neuropsychopharmacology",
            title: "Ketamine for Social Anxiety Disorder: A Randomized, Placebo-Controlled Crossover Trial", epubYear: 2017),
        reference(
            4, number: 4, authors: ["Glue", "Neehoff", "Sabadel"], year: 2020, journal: "J Psychopharmacol",
            title:
                "Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study"
        ),
        reference(
            5, number: 5, authors: ["Rodriguez", "Kegeles", "Levinson"], year: 2013, journal: "Neuropsychopharmacology",
            title: "Randomized Controlled Crossover Trial of Ketamine in Obsessive-Compulsive Disorder: Proof-of-Concept"),
        reference(
            6, number: 6, authors: ["Duman"], year: 2014, journal: "Depress Anxiety",
            title: "Neurobiology of stress, depression, and rapid-acting antidepressants: Remodeling synaptic connections"),
    ]
}

extension CitationAnalysis {
    /// Every citation rule's findings on this analysis, in registry order.
    func all() -> [Diagnostic] {
        RuleRegistry.all.compactMap { $0 as? any CitationRule.Type }.flatMap { $0.findings(in: self) }
    }
}
