extension Normalization {
    /// The base letter of a Greek vowel with tonos/dialytika (table) or of a Latin letter with diacritics
    /// above U+017F, read from its Unicode name
    /// (`LATIN SMALL LETTER E WITH CIRCUMFLEX AND TILDE` → `e`), nil for anything else.
    ///
    /// CiteCheck does not import Foundation (a Foundation import here made clean builds of the PubMed
    /// target fail with an ICU `UErrorCode` module clash against libxml2), so this stands in for
    /// canonical decomposition. It is only reached for rare letters (Vietnamese, Latin Extended-B and
    /// Additional); Latin-1 and Latin Extended-A go through the `latinFold` table.
    static func baseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        if (0x386...0x3CE).contains(scalar.value) { return greekBaseLetter(scalar) }
        guard let name = scalar.properties.name else { return nil }
        let small = "LATIN SMALL LETTER "
        let capital = "LATIN CAPITAL LETTER "
        let isSmall = name.hasPrefix(small)
        guard isSmall || name.hasPrefix(capital) else { return nil }
        let rest = name.utf8.dropFirst(isSmall ? small.utf8.count : capital.utf8.count)
        // "X WITH ...": a single letter, then " WITH ".
        guard let letter = rest.first, letter >= UInt8(ascii: "A"), letter <= UInt8(ascii: "Z"),
            rest.dropFirst().starts(with: " WITH ".utf8)
        else { return nil }
        return Unicode.Scalar(isSmall ? letter + 32 : letter)
    }

    /// Greek vowels with tonos or dialytika → the bare vowel (`ά` → `α`, `Ώ` → `Ω`).
    static func greekBaseLetter(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let base: UInt32
        switch scalar.value {
        case 0x386: base = 0x391
        case 0x388: base = 0x395
        case 0x389: base = 0x397
        case 0x38A, 0x3AA: base = 0x399
        case 0x38C: base = 0x39F
        case 0x38E, 0x3AB: base = 0x3A5
        case 0x38F: base = 0x3A9
        case 0x3AC: base = 0x3B1
        case 0x3AD: base = 0x3B5
        case 0x3AE: base = 0x3B7
        case 0x3AF, 0x390, 0x3CA: base = 0x3B9
        case 0x3CC: base = 0x3BF
        case 0x3CD, 0x3B0, 0x3CB: base = 0x3C5
        case 0x3CE: base = 0x3C9
        default: return nil
        }
        return Unicode.Scalar(base)
    }
}
