/// The cheap test the list finder uses to tell a reference from prose when there is no label to go by.
public enum ReferenceHeuristics {
    /// True when `text` has a year (1800–2099), a volume/page-like number or a DOI, and starts with something
    /// shaped like an author list (`Feder A,`, `Feder, A.`, `Feder, Adriana`, `… et al.`).
    public static func looksLikeReference(_ text: String) -> Bool {
        let b = Array(text.utf8)
        guard hasYear(b) else { return false }
        let doi = hasDOI(b)
        guard doi || hasVolumeOrPages(b) else { return false }
        return hasAuthorLikeStart(b) || (doi && startsUppercase(b))
    }

    /// `Ibid.`, `ibid`, `Ebd.`, `Ebenda`, `Idem`, `Ibídem` (with a page, `Ibid., p. 4`): the work cited just before.
    public static func isIbid(_ text: String) -> Bool {
        guard text.utf8.count <= 40 else { return false }
        let word = text.prefix { $0.isLetter }.lowercased()
        return ["ibid", "ebd", "ebenda", "idem", "ibidem", "ibídem", "id"].contains(word)
    }

    static func hasYear(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 4 <= b.count {
            if (b[i] == UInt8(ascii: "1") && b[i + 1] == UInt8(ascii: "8")) || (b[i] == UInt8(ascii: "1") && b[i + 1] == UInt8(ascii: "9"))
                || (b[i] == UInt8(ascii: "2") && b[i + 1] == UInt8(ascii: "0")),
                ByteClass.isDigit(b[i + 2]), ByteClass.isDigit(b[i + 3]),
                i == 0 || !ByteClass.isDigit(b[i - 1]), i + 4 == b.count || !ByteClass.isDigit(b[i + 4])
            {
                return true
            }
            i += 1
        }
        return false
    }

    static func hasDOI(_ b: [UInt8]) -> Bool {
        var i = 0
        while i + 8 <= b.count {
            if b[i] == UInt8(ascii: "1"), b[i + 1] == UInt8(ascii: "0"), b[i + 2] == UInt8(ascii: "."), i == 0 || !ByteClass.isDigit(b[i - 1]) {
                var j = i + 3
                while j < b.count, ByteClass.isDigit(b[j]) { j += 1 }
                if j - (i + 3) >= 4, j < b.count, b[j] == UInt8(ascii: "/") { return true }
            }
            i += 1
        }
        return false
    }

    /// `71(6)`, `2014;71`, `71:681`, `681-688`, `681–688`, `pp. 12`, `e0123456`, `PMID`, `: R21`, `Epub ahead of print`.
    static func hasVolumeOrPages(_ b: [UInt8]) -> Bool {
        let n = b.count
        var i = 0
        while i < n {
            if ByteClass.isDigit(b[i]) {
                var j = i
                while j < n, ByteClass.isDigit(b[j]) { j += 1 }
                var k = j
                while k < n, b[k] == 0x20 { k += 1 }
                if k < n {
                    let c = b[k]
                    var m = k + 1
                    while m < n, b[m] == 0x20 { m += 1 }
                    let digitAfter = m < n && ByteClass.isDigit(b[m])
                    if c == UInt8(ascii: "("), m < n, ByteClass.isASCIIAlphanumeric(b[m]), j - i <= 4 { return true }
                    if c == UInt8(ascii: ";") || c == UInt8(ascii: ":") || c == UInt8(ascii: "-"), digitAfter || (m < n && b[m] == UInt8(ascii: "e")) { return true }
                    // APA with an article number: `BMJ, 359, j5024.`, `PLoS One, 9, e96905`.
                    if c == UInt8(ascii: ","), j - i <= 4, m + 3 < n, b[m] >= 0x61, b[m] <= 0x7A, m == k + 2,
                        ByteClass.isDigit(b[m + 1]), ByteClass.isDigit(b[m + 2]), ByteClass.isDigit(b[m + 3])
                    {
                        return true
                    }
                    // `2014;(12):CD009281`: an issue without a volume.
                    if c == UInt8(ascii: ";"), m + 1 < n, b[m] == UInt8(ascii: "("), ByteClass.isDigit(b[m + 1]) { return true }
                    // En dash and em dash: E2 80 93 / E2 80 94.
                    if c == 0xE2, k + 2 < n, b[k + 1] == 0x80, b[k + 2] == 0x93 || b[k + 2] == 0x94 {
                        var d = k + 3
                        while d < n, b[d] == 0x20 { d += 1 }
                        if d < n, ByteClass.isDigit(b[d]) { return true }
                    }
                }
                i = j
                continue
            }
            if b[i] == UInt8(ascii: "p") || b[i] == UInt8(ascii: "P"), i == 0 || !ByteClass.isASCIILetter(b[i - 1]) {
                var j = i + 1
                if j < n, b[j] == UInt8(ascii: "p") { j += 1 }
                if j < n, b[j] == UInt8(ascii: ".") {
                    j += 1
                    while j < n, b[j] == 0x20 { j += 1 }
                    if j < n, ByteClass.isDigit(b[j]) { return true }
                }
            }
            if b[i] == UInt8(ascii: "P"), i + 4 <= n, Array(b[i..<(i + 4)]) == Array("PMID".utf8) { return true }
            // `Proc Intl Soc Mag Reson Med: 2759`, `Genome Biol 13: R21`, `BMJ 343: d6016`.
            if b[i] == UInt8(ascii: ":") {
                var j = i + 1
                while j < n, b[j] == 0x20 { j += 1 }
                var letters = j
                while letters < n, letters - j < 2, ByteClass.isASCIILetter(b[letters]) { letters += 1 }
                if letters > j, letters < n, ByteClass.isDigit(b[letters]) { return true }
                if j < n, ByteClass.isDigit(b[j]), i > 0, ByteClass.isASCIILetter(b[i - 1]) { return true }
            }
            if b[i] == UInt8(ascii: "E") || b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "a") || b[i] == UInt8(ascii: "A") {
                for marker in markers where i + marker.count <= n && Array(b[i..<(i + marker.count)]) == marker { return true }
            }
            i += 1
        }
        return false
    }

    /// Lowercase name particles a family name may start with (`de Ruyter`, `van der Berg`, `ter Hofstede`).
    private static let particles: Set<String> = [
        "de", "van", "von", "ter", "ten", "da", "di", "du", "le", "la", "del", "della", "den", "der", "dos", "das", "al", "el", "bin", "mac",
    ]

    private static let markers: [[UInt8]] = ["Epub ahead of print", "epub ahead of print", "arXiv", "ArXiv"].map { Array($0.utf8) }

    static func startsUppercase(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count, b[i] == 0x20 || b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") { i += 1 }
        // Skip name particles written in lowercase.
        while i < b.count, b[i] >= 0x61, b[i] <= 0x7A {
            var j = i
            while j < b.count, b[j] >= 0x61, b[j] <= 0x7A { j += 1 }
            guard j < b.count, b[j] == 0x20, particles.contains(String(decoding: b[i..<j], as: UTF8.self)) else { return false }
            i = j + 1
        }
        guard i < b.count else { return false }
        return (b[i] >= 0x41 && b[i] <= 0x5A) || b[i] >= 0xC0
    }

    /// `(2013)` or `(2013a)` near the start: an author-date reference, group authors included.
    static func hasParenthesizedYearNearStart(_ b: [UInt8]) -> Bool {
        let limit = min(b.count, 200)
        var i = 0
        while i + 5 < limit {
            if b[i] == UInt8(ascii: "("), ByteClass.isDigit(b[i + 1]), ByteClass.isDigit(b[i + 2]), ByteClass.isDigit(b[i + 3]), ByteClass.isDigit(b[i + 4]),
                b[i + 1] == UInt8(ascii: "1") || b[i + 1] == UInt8(ascii: "2")
            {
                let after = b[i + 5]
                if after == UInt8(ascii: ")") || (after >= 0x61 && after <= 0x7A && i + 6 < b.count && b[i + 6] == UInt8(ascii: ")")) { return true }
            }
            i += 1
        }
        return false
    }

    /// `Surname A,` / `Surname AB.` (Vancouver), `Surname, A.` / `Surname, Given` (APA, Chicago, Harvard),
    /// or `et al` near the start.
    static func hasAuthorLikeStart(_ b: [UInt8]) -> Bool {
        guard startsUppercase(b) else { return false }
        if hasParenthesizedYearNearStart(b) { return true }
        let limit = min(b.count, 160)
        var i = 0
        while i < limit {
            // End of a word made of letters (any script), apostrophes or hyphens.
            if isNameByte(b[i]), i + 1 < limit, !isNameByte(b[i + 1]) {
                let after = i + 1
                // `Surname, X`
                if b[after] == UInt8(ascii: ","), after + 2 < b.count, b[after + 1] == 0x20, isUpper(b[after + 2]) { return true }
                // `Surname AB,` or `Surname A.` or `Surname A `
                if b[after] == 0x20 {
                    var j = after + 1
                    while j < b.count, j - after <= 3, b[j] >= 0x41, b[j] <= 0x5A { j += 1 }
                    let initials = j - after - 1
                    if initials >= 1, initials <= 3, j < b.count, b[j] == UInt8(ascii: ",") || b[j] == UInt8(ascii: ".") { return true }
                    // PLOS: `Surname AB (2012)`.
                    if initials >= 1, initials <= 3, j + 1 < b.count, b[j] == 0x20, b[j + 1] == UInt8(ascii: "("), i < 40 { return true }
                    if initials >= 1, initials <= 3, j == b.count { return true }
                }
            }
            if b[i] == UInt8(ascii: "e"), i + 5 <= b.count, Array(b[i..<(i + 5)]) == Array("et al".utf8) { return true }
            i += 1
        }
        return false
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        ByteClass.isASCIILetter(byte) || byte >= 0x80 || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
    }

    private static func isUpper(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || byte >= 0xC0 }
}
