/// `ref-identifier-mismatch`: an entry names two different DOIs or two different PMIDs, usually a DOI or PMID
/// written in the text that disagrees with the one in the entry's own link (one was pasted from another paper).
///
/// Identifiers are read from the entry's text and from its links' targets (`doi.org/…`, `/pubmed/N`,
/// `pubmed.ncbi.nlm.nih.gov/N`, `list_uids=N`). Entries that also cite a correction, comment or retraction
/// (`Erratum in: …`) rightly carry two identifiers and are left alone.
public struct RefIdentifierMismatchRule: Rule {
    public static let description = RuleDescription(
        id: "ref-identifier-mismatch",
        defaultSeverity: .warning,
        summary: "An entry names two different DOIs or PMIDs, e.g. a PMID in its text and another in its link.",
        rationale: """
            A DOI or PMID is how readers and tools find the work. When the text says one and the link another, \
            one of them belongs to a different paper. Look the work up and keep the identifier that is its own.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Omega-3

                Fish oil did not prevent heart attacks [1].

                References

                ↓1. Manson JE, Cook NR, Lee IM, et al. Marine n-3 fatty acids and prevention of cardiovascular disease and cancer. N Engl J Med. 2019;380(1):23-32. PMID: 30415637. https://pubmed.ncbi.nlm.nih.gov/30415629/
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Omega-3

                Fish oil did not prevent heart attacks [1].

                References

                1. Manson JE, Cook NR, Lee IM, et al. Marine n-3 fatty acids and prevention of cardiovascular disease and cancer. N Engl J Med. 2019;380(1):23-32. PMID: 30415637. https://pubmed.ncbi.nlm.nih.gov/30415637/
                """),
            RuleExample(
                """
                Omega-3

                Fish oil did not prevent heart attacks [1].

                References

                1. Manson JE, Cook NR, Lee IM, et al. Marine n-3 fatty acids and prevention of cardiovascular disease and cancer. N Engl J Med. 2019;380(1):23-32. doi:10.1056/NEJMoa1811403. Erratum in: N Engl J Med. 2019;380(20):1988. doi:10.1056/NEJMx190009.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        return context.references.compactMap { reference in
            let text = reference.entry.text
            let sources = [text] + reference.entry.links.map(\.url)
            var dois: [String] = []
            var pmids: [String] = []
            for source in sources {
                for doi in IdentifierText.dois(in: source) where !dois.contains(doi) { dois.append(doi) }
                for pmid in IdentifierText.pmids(in: source) where !pmids.contains(pmid) { pmids.append(pmid) }
            }
            guard pmids.count > 1 || dois.count > 1 else { return nil }
            let lower = text.lowercased()
            if ["erratum", "correction", "corrigendum", "retract", "comment in", "comment on", "update in", "reply"].contains(where: lower.contains) {
                return nil
            }
            let what: String
            if pmids.count > 1 {
                what = "two different PMIDs (\(pmids[0]) and \(pmids[1]))"
            } else if dois.count > 1 {
                what = "two different DOIs (\(dois[0]) and \(dois[1]))"
            } else {
                return nil
            }
            return context.diagnostic(
                Self.description, "\(reference.entry.displayName) names \(what): one of them belongs to another work",
                reference: reference, range: reference.entry.range)
        }
    }
}

/// DOIs and PMIDs as they appear in text and URLs, normalised for comparison (DOIs lowercased, PMIDs as digits).
enum IdentifierText {
    /// `10.NNNN/suffix` anywhere, the suffix up to a space, quote or angle bracket, without trailing punctuation.
    static func dois(in text: String) -> [String] {
        let b = Array(text.utf8)
        var found: [String] = []
        var i = 0
        while i + 7 < b.count {
            guard b[i] == UInt8(ascii: "1"), b[i + 1] == UInt8(ascii: "0"), b[i + 2] == UInt8(ascii: "."), i == 0 || !ByteClass.isDigit(b[i - 1]) else {
                i += 1
                continue
            }
            var j = i + 3
            while j < b.count, ByteClass.isDigit(b[j]) { j += 1 }
            guard j - (i + 3) >= 4, j < b.count, b[j] == UInt8(ascii: "/") else {
                i += 1
                continue
            }
            var end = j + 1
            while end < b.count, !ByteClass.isSpace(b[end]), b[end] != UInt8(ascii: "\""), b[end] != UInt8(ascii: "<"), b[end] != UInt8(ascii: ">") { end += 1 }
            while end > j + 1, ".,;)]".utf8.contains(b[end - 1]) { end -= 1 }
            if end > j + 1 {
                var doi = String(decoding: b[i..<end], as: UTF8.self).lowercased()
                for suffix in ["/full", "/abstract", "/pdf", "/epdf"] where doi.hasSuffix(suffix) { doi.removeLast(suffix.count) }
                found.append(doi)
            }
            i = end
        }
        return found
    }

    /// What comes before a PMID, lowercase: `PMID: N`, `PMID N`, `/pubmed/N`, `pubmed.ncbi.nlm.nih.gov/N`, `list_uids=N`.
    private static let pmidMarkers: [[UInt8]] = ["pmid:", "pmid ", "/pubmed/", "pubmed.ncbi.nlm.nih.gov/", "list_uids="].map { Array($0.utf8) }

    /// The PMIDs in `text`, each once, in the order of the markers that introduce them.
    static func pmids(in text: String) -> [String] {
        var text = text
        return text.withUTF8 { b in
            var found: [String] = []
            for marker in pmidMarkers {
                var i = 0
                while i + marker.count <= b.count {
                    guard startsWithLowercased(b, at: i, marker) else {
                        i += 1
                        continue
                    }
                    var j = i + marker.count
                    while j < b.count, b[j] == 0x20 { j += 1 }
                    let start = j
                    while j < b.count, ByteClass.isDigit(b[j]), j - start < 9 { j += 1 }
                    if j - start >= 1, j - start <= 8, j == b.count || !ByteClass.isDigit(b[j]) {
                        let pmid = String(decoding: UnsafeBufferPointer(rebasing: b[start..<j]), as: UTF8.self)
                        if !found.contains(pmid) { found.append(pmid) }
                    }
                    i = max(j, i + 1)
                }
            }
            return found
        }
    }

    /// True when `b` at `i` spells `marker` (lowercase ASCII), ignoring ASCII case.
    @inline(__always)
    private static func startsWithLowercased(_ b: UnsafeBufferPointer<UInt8>, at i: Int, _ marker: [UInt8]) -> Bool {
        for k in 0..<marker.count {
            var c = b[i + k]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != marker[k] { return false }
        }
        return true
    }
}
