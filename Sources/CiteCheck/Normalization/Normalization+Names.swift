extension Normalization {
    /// A comparison key for a family name: diacritics folded, lowercased, and hyphens, spaces, apostrophes
    /// and periods removed. `Müller` → `muller`, `O'Brien` → `obrien`, `Aan Het Rot` → `aanhetrot`,
    /// `Landeros–Weisenberger` → `landerosweisenberger`.
    public static func name(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in s.unicodeScalars {
            if scalar.value < 0x80 {
                switch scalar {
                case "a"..."z", "0"..."9": out.append(scalar)
                case "A"..."Z": out.append(Unicode.Scalar(scalar.value + 32) ?? scalar)
                default: continue
                }
                continue
            }
            var folded = String.UnicodeScalarView()
            appendFolded(scalar, to: &folded)
            for f in folded {
                for lower in f.properties.lowercaseMapping.unicodeScalars where isAlphanumeric(lower) {
                    out.append(lower)
                }
            }
        }
        return String(out)
    }

    /// The initials of given names, uppercased and without punctuation, diacritics folded:
    /// `M. K.`, `MK`, `M.K.`, `Mary Kate`, `M.-K.`, `Mary-Kate` → `MK`; `Adriana` → `A`; `Élodie` → `E`.
    ///
    /// A run of two or three capitals written together (`MK`, `JRR`) is read as initials; any other word
    /// gives its first letter.
    public static func initials(_ given: String) -> String {
        var out = ""
        let folded = foldDiacritics(given)
        var word: [Unicode.Scalar] = []
        func flush() {
            defer { word.removeAll(keepingCapacity: true) }
            guard let first = word.first else { return }
            let allUpper = word.allSatisfy { $0.properties.isUppercase }
            if allUpper && word.count <= 3 {
                for s in word { out.unicodeScalars.append(s) }
            } else {
                out += String(first).uppercased()
            }
        }
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic {
                word.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// True when the two authors can be the same person: equal family names under `name(_:)`, and
    /// initials of which one is a prefix of the other (`A` matches `AS`; `AS` does not match `AB`).
    /// Missing given names match any.
    public static func sameAuthor(family: String, given: String, _ otherFamily: String, _ otherGiven: String) -> Bool {
        let a = name(family)
        let b = name(otherFamily)
        guard !a.isEmpty, a == b else { return false }
        let ia = initials(given)
        let ib = initials(otherGiven)
        if ia.isEmpty || ib.isEmpty { return true }
        return ia.hasPrefix(ib) || ib.hasPrefix(ia)
    }
}
