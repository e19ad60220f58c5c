/// Text normalisation used to compare references: journals, author names, titles, pages.
///
/// Everything works on Unicode scalars with ASCII fast paths; diacritics of Latin-1 and Latin
/// Extended-A are folded by a table; rarer Latin letters fall back to their Unicode name
/// (`… LETTER E WITH CIRCUMFLEX` → `e`). Foundation is not used.
/// All functions are pure and safe on any input (empty strings included).
public enum Normalization {
    /// Removes diacritics: `Müller` → `Muller`, `Żółć` → `Zolc`, `ß` → `ss`, `Æ` → `AE`, `ø` → `o`.
    /// Case is kept. Combining marks in decomposed input (`u` + U+0308) are dropped too.
    public static func foldDiacritics(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars { appendFolded(scalar, to: &out) }
        return String(out)
    }

    /// The form texts are compared in: lowercase, diacritics removed, Greek letters spelled out and `&` written
    /// as a word (`Müller` → `muller`, `β-Amyloid` → ` beta -amyloid`, `R&D` → `r and d`).
    public static func comparisonFold(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x26 }) { return s.lowercased() }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar == "&" {
                out.append(contentsOf: " and ".unicodeScalars)
            } else if let name = greekName(scalar) {
                out.append(contentsOf: (" " + name + " ").unicodeScalars)
            } else {
                appendFolded(scalar, to: &out)
            }
        }
        return String(out).lowercased()
    }

    /// Replaces every dash variant (hyphen, non-breaking hyphen, figure dash, en and em dashes,
    /// horizontal bar, minus sign, small and full-width hyphen-minus) with an ASCII `-`.
    public static func dashes(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            out.append(isDash(scalar) ? "-" : scalar)
        }
        return String(out)
    }

    /// Replaces curly, low-9, prime and angle quotes and guillemets with straight ones:
    /// single-quote variants with `'`, double-quote variants with `"`.
    public static func quotes(_ s: String) -> String {
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s }
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2039, 0x203A, 0x2032, 0x02BC: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x00AB, 0x00BB, 0x2033, 0x300C, 0x300D: out.append("\"")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: - Scalar helpers shared by the other files

    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x00AD: return true
        default: return false
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x60, 0x2018, 0x2019, 0x02BC, 0x00B4: return true
        default: return false
        }
    }

    /// Appends `scalar` with its diacritics removed.
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let v = scalar.value
        if v < 0xC0 {
            out.append(scalar)
        } else if v <= 0x17F {
            let folded = latinFold[Int(v - 0xC0)]
            out.append(contentsOf: folded.unicodeScalars)
        } else if scalar.properties.generalCategory == .nonspacingMark {
            return
        } else if let base = baseLetter(scalar) {
            out.append(base)
        } else {
            out.append(scalar)
        }
    }

    /// Folded forms of U+00C0…U+017F (Latin-1 Supplement letters and Latin Extended-A).
    /// Mirrors `SPECIAL` + NFD in scripts/generate-journal-catalog.py.
    static let latinFold: [String] = {
        let table = """
            A A A A A A AE C E E E E I I I I D N O O O O O × O U U U U Y TH ss \
            a a a a a a ae c e e e e i i i i d n o o o o o ÷ o u u u u y th y \
            A a A a A a C c C c C c C c D d D d E e E e E e E e E e G g G g G g G g H h H h \
            I i I i I i I i I i IJ ij J j K k k L l L l L l L l L l N n N n N n n N n \
            O o O o O o OE oe R r R r R r S s S s S s S s T t T t T t U u U u U u U u U u U u \
            W w Y y Y Z z Z z Z z s
            """
        let entries = table.split(separator: " ").map(String.init)
        precondition(entries.count == 0x180 - 0xC0, "latinFold table has \(entries.count) entries")
        return entries
    }()
}
