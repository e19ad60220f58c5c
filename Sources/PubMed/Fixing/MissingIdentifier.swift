import CiteCheck

/// `PubMedMissingIdentifierRule`'s findings: a journal article matched with certainty that names no DOI or PMID, in a
/// list whose other entries write theirs, with a fix that appends the record's identifier the way the list writes them.
enum MissingIdentifier {
    /// How an entry writes its identifier: which one, the characters before it, and whether a period follows it.
    struct Convention: Hashable {
        enum Kind: Hashable {
            case doi, pmid
        }

        var kind: Kind
        var prefix: String
        var period: Bool
    }

    /// Whether `reference` names its paper: a DOI, PMID or PMCID in its text, or a link to one (doi.org, PubMed, PMC).
    static func hasIdentifier(_ reference: Reference) -> Bool {
        let parsed = reference.parsed
        if parsed.doi != nil || parsed.pmid != nil || parsed.pmcid != nil { return true }
        return reference.entry.links.contains { link in
            let url = link.url.lowercased()
            return url.contains("doi.org/") || url.contains("pubmed") || url.contains("ncbi.nlm.nih.gov") || url.contains("europepmc.org")
        }
    }

    /// The ways `references` write identifiers in their text, the most common first.
    static func conventions(_ references: [Reference]) -> [Convention] {
        var counts: [Convention: Int] = [:]
        var order: [Convention] = []
        for reference in references {
            guard let convention = convention(of: reference) else { continue }
            if counts[convention] == nil { order.append(convention) }
            counts[convention, default: 0] += 1
        }
        return order.enumerated().sorted { a, b in
            let (ca, cb) = (counts[a.element] ?? 0, counts[b.element] ?? 0)
            return ca != cb ? ca > cb : a.offset < b.offset
        }.map(\.element)
    }

    /// How `reference` writes its DOI (else its PMID) in its text, when it does.
    static func convention(of reference: Reference) -> Convention? {
        let text = Array(reference.entry.text.utf8)
        if let doi = reference.parsed.doi, let at = find(Array(doi.lowercased().utf8), in: text) {
            var start = at.lowerBound
            while start > 0, !isSpace(text[start - 1]) { start -= 1 }
            var prefix = String(decoding: text[start..<at.lowerBound], as: UTF8.self)
            if prefix.isEmpty, start >= 2, text[start - 1] == UInt8(ascii: " ") {
                // `doi: 10.1001/…` and `DOI 10.1001/…`: the word before, with its space.
                var wordStart = start - 1
                while wordStart > 0, !isSpace(text[wordStart - 1]) { wordStart -= 1 }
                let word = String(decoding: text[wordStart..<(start - 1)], as: UTF8.self)
                if ["doi", "doi:"].contains(word.lowercased()) { prefix = word + " " }
            }
            guard !prefix.isEmpty, prefix.lowercased().contains("doi") else { return nil }
            return Convention(kind: .doi, prefix: prefix, period: at.upperBound < text.count && text[at.upperBound] == UInt8(ascii: "."))
        }
        if let pmid = reference.parsed.pmid, let label = find(Array("pmid".utf8), in: text) {
            guard let digits = find(Array(pmid.utf8), in: text, from: label.upperBound), digits.lowerBound - label.upperBound <= 3 else { return nil }
            let prefix = String(decoding: text[label.lowerBound..<digits.lowerBound], as: UTF8.self)
            return Convention(kind: .pmid, prefix: prefix, period: digits.upperBound < text.count && text[digits.upperBound] == UInt8(ascii: "."))
        }
        return nil
    }

    /// The finding for `reference`, matched as `result`, when it names no identifier and the match is certain; nil
    /// otherwise. `conventions` are the list's (``conventions(_:)``); the identifier is appended as the most common one
    /// writes it (the record's PMID as `PMID: …` when the list writes DOIs and the record has none).
    static func diagnostic(
        for reference: Reference, result: MatchResult, scorer: MatchScorer, conventions: [Convention], in file: SourceFile
    ) -> Diagnostic? {
        guard reference.parsed.kind.isJournalArticle, !hasIdentifier(reference), case .matched(let record, _) = result.outcome,
            !record.isRetracted, reference.parsed.url == nil
        else { return nil }
        let doi = record.doi.flatMap { $0.isEmpty ? nil : $0 }
        guard doi != nil || !record.pmid.isEmpty else { return nil }
        let convention =
            conventions.first { $0.kind == .doi ? doi != nil : true } ?? Convention(kind: .pmid, prefix: "PMID: ", period: false)
        let identifier = convention.kind == .doi ? doi ?? "" : record.pmid
        guard !identifier.isEmpty, let (at, joiner) = insertionPoint(reference, in: file) else { return nil }
        guard PubMedFixes.isCertain(reference.parsed, result: result, scorer: scorer) else { return nil }
        let added = convention.prefix + identifier + (convention.period ? "." : "")
        let label = convention.kind == .doi ? "DOI" : "PMID"
        let finding = FieldFinding(
            PubMedMissingIdentifierRule.description, field: convention.kind == .doi ? .doi : .pmid, expected: identifier,
            message: "\(reference.entry.displayName) names no DOI or PMID, while other entries of the list do; PubMed's record has \(label) \(identifier)",
            pmid: record.pmid
        )
        var diagnostic = finding.diagnostic(for: reference, in: file)
        diagnostic.fix = Fix(safety: .unsafe, summary: "add \(added)", edits: [file.textEdit(at..<at, replacement: joiner + added)])
        return diagnostic
    }

    /// Where an identifier is appended (just after the entry's last character, as a text offset) and what goes before
    /// it: a space after a final period, `. ` after a last word or page; nil when the entry ends in other punctuation
    /// or its last character is followed in the file by markup that belongs to it (emphasis, a link).
    static func insertionPoint(_ reference: Reference, in file: SourceFile) -> (Int, String)? {
        let text = Array(reference.entry.text.utf8)
        guard let last = text.last else { return nil }
        let joiner: String
        if last == UInt8(ascii: ".") {
            joiner = " "
        } else if isASCIIAlphanumeric(last) || last == UInt8(ascii: ")") {
            joiner = ". "
        } else {
            return nil
        }
        let at = reference.entry.sourceMap.sourceOffset(forDerived: text.count - 1) + 1
        let bytes = file.text.utf8
        guard at > 0, at <= bytes.count else { return nil }
        // The entry's last character as written must be the one read, and nothing of the entry may follow it.
        let lastWritten = bytes[bytes.index(bytes.startIndex, offsetBy: at - 1)]
        guard lastWritten == last else { return nil }
        // The rest of the line: nothing but white space, or the end of the HTML element the entry stands in.
        let rest = bytes[bytes.index(bytes.startIndex, offsetBy: at)...].prefix { $0 != 0x0A && $0 != 0x0D }
        let restText = String(decoding: rest.drop { $0 == 0x20 || $0 == 0x09 }, as: UTF8.self).lowercased()
        let endsHere = restText.isEmpty || ["</li>", "</p>", "</dd>", "<br"].contains { restText.hasPrefix($0) }
        return endsHere ? (at, joiner) : nil
    }

    /// The first place `needle` stands in `bytes` from `start`, compared without regard to ASCII case.
    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int = 0) -> Range<Int>? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        let lower = { (b: UInt8) in (0x41...0x5A).contains(b) ? b + 0x20 : b }
        for k in start...(bytes.count - needle.count) where lower(bytes[k]) == lower(needle[0]) {
            if (0..<needle.count).allSatisfy({ lower(bytes[k + $0]) == lower(needle[$0]) }) { return k..<(k + needle.count) }
        }
        return nil
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
