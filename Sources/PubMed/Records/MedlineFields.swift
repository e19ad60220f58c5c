import CiteCheck

/// Readers for the small formatted fields of MEDLINE records.
enum MedlineFields {
    /// The first four-digit year (1000–2999) in a date text: `2013 Nov-Dec` → 2013, `2000-2001` → 2000.
    static func firstYear(in text: String) -> Int? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, isDigit(scalars[end]) { end += 1 }
            if end - index == 4, let year = Int(String(String.UnicodeScalarView(scalars[index..<end]))), (1000...2999).contains(year) {
                return year
            }
            index = end
        }
        return nil
    }

    /// The month or season words of a `MedlineDate`: `2013 Nov-Dec` → `Nov-Dec`, `1998 Spring` → `Spring`,
    /// `1977 Apr 17-21` → `Apr`, `2000-2001` → nil.
    static func monthPart(ofMedlineDate text: String) -> String? {
        let words = text.split(separator: " ")
        for word in words.dropFirst() {
            let letters = word.prefix { $0.isLetter || $0 == "-" }
            let trimmed = letters.trimmingSuffix("-")
            if let first = trimmed.first, first.isLetter {
                return String(trimmed)
            }
        }
        return nil
    }

    /// Expands a MEDLINE pagination (`681-8`, `S12-5`, `e0123456`, `2475-83, 2490`) into a page range; only the
    /// first range of a list is kept.
    static func pageRange(fromMedlinePgn text: String) -> PageRange? {
        let firstPart = text.split(whereSeparator: { $0 == "," || $0 == ";" }).first.map { String($0) } ?? text
        let trimmed = TextNormalizer.collapse(firstPart)
        guard !trimmed.isEmpty else { return nil }
        let pieces = trimmed.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).map {
            TextNormalizer.collapse(String($0))
        }
        let first = pieces[0]
        guard !first.isEmpty else { return nil }
        guard pieces.count == 2, !pieces[1].isEmpty else {
            return PageRange(first: first)
        }
        let written = pieces[1]
        return PageRange(first: first, last: Normalization.expandedMedlineLastPage(first: first, last: written), lastAsWritten: written)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x30 && scalar.value <= 0x39
    }
}

extension Character {
    var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

extension Substring {
    func trimmingSuffix(_ character: Character) -> Substring {
        var result = self
        while result.last == character { result = result.dropLast() }
        return result
    }
}
