@testable import CiteCheck

/// Builds check contexts by hand: a post's text plus the references in it with their parsed fields, standing in
/// for the reader and parser so the rules can be tested on their own.
struct TestPost {
    let source: SourceFile
    var references: [Reference] = []
    var directives: [SuppressionDirective] = []

    init(_ text: String, path: String = "post.txt") {
        source = SourceFile(path: path, text: text)
    }

    /// Adds the entry whose text (after `label` and a space) is `text`, found in the post; `fields` names parsed
    /// fields by the exact text they cover in the entry, so positions come out as the parser would give them.
    mutating func add(
        label: String? = nil, number: Int? = nil, _ text: String,
        fields: [ReferenceField: String] = [:], build: (inout ParsedReference) -> Void = { _ in }
    ) {
        let bytes = Array(source.text.utf8)
        let needle = Array(text.utf8)
        guard let textStart = TestPost.find(needle, in: bytes) else { fatalError("entry text not in post: \(text)") }
        let labelStart = label.map { textStart - $0.utf8.count - 1 } ?? textStart
        let index = references.count + 1
        let entry = ReferenceEntry(
            index: index, label: label, number: number ?? label.flatMap { Int($0.filter(\.isNumber)) }, text: text,
            sourceMap: SourceMap(verbatimFrom: textStart), range: source.range(of: labelStart..<(textStart + needle.count))
        )
        var parsed = ParsedReference(raw: text)
        for (field, covered) in fields {
            guard let start = TestPost.find(Array(covered.utf8), in: needle) else { fatalError("field text not in entry: \(covered)") }
            parsed.fieldRanges[field] = start..<(start + covered.utf8.count)
        }
        build(&parsed)
        references.append(Reference(entry: entry, parsed: parsed))
    }

    var document: Document { Document(source: source, format: .text, blocks: [], directives: directives) }

    func context(_ configuration: Configuration = .default, year: Int = 2026) -> CheckContext {
        CheckContext(document: document, referenceList: nil, references: references, configuration: configuration, currentYear: year)
    }

    func run<R: Rule>(_ rule: R.Type, _ configuration: Configuration = .default, year: Int = 2026) -> [Diagnostic] {
        R().check(context(configuration, year: year))
    }

    func lint(_ configuration: Configuration = .default, year: Int = 2026) -> [Diagnostic] {
        Linter(configuration: configuration).lint(context(configuration, year: year))
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard !needle.isEmpty, needle.count <= haystack.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start..<(start + needle.count)].elementsEqual(needle) {
            return start
        }
        return nil
    }
}

/// A journal reference with the usual fields set.
func article(
    _ parsed: inout ParsedReference, authors: [String], title: String, quoted: Bool = false, journal: String?,
    year: Int?, volume: String?, issue: String? = nil, pages: PageRange?, style: CitationStyle = .vancouver
) {
    parsed.authors = authors.map { name in
        let parts = name.split(separator: " ", maxSplits: 1).map(String.init)
        return Author(family: parts[0], given: parts.count > 1 ? parts[1] : "")
    }
    parsed.title = title
    parsed.titleQuoted = quoted
    parsed.journal = journal
    parsed.year = year
    parsed.volume = volume
    parsed.issue = issue
    parsed.pages = pages
    parsed.style = style
}
