import Foundation

/// The project's example post, `examples/ketamine-anxiety.md` (written for citecheck; it cites the six studies of
/// the post the project was created from, whose prose is not ours and is not in the repository), and the same post
/// laid out as that post was: plain text, a `References:` heading, entries indented four spaces, a closing remark.
enum ExamplePost {
    static let path = "examples/ketamine-anxiety.md"

    static func markdown() throws -> String {
        try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// The text before the `## References` heading.
    static func body() throws -> String {
        let text = try markdown()
        guard let cut = text.range(of: "\n## References") else { throw CocoaError(.fileReadCorruptFile) }
        return String(text[..<cut.lowerBound])
    }

    /// The entries of the example's list as written, without their `N. ` labels.
    static func entries() throws -> [String] {
        try markdown().split(separator: "\n").compactMap { line in
            guard let dot = line.firstIndex(of: "."), let number = Int(line[..<dot]), number > 0,
                line[line.index(after: dot)...].hasPrefix(" ")
            else { return nil }
            return String(line[line.index(dot, offsetBy: 2)...])
        }
    }

    static let closingRemark = "Questions about any of these studies? Bring them to your next appointment."

    /// The example in the seed post's layout: headings without `#`, `References:`, `    N. entry` lines, a closing
    /// remark after the list. `quirks` gives the entries the seed's inconsistencies: entry 2's journal written in full,
    /// the titles of entries 1–3 in curly quotes (the others bare), entry 3's pages followed by `(online 2017)`.
    static func seedShaped(quirks: Bool = false) throws -> String {
        var lines: [String] = []
        for line in try body().split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(line.hasPrefix("#") ? String(line.drop { $0 == "#" || $0 == " " }) : String(line))
        }
        lines += ["References:", ""]
        for (k, var entry) in try entries().enumerated() {
            if quirks {
                entry = quoted(entry, k)
                if k == 1 { entry = entry.replacingOccurrences(of: "Am J Psychiatry.", with: "American Journal of Psychiatry.") }
                if k == 2 { entry = entry.replacingOccurrences(of: "325-333.", with: "325-333 (online 2017).") }
            }
            lines.append("    \(k + 1). \(entry)")
        }
        lines += ["", closingRemark, ""]
        return lines.joined(separator: "\n")
    }

    /// Entry `k` (0-based) with its title in curly quotes for the first three entries: the title runs from after
    /// `et al. ` to the period before the journal.
    private static func quoted(_ entry: String, _ k: Int) -> String {
        guard k < 3, let start = entry.range(of: "et al. ")?.upperBound,
            let end = entry[start...].range(of: ". ")?.lowerBound
        else { return entry }
        return String(entry[..<start]) + "“" + entry[start..<end] + ".”" + entry[entry.index(end, offsetBy: 1)...]
    }
}
