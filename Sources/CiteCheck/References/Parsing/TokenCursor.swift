/// Read access to the tokens of one reference, with the predicates the grammars share.
struct TokenCursor {
    let b: UnsafeBufferPointer<UInt8>
    let t: [Token]

    var count: Int { t.count }

    /// Raw text from token `i` through token `j - 1`.
    func text(_ i: Int, _ j: Int) -> String {
        guard i < j, i >= 0, j <= t.count else { return "" }
        return ByteText.string(b, t[i].start..<t[j - 1].end)
    }

    /// Byte range from token `i` through token `j - 1`.
    func range(_ i: Int, _ j: Int) -> Range<Int> {
        guard i < j, i >= 0, j <= t.count else { return 0..<0 }
        return t[i].start..<t[j - 1].end
    }

    /// Lower-cased text of token `i` (short strings stay inline, no allocation).
    func lower(_ i: Int) -> String {
        guard i >= 0, i < t.count else { return "" }
        let tok = t[i]
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tok.end - tok.start)
        for k in tok.start..<tok.end { bytes.append(ByteText.lower(b[k])) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Case-insensitive comparison of token `i` with the ASCII lower-case `word`.
    func isWord(_ i: Int, _ word: StaticString) -> Bool {
        guard i >= 0, i < t.count, t[i].kind != .punct else { return false }
        return t[i].end - t[i].start == word.utf8CodeUnitCount && ByteText.matches(b, t[i].start, word)
    }

    func isPunct(_ i: Int, _ m: UInt8) -> Bool { i >= 0 && i < t.count && t[i].kind == .punct && t[i].mark == m }

    func isDash(_ i: Int) -> Bool { isPunct(i, Token.Mark.dash) }

    /// A particle of a family name written in lower case (`van`, `de`, `der`, `aan`, `het`).
    func isParticle(_ i: Int) -> Bool {
        guard i >= 0, i < t.count, t[i].kind == .word, !t[i].capitalized, t[i].end - t[i].start <= 6 else { return false }
        return Lexicon.particles.contains(lower(i))
    }

    /// A run of capitals written as initials without periods: `A`, `MK`, `JW`, `J-P`.
    func isInitials(_ i: Int) -> Bool {
        guard i >= 0, i < t.count else { return false }
        let tok = t[i]
        return tok.kind == .word && tok.allCaps && tok.length >= 1 && tok.length <= 4
    }

    /// A capitalised word that can be part of a name.
    func isNameWord(_ i: Int) -> Bool {
        guard i >= 0, i < t.count else { return false }
        let tok = t[i]
        if tok.kind == .word, !tok.capitalized, tok.end - tok.start >= 4, b[tok.start + 1] == ASCII.apostrophe || b[tok.start + 1] == 0xE2 {
            return true  // `d'Eysmond`, `d’Eysmond`, `l'Hôpital`
        }
        return tok.kind == .word && (tok.capitalized || isParticle(i))
    }

    /// The number in token `i` when it is a plausible publication year (1500–2099).
    func year(_ i: Int) -> Int? {
        guard i >= 0, i < t.count else { return nil }
        let tok = t[i]
        var end = tok.end
        if tok.kind == .alnum, tok.end - tok.start == 5, ByteText.lower(b[tok.end - 1]) >= UInt8(ascii: "a"), ByteText.lower(b[tok.end - 1]) <= UInt8(ascii: "z") {
            end -= 1  // `2014a`
        } else if tok.kind != .number {
            return nil
        }
        guard end - tok.start == 4, let y = ByteText.int(b, tok.start..<end), (1500...2099).contains(y) else { return nil }
        return y
    }

    /// A month or season (`Jun`, `June`, `Spring`) or a joined range of them (`Jul-Aug`, `Nov-Dec`).
    func isMonth(_ i: Int) -> Bool {
        guard i >= 0, i < t.count, t[i].kind == .word, t[i].end - t[i].start <= 20 else { return false }
        let w = lower(i)
        if Lexicon.months.contains(w) { return true }
        guard w.utf8.contains(ASCII.hyphen) else { return false }
        let parts = w.split(separator: "-")
        return parts.count == 2 && parts.allSatisfy { Lexicon.isMonth($0) }
    }

    /// Text that can be a page or an article number: `681`, `e0123456`, `S12`, `12A`, `CD001234`.
    func isPage(_ i: Int) -> Bool {
        guard i >= 0, i < t.count else { return false }
        let tok = t[i]
        let len = tok.end - tok.start
        if tok.kind == .number { return len <= 10 }
        if tok.kind == .alnum { return len <= 12 }
        return false
    }

    /// `et al`, `et al.`, `etal`, `and others`: the index after it, or nil.
    func etAl(_ i: Int) -> Int? {
        if isWord(i, "et"), i + 1 < t.count, isWord(i + 1, "al") {
            return isPunct(i + 2, ASCII.period) ? i + 3 : i + 2
        }
        if isWord(i, "et"), isPunct(i + 1, ASCII.period), isWord(i + 2, "al") { return isPunct(i + 3, ASCII.period) ? i + 4 : i + 3 }
        if isWord(i, "etal") { return isPunct(i + 1, ASCII.period) ? i + 2 : i + 1 }
        if isWord(i, "and"), isWord(i + 1, "others") { return isPunct(i + 2, ASCII.period) ? i + 3 : i + 2 }
        return nil
    }
}
