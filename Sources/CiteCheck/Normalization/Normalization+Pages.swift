extension Normalization {
    /// Trims a page range and expands an abbreviated last page.
    ///
    /// `2475`–`83` → `2483`; `681`–`8` → `688`; `S12`–`15` → `S15`; `e123`–`e130` and
    /// `99`–`101` stay as written. Leading zeros are kept (article numbers such as `e0123456` need them).
    /// A last page equal to the first, or empty, becomes nil. Dash variants and spaces around the
    /// values are removed.
    public static func pages(_ first: String, _ last: String?) -> (first: String, last: String?) {
        let f = trimPage(first)
        guard let lastRaw = last else { return (f, nil) }
        let l = trimPage(lastRaw)
        if l.isEmpty || l == f { return (f, nil) }
        let (fPrefix, fDigits) = splitPage(f)
        let (lPrefix, lDigits) = splitPage(l)
        // Only pure "prefix + digits" forms are expanded.
        guard !fDigits.isEmpty, !lDigits.isEmpty, fPrefix.count + fDigits.count == f.count,
            lPrefix.count + lDigits.count == l.count,
            lPrefix.isEmpty || lPrefix == fPrefix
        else { return (f, l) }
        if lDigits.count < fDigits.count {
            let expanded = String(fDigits.dropLast(lDigits.count)) + lDigits
            // Only when the expansion makes a range going forward.
            if let a = Int(fDigits), let b = Int(expanded), b > a {
                return (f, fPrefix + expanded)
            }
            return (f, l)
        }
        return (f, lPrefix.isEmpty ? fPrefix + lDigits : l)
    }

    /// The last page of a written range, expanded as `pages(_:_:)` does (`2475`, `83` → `2483`); as written when
    /// it cannot be expanded.
    public static func expandedLastPage(first: String, last: String) -> String {
        pages(first, last).last ?? last
    }

    /// The last page of a PubMed record's `MedlinePgn`, expanded: `681`, `8` → `688`; `S12`, `5` → `S15`; and, unlike a
    /// written range (`pages(_:_:)`, where a range going backwards is the writer's slip to report), across a carry:
    /// `998`, `12` → `1012`, `87`, `5` → `95`. A last page written in full is returned unchanged.
    public static func expandedMedlineLastPage(first: String, last: String) -> String {
        guard last.allSatisfy({ $0.isASCII && $0.isNumber }) else { return last }
        let firstDigits = String(first.reversed().prefix { $0.isASCII && $0.isNumber }.reversed())
        guard !firstDigits.isEmpty else { return last }
        let prefix = String(first.dropLast(firstDigits.count))
        if last.count >= firstDigits.count {
            return prefix + last
        }
        var expanded = String(firstDigits.dropLast(last.count)) + last
        if let firstNumber = Int(firstDigits), let number = Int(expanded), number < firstNumber, last.count < 9 {
            var power = 1
            for _ in 0..<last.count { power *= 10 }
            expanded = String(number + power)
        }
        return prefix + expanded
    }

    /// The MEDLINE abbreviation of a range's last page (`2475`, `2483` → `83`; `291`, `296` → `6`); `99`, `102` stays.
    public static func abbreviatedLastPage(first: String, last: String) -> String {
        guard first.count == last.count, first.allSatisfy(\.isNumber), last.allSatisfy(\.isNumber) else { return last }
        let f = Array(first)
        let l = Array(last)
        var i = 0
        while i < l.count - 1 && f[i] == l[i] { i += 1 }
        return String(l[i...])
    }

    private static func trimPage(_ s: String) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        func drop(_ c: Unicode.Scalar) -> Bool {
            c.properties.isWhitespace || isDash(c) || c == "." || c == "," || c == ";"
        }
        while let c = scalars.first, drop(c) { scalars = scalars.dropFirst() }
        while let c = scalars.last, drop(c) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Splits `S123` into (`S`, `123`): leading non-digits, then the digits that follow.
    private static func splitPage(_ s: String) -> (String, String) {
        let prefix = s.prefix { !$0.isASCII || !$0.isNumber }
        let digits = s.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
        return (String(prefix), String(digits))
    }
}
