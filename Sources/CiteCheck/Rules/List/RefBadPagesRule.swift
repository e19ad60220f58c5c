/// `ref-bad-pages`: a page range that is malformed, ends before it starts, or is implausibly long.
///
/// Abbreviated last pages are expanded before comparing (`2475-83` is 2475–2483); article numbers
/// (`e0123456`) and supplement pages (`S12-S18`) are fine.
public struct RefBadPagesRule: Rule {
    public static let description = RuleDescription(
        id: "ref-bad-pages",
        defaultSeverity: .error,
        summary: "A page range is malformed, ends before it starts, or spans an implausible number of pages.",
        rationale: """
            Page numbers locate an article inside its issue; a range that ends before it starts (after expanding an \
            abbreviated last page, so 2475-83 reads 2475-2483) or that spans over a thousand pages is a typo, and \
            readers and PubMed will not find the article from it. Copy the pages from the article or its PubMed record.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and OCD

                One infusion eased obsessions within hours [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):↓2475-2403.
                """),
            RuleExample(
                """
                Ketamine and OCD

                One infusion eased obsessions within hours [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):↓2475-24.
                """),
            RuleExample(
                """
                ## Flu shots this winter

                Vaccinating against influenza and pneumococcus could spare hospital beds [11].

                ### References

                [11]	Mendelson M. Could enhanced influenza and pneumococcal vaccination programs help limit the potential
                damage from SARS-CoV-2 to fragile health systems of southern hemisphere countries this winter? Int J Infect
                Dis 2020:↓S1201971220301491. <https://doi.org/10.1016/j.ijid.2020.03.030>.
                """, format: .markdown),
            RuleExample(
                """
                # Muscle and age

                Old rats lose muscle fibres and strength together (Zhou et al. 2018).

                ## Sources

                1. Zhou, Jing, et al. "Integrated study on comparative transcriptome and skeletal muscle function in aged
                rats." __Mechanisms of ageing and development__ 169 (2018): ↓32-
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                # Ketamine and OCD

                One infusion eased obsessions within hours [1].

                ## References

                <!-- citecheck-disable-next-line ref-bad-pages -->
                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-2403.
                """, format: .markdown),
            RuleExample(
                """
                Ketamine and OCD

                One infusion eased obsessions within hours [1].

                References

                1. Rodriguez CI, Kegeles LS, Levinson A, et al. Randomized controlled crossover trial of ketamine in obsessive-compulsive disorder: proof-of-concept. Neuropsychopharmacology. 2013;38(12):2475-83.
                """),
            RuleExample(
                """
                Ketamine in primary care

                A pragmatic trial is under way [1].

                References

                1. Smith J, Jones K. Ketamine in primary care: a pragmatic trial protocol. PLoS One. 2020;15(3):e0229981.
                """),
            RuleExample(
                """
                # Muscle and age

                Old rats lose muscle fibres and strength together (Zhou et al. 2018).

                ## Sources

                1. Zhou, Jing, et al. "Integrated study on comparative transcriptome and skeletal muscle function in aged
                rats." __Mechanisms of ageing and development__ 169 (2018):
                32-41. https://doi.org/10.1016/j.mad.2017.11.004
                """, format: .markdown),
        ]
    )

    /// A range longer than this many pages is reported as implausible.
    static let longestPlausibleRange = 1000

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        return context.references.compactMap { reference in
            guard let pages = reference.parsed.pages else { return nil }
            if Self.rangeIsCutOff(reference) {
                return context.diagnostic(
                    Self.description, "\(reference.entry.displayName): page range \"\(pages.first)-\" has no last page",
                    reference: reference, field: .pages, found: "\(pages.first)-"
                )
            }
            guard let problem = Self.problem(with: pages) else { return nil }
            return context.diagnostic(
                Self.description, "\(reference.entry.displayName): \(problem)",
                reference: reference, field: .pages, found: Self.written(pages)
            )
        }
    }

    /// A first page followed by a dash and nothing more (`169 (2018): 32-` at the end of the entry, or before its
    /// final period or a link): the last page was cut off when the entry was copied.
    static func rangeIsCutOff(_ reference: Reference) -> Bool {
        guard reference.parsed.pages?.last == nil, let range = reference.parsed.fieldRanges[.pages] else { return false }
        let text = reference.entry.text.utf8
        guard range.upperBound <= text.count else { return false }
        var rest = text.dropFirst(range.upperBound)[...]
        // `-`, `–` (U+2013) or `—` (U+2014) right after the page.
        if rest.first == UInt8(ascii: "-") {
            rest = rest.dropFirst()
        } else if rest.starts(with: [0xE2, 0x80, 0x93]) || rest.starts(with: [0xE2, 0x80, 0x94]) {
            rest = rest.dropFirst(3)
        } else {
            return false
        }
        rest = rest.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\t") }
        // The end of the entry, or its final period before nothing, a link or an identifier.
        guard let next = rest.first else { return true }
        guard next == UInt8(ascii: ".") || next == UInt8(ascii: ";") || next == UInt8(ascii: ",") else { return false }
        let after = rest.dropFirst().drop { $0 == UInt8(ascii: " ") }
        guard !after.isEmpty else { return true }
        let tail = String(decoding: after.prefix(5), as: UTF8.self).lowercased()
        return ["doi", "http", "pmid", "pmcid", "avail", "www."].contains { tail.hasPrefix($0) }
    }

    /// The page range as written.
    static func written(_ pages: PageRange) -> String {
        guard let last = pages.lastAsWritten ?? pages.last else { return pages.first }
        return "\(pages.first)-\(last)"
    }

    /// What is wrong with `pages`, nil when nothing is.
    static func problem(with pages: PageRange) -> String? {
        let first = split(pages.first)
        guard let lastText = pages.lastAsWritten ?? pages.last else {
            if isElsevierItemID(pages.first) {
                return "\"\(pages.first)\" is the publisher's item id (PII), not a page number: the article had no pages yet when it was cited"
            }
            // A single page or an article number: malformed only when it has no digits at all.
            let hasDigit = pages.first.unicodeScalars.contains { ("0"..."9").contains($0) }
            return hasDigit || isRoman(pages.first) ? nil : "page \"\(pages.first)\" is not a page number"
        }
        let last = split(Self.droppingOnlineSuffix(lastText))
        let range = written(pages)
        if isRoman(pages.first) && isRoman(lastText) { return nil }
        guard let firstDigits = first.digits, let firstNumber = first.number, let lastDigits = last.digits else {
            return "page range \"\(range)\" is malformed"
        }
        // Article numbers with parts (`031114-1-031114-9`) and other zero-padded numbers are not page ranges.
        if firstDigits.hasPrefix("0") { return nil }
        // `439–e5`: an article's print pages followed by its online-only pages (439.e1–439.e5), a known shorthand.
        if first.affix.isEmpty, last.affix.lowercased() == "e" { return nil }
        // `65-6P`, `90-8S`: a one-letter section mark written once, on the last page, stands for both.
        if first.affix.isEmpty, last.affix.count == 1 { return comparison(first: firstDigits, firstNumber, last: lastDigits, range) }
        if !last.affix.isEmpty, last.affix.lowercased() != first.affix.lowercased() {
            return "page range \"\(range)\" is malformed: the pages have different prefixes"
        }
        return comparison(first: firstDigits, firstNumber, last: lastDigits, range)
    }

    /// `S1201971220301491`: `S` and 16 digits (the last may be X), an Elsevier PII written where the pages go.
    static func isElsevierItemID(_ page: String) -> Bool {
        let bytes = Array(page.utf8)
        return bytes.count == 17 && bytes[0] == UInt8(ascii: "S")
            && bytes.dropFirst().enumerated().allSatisfy { index, byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (index == 15 && byte == UInt8(ascii: "X"))
            }
    }

    /// Compares the numbers of a well-formed range.
    static func comparison(first firstDigits: String, _ firstNumber: Int, last lastDigits: String, _ range: String) -> String? {
        guard let expanded = expand(first: firstDigits, last: lastDigits) else {
            return "page range \"\(range)\" is malformed"
        }
        let shown = lastDigits.count < firstDigits.count ? " (\(lastDigits) read as \(expanded))" : ""
        if expanded < firstNumber {
            return "page range \"\(range)\" ends before it starts\(shown)"
        }
        if expanded - firstNumber > longestPlausibleRange {
            return "page range \"\(range)\" spans \(expanded - firstNumber + 1) pages\(shown); check the last page"
        }
        return nil
    }

    /// `707e5` / `707.e5` (Cell Press: print pages end at 707, online pages run to e5) → `707`.
    static func droppingOnlineSuffix(_ page: String) -> String {
        let scalars = Array(page.unicodeScalars)
        guard let e = scalars.lastIndex(where: { $0 == "e" || $0 == "E" }), e > 0, e + 1 < scalars.count,
            scalars[(e + 1)...].allSatisfy({ ("0"..."9").contains($0) })
        else { return page }
        var end = e
        if scalars[end - 1] == "." { end -= 1 }
        let head = scalars[..<end]
        guard !head.isEmpty, head.allSatisfy({ ("0"..."9").contains($0) }) else { return page }
        return String(String.UnicodeScalarView(head))
    }

    /// `S12` → ("S", "12"); `90S` → ("S", "90"); `e0123` → ("e", "0123"); `12a3` → no digits part.
    /// Letters may stand before or after the digits, not on both sides.
    static func split(_ page: String) -> (affix: String, digits: String?, number: Int?) {
        let scalars = Array(page.unicodeScalars)
        let isDigit = { (s: Unicode.Scalar) in ("0"..."9").contains(s) }
        guard let digitStart = scalars.firstIndex(where: isDigit) else { return (page, nil, nil) }
        let digitEnd = scalars[digitStart...].firstIndex { !isDigit($0) } ?? scalars.count
        let before = scalars[..<digitStart]
        let after = scalars[digitEnd...]
        guard before.isEmpty || after.isEmpty,
            (before + after).allSatisfy({ $0.properties.isAlphabetic })
        else { return (page, nil, nil) }
        let digits = String(String.UnicodeScalarView(scalars[digitStart..<digitEnd]))
        let affix = String(String.UnicodeScalarView(before + after))
        return (affix, digits, digits.count <= 12 ? Int(digits) : nil)
    }

    /// The last page with an abbreviated form filled in from the first (`2475`, `83` → 2483).
    static func expand(first: String, last: String) -> Int? {
        guard last.count <= 12 else { return nil }
        if last.count >= first.count { return Int(last) }
        return Int(String(first.prefix(first.count - last.count)) + last)
    }

    static func isRoman(_ text: String) -> Bool {
        !text.isEmpty && text.lowercased().allSatisfy { "ivxlcdm".contains($0) }
    }
}
