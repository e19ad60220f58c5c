/// Decodes HTML character references (`&amp;`, `&ndash;`, `&#8211;`, `&#x2013;`).
enum HTMLEntities {
    /// The common named references blog exports use.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
        "ndash": "\u{2013}", "mdash": "\u{2014}", "minus": "\u{2212}", "hyphen": "\u{2010}",
        "lsquo": "\u{2018}", "rsquo": "\u{2019}", "ldquo": "\u{201C}", "rdquo": "\u{201D}",
        "sbquo": "\u{201A}", "bdquo": "\u{201E}", "laquo": "\u{00AB}", "raquo": "\u{00BB}",
        "hellip": "\u{2026}", "bull": "\u{2022}", "middot": "\u{00B7}", "prime": "\u{2032}", "Prime": "\u{2033}",
        "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "zwnj": "\u{200C}", "zwj": "\u{200D}", "shy": "\u{00AD}",
        "copy": "\u{00A9}", "reg": "\u{00AE}", "trade": "\u{2122}", "deg": "\u{00B0}", "plusmn": "\u{00B1}",
        "times": "\u{00D7}", "divide": "\u{00F7}", "micro": "\u{00B5}", "para": "\u{00B6}", "sect": "\u{00A7}",
        "le": "\u{2264}", "ge": "\u{2265}", "ne": "\u{2260}", "asymp": "\u{2248}", "sup1": "\u{00B9}", "sup2": "\u{00B2}", "sup3": "\u{00B3}",
        "frac12": "\u{00BD}", "frac14": "\u{00BC}", "frac34": "\u{00BE}", "dagger": "\u{2020}", "Dagger": "\u{2021}",
        "alpha": "\u{03B1}", "beta": "\u{03B2}", "gamma": "\u{03B3}", "delta": "\u{03B4}", "kappa": "\u{03BA}", "mu": "\u{03BC}",
        "aacute": "á", "Aacute": "Á", "agrave": "à", "Agrave": "À", "acirc": "â", "Acirc": "Â", "auml": "ä", "Auml": "Ä",
        "atilde": "ã", "Atilde": "Ã", "aring": "å", "Aring": "Å", "aelig": "æ", "AElig": "Æ", "ccedil": "ç", "Ccedil": "Ç",
        "eacute": "é", "Eacute": "É", "egrave": "è", "Egrave": "È", "ecirc": "ê", "Ecirc": "Ê", "euml": "ë", "Euml": "Ë",
        "iacute": "í", "Iacute": "Í", "igrave": "ì", "Igrave": "Ì", "icirc": "î", "Icirc": "Î", "iuml": "ï", "Iuml": "Ï",
        "ntilde": "ñ", "Ntilde": "Ñ", "oacute": "ó", "Oacute": "Ó", "ograve": "ò", "Ograve": "Ò", "ocirc": "ô", "Ocirc": "Ô",
        "ouml": "ö", "Ouml": "Ö", "otilde": "õ", "Otilde": "Õ", "oslash": "ø", "Oslash": "Ø", "szlig": "ß",
        "uacute": "ú", "Uacute": "Ú", "ugrave": "ù", "Ugrave": "Ù", "ucirc": "û", "Ucirc": "Û", "uuml": "ü", "Uuml": "Ü",
        "yacute": "ý", "Yacute": "Ý", "yuml": "ÿ",
    ]

    /// Decodes the reference starting at `bytes[start] == "&"`: the replacement bytes and the end of the reference.
    static func decode(_ bytes: [UInt8], at start: Int, limit: Int) -> (replacement: [UInt8], end: Int)? {
        let end = min(limit, bytes.count, start + 40)
        guard start + 2 < end else { return nil }
        var i = start + 1
        if bytes[i] == UInt8(ascii: "#") {
            i += 1
            var hex = false
            if i < end, bytes[i] | 0x20 == UInt8(ascii: "x") { hex = true; i += 1 }
            var value: UInt32 = 0
            var digits = 0
            while i < end, bytes[i] != UInt8(ascii: ";") {
                let b = bytes[i]
                let digit: UInt32
                if ByteClass.isDigit(b) {
                    digit = UInt32(b - 0x30)
                } else if hex, (b | 0x20) >= 0x61, (b | 0x20) <= 0x66 {
                    digit = UInt32((b | 0x20) - 0x61 + 10)
                } else {
                    return nil
                }
                value = value &* (hex ? 16 : 10) &+ digit
                digits += 1
                if digits > 8 { return nil }
                i += 1
            }
            guard digits > 0, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
            // Windows-1252 code points that pages write as numeric references.
            if value >= 0x80, value <= 0x9F, let mapped = windows1252[value] { value = mapped }
            let scalar = Unicode.Scalar(value).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
            return (Array(String(Character(scalar)).utf8), i + 1)
        }
        while i < end, ByteClass.isASCIIAlphanumeric(bytes[i]) { i += 1 }
        guard i > start + 1, i < end, bytes[i] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<i], as: UTF8.self)
        guard let value = named[name] ?? named[name.lowercased()] else { return nil }
        return (Array(value.utf8), i + 1)
    }

    private static let windows1252: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x84: 0x201E, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019,
        0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014,
    ]
}
