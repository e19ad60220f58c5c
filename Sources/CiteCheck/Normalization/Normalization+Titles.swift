extension Normalization {
    /// A comparison key for an article title: diacritics folded, lowercased, Greek letters spelled out
    /// (`β` → `beta`), dashes, quotes and other punctuation read as spaces (apostrophes removed:
    /// `patients'` → `patients`), whitespace collapsed and trimmed. Case, the trailing period, surrounding
    /// quotes and dash variants therefore make no difference.
    public static func title(_ s: String) -> String {
        titleWords(s).joined(separator: " ")
    }

    /// True when the titles are equal under `title(_:)`.
    public static func sameTitle(_ a: String, _ b: String) -> Bool {
        let ta = title(a)
        return !ta.isEmpty && ta == title(b)
    }

    /// The words of `title(_:)`, for word diffs and similarity.
    public static func titleWords(_ s: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in s.unicodeScalars {
            if scalar.value < 0x80 {
                switch scalar {
                case "a"..."z", "0"..."9": current.append(scalar)
                case "A"..."Z": current.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
                case "'", "`": continue
                default: flush()
                }
                continue
            }
            if isApostrophe(scalar) { continue }
            if let greek = greekName(scalar) {
                current.append(contentsOf: greek.unicodeScalars)
                continue
            }
            var folded = String.UnicodeScalarView()
            appendFolded(scalar, to: &folded)
            for f in folded {
                for lower in f.properties.lowercaseMapping.unicodeScalars {
                    if isAlphanumeric(lower) {
                        current.append(lower)
                    } else if lower.properties.generalCategory != .nonspacingMark {
                        flush()
                    }
                }
            }
        }
        flush()
        return words
    }

    /// Similarity of two titles in 0…1: the Dice coefficient of their word multisets
    /// (2·|common| / (|a| + |b|)). One word missing from a ten-word title gives about 0.95; unrelated
    /// titles give near 0. Two empty titles give 0.
    public static func titleSimilarity(_ a: String, _ b: String) -> Double {
        titleSimilarity(words: titleWords(a), titleWords(b))
    }

    /// `titleSimilarity(_:_:)` on words already split by `titleWords(_:)`, for comparing one title with many.
    public static func titleSimilarity(words wa: [String], _ wb: [String]) -> Double {
        if wa.isEmpty || wb.isEmpty { return 0 }
        var counts: [String: Int] = [:]
        for w in wa { counts[w, default: 0] += 1 }
        var common = 0
        for w in wb {
            if let c = counts[w], c > 0 {
                common += 1
                counts[w] = c - 1
            }
        }
        return Double(2 * common) / Double(wa.count + wb.count)
    }

    /// Greek letters as they are spelled out in PubMed titles (`β-amyloid` = `beta-amyloid`).
    static func greekName(_ s: Unicode.Scalar) -> String? {
        switch s.value {
        case 0x3B1, 0x391: return "alpha"
        case 0x3B2, 0x392, 0x3D0: return "beta"
        case 0x3B3, 0x393: return "gamma"
        case 0x3B4, 0x394: return "delta"
        case 0x3B5, 0x395, 0x3F5: return "epsilon"
        case 0x3BA, 0x39A: return "kappa"
        case 0x3BB, 0x39B: return "lambda"
        case 0x3BC, 0x39C, 0xB5: return "mu"
        case 0x3C3, 0x3A3, 0x3C2: return "sigma"
        case 0x3C4, 0x3A4: return "tau"
        case 0x3C9, 0x3A9: return "omega"
        case 0x3B8, 0x398: return "theta"
        case 0x3C0, 0x3A0: return "pi"
        default: return nil
        }
    }
}
