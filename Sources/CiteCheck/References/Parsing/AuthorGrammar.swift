/// Reads the author list at the start of a reference.
///
/// Three name shapes are recognised, in any mix a style uses:
/// - Vancouver `Family Initials` (`Parides MK`, `van der Berg JH`, `Aan Het Rot M`, `Smith JR Jr`);
/// - inverted `Family, Given` (`Parides, M. K.`, `Feder, Adriana`);
/// - direct `Given Family` (`Dennis S. Charney`, `W.-P. de Roever`).
struct AuthorGrammar {
    enum Shape { case vancouver, inverted, direct }

    struct Result {
        var authors: [Author] = []
        var etAl = false
        /// Token index just after the list (and its closing period).
        var end = 0
        /// The shape of the first author, which tells styles apart.
        var shape: Shape?
        /// Given names were written with periods (`M. K.`).
        var periodInitials = false
    }

    let c: TokenCursor

    private static let invertedOrder: [Shape] = [.inverted, .direct, .vancouver]
    private static let directOrder: [Shape] = [.direct, .inverted, .vancouver]
    private static let vancouverOrder: [Shape] = [.vancouver, .inverted, .direct]

    /// Tokens that may follow a complete name.
    private func isTerminator(_ i: Int) -> Bool {
        if i >= c.count { return true }
        let tok = c.t[i]
        if tok.kind == .punct {
            switch tok.mark {
            case ASCII.comma, ASCII.semicolon, ASCII.period, ASCII.openParen, ASCII.colon, ASCII.ampersand, Token.Mark.ellipsis: return true
            default: return tok.isQuote
            }
        }
        return c.isWord(i, "and") || c.isWord(i, "et") || c.isWord(i, "etal") || c.isWord(i, "und")
    }

    /// `Jr`, `Sr`, `II`, `3rd` at `i` followed by a terminator: index after it (and its period).
    private func suffix(_ i: Int) -> Int? {
        guard i < c.count, c.t[i].kind != .punct, c.t[i].end - c.t[i].start <= 3, Lexicon.suffixes.contains(c.lower(i)) else { return nil }
        if c.isPunct(i + 1, ASCII.period) { return i + 2 }
        return isTerminator(i + 1) ? i + 1 : nil
    }

    /// Initials written with periods: `A.`, `M. K.`, `M.K.`, `J.-P.`, `Th.`; index after the last period.
    private func periodInitials(_ i: Int) -> Int? {
        var j = i
        var count = 0
        while j < c.count {
            let tok = c.t[j]
            guard tok.kind == .word, tok.capitalized, tok.length <= 2, c.isPunct(j + 1, ASCII.period) else { break }
            if tok.length == 2, tok.allCaps { break }
            j += 2
            count += 1
            if c.isDash(j), j + 1 < c.count, c.t[j + 1].kind == .word, c.t[j + 1].capitalized, !c.t[j].spaceBefore { j += 1 }
        }
        return count > 0 ? j : nil
    }

    /// Initials closing a Vancouver name: `MK`, `A`, `J-P`, and the mis-cased two-letter `Aa`, `Ch`.
    private func isVancouverInitials(_ j: Int) -> Bool {
        if c.isInitials(j) { return true }
        let tok = c.t[j]
        return tok.kind == .word && tok.capitalized && tok.length == 2 && tok.end - tok.start == 2 && isTerminator(j + 1)
            && !c.isPunct(j + 1, ASCII.period)
    }

    /// `Fde`, `Mda`, `Jdos`: a capital initial glued to a lower-case name particle.
    private func isGluedParticleInitial(_ k: Int) -> Bool {
        let tok = c.t[k]
        guard tok.kind == .word, tok.end - tok.start >= 3, tok.end - tok.start <= 4, ByteText.isASCIILetter(c.b[tok.start]),
            c.b[tok.start] < UInt8(ascii: "a")
        else { return false }
        guard c.b[tok.start + 1] == UInt8(ascii: "d") else { return false }  // d…
        let c2 = c.b[tok.start + 2]
        if tok.end - tok.start == 3 { return c2 == UInt8(ascii: "e") || c2 == UInt8(ascii: "a") || c2 == UInt8(ascii: "o") }  // de, da, do
        let c3 = c.b[tok.start + 3]
        return (c2 == UInt8(ascii: "o") || c2 == UInt8(ascii: "a")) && c3 == UInt8(ascii: "s") || (c2 == UInt8(ascii: "e") && c3 == UInt8(ascii: "l"))  // dos, das, del
    }

    /// `d'Adda`, `d’Eysmond`: a family-name word that opens with an elided particle.
    private func isElidedParticleWord(_ k: Int) -> Bool {
        guard k >= 0, k < c.count, c.t[k].kind == .word, !c.t[k].capitalized, c.t[k].end - c.t[k].start >= 4 else { return false }
        let second = c.b[c.t[k].start + 1]
        return second == ASCII.apostrophe || second == 0xE2
    }

    /// `Family Initials [Suffix]`.
    func vancouver(_ i: Int) -> (Author, Int)? {
        guard i < c.count, c.isNameWord(i), c.t[i].length >= 2 || c.isParticle(i) else { return nil }
        var j = i
        while j < c.count, j - i < 6, c.isNameWord(j) {
            if j > i, isVancouverInitials(j), isTerminator(j + 1) || suffix(j + 1) != nil { break }
            j += 1
        }
        guard j > i, j < c.count, isVancouverInitials(j), !c.isParticle(j) else { return nil }
        // A family name has at most three words besides particles, none a lone letter
        // (`Proc Natl Acad Sci U S A` is a journal).
        var words = 0
        for k in i..<j where !c.isParticle(k) {
            if c.t[k].length < 2 { return nil }
            words += 1
        }
        guard words <= 3 else { return nil }
        var end = j + 1
        var sfx: String?
        if let s = suffix(end) {
            sfx = c.text(end, end + 1)
            end = s
        }
        guard isTerminator(end) else { return nil }
        // `Osorio Fde L`: an initial glued to a particle (`F de L.`) belongs to the given names.
        if j - 1 > i, isGluedParticleInitial(j - 1) {
            return (Author(family: c.text(i, j - 1), given: c.text(j - 1, j + 1), suffix: sfx), end)
        }
        return (Author(family: c.text(i, j), given: c.text(j, j + 1), suffix: sfx), end)
    }

    /// Family words (capitalised or particles) starting at `i`: the index after them.
    private func familyRun(_ i: Int, max: Int = 5) -> Int {
        var j = i
        while j < c.count, j - i < max, c.isNameWord(j) { j += 1 }
        return j
    }

    /// `Family, Given [, Suffix]`.
    func inverted(_ i: Int) -> (Author, Int, Bool)? {
        guard i < c.count, c.isNameWord(i), c.t[i].length >= 2 || c.isParticle(i) else { return nil }
        let f = familyRun(i)
        guard f > i, c.isPunct(f, ASCII.comma), f + 1 < c.count else { return nil }
        let g = f + 1
        var end: Int
        var periods = false
        if let e = periodInitials(g) {
            end = e
            periods = true
        } else if c.isInitials(g), c.t[g].length <= 3, isTerminator(g + 1) {
            end = g + 1
        } else if c.t[g].kind == .word, c.t[g].capitalized, !c.t[g].allCaps, c.t[g].length >= 2 {
            // `Feder, Adriana`: a first name after a one-word family name (particles allowed), never
            // `Jeffrey Kuskin, David Ofelt` (a list of direct names).
            var capitals = 0
            for k in i..<f where !c.isParticle(k) { capitals += 1 }
            guard capitals == 1 else { return nil }
            end = g + 1
            if let e = periodInitials(end) {
                end = e
                periods = true
            }
            guard isTerminator(end) else { return nil }
        } else {
            return nil
        }
        let givenEnd = end
        var sfx: String?
        if c.isPunct(end, ASCII.comma), let s = suffix(end + 1) {
            sfx = c.text(end + 1, end + 2)
            end = s
        } else if let s = suffix(end) {
            sfx = c.text(end, end + 1)
            end = s
        }
        return (Author(family: c.text(i, f), given: c.text(g, givenEnd), suffix: sfx), end, periods)
    }

    /// `Given Family`: initials with periods or a first name, then the family name.
    func direct(_ i: Int, allowFirstName: Bool) -> (Author, Int, Bool)? {
        guard i < c.count else { return nil }
        var g: Int
        var periods = false
        var usedFirstName = false
        if let e = periodInitials(i) {
            g = e
            periods = true
        } else if c.isInitials(i), c.t[i].length <= 3, i + 1 < c.count, c.t[i + 1].kind == .word, c.t[i + 1].capitalized,
            !c.t[i + 1].allCaps, c.t[i + 1].length >= 2
        {
            // `DA Alexander`, `S Klein`: initials without periods before a one-word family name, in a list.
            // (`Hosoi, SA & SI Rothstein. 2000.`: the last of the list, before the year.)
            guard isTerminator(i + 2),
                c.isPunct(i + 2, ASCII.comma) || c.isWord(i + 2, "and") || c.isPunct(i + 2, ASCII.ampersand) || c.isPunct(i + 2, ASCII.colon)
                    || (c.isPunct(i + 2, ASCII.period) && c.year(i + 3) != nil)
            else {
                return nil
            }
            g = i + 1
            periods = true  // as reliable as written initials
        } else if allowFirstName, c.t[i].kind == .word, c.t[i].capitalized, !c.t[i].allCaps, c.t[i].length >= 2 {
            g = i + 1
            usedFirstName = true
            if let e = periodInitials(g) {
                g = e
                periods = true
            } else if c.isInitials(g), c.t[g].length == 1, !isTerminator(g + 1) {
                g += 1
            }
        } else {
            return nil
        }
        let f = familyRun(g, max: 4)
        guard f > g, isTerminator(f) || suffix(f) != nil else { return nil }
        // Several capitalised words after a first name: the last one (with its particles) is the family name.
        var famStart = g
        if usedFirstName || f - g > 1 {
            famStart = f - 1
            while famStart > g, c.isParticle(famStart - 1) || isElidedParticleWord(famStart - 1) { famStart -= 1 }
            if !periods, famStart > g, usedFirstName, f - g > 2 { return nil }
        }
        guard c.t[famStart].capitalized || c.isParticle(famStart) || isElidedParticleWord(famStart), c.t[f - 1].length >= 2 else { return nil }
        var end = f
        var sfx: String?
        if let s = suffix(f) {
            sfx = c.text(f, f + 1)
            end = s
        } else if c.isPunct(f, ASCII.comma), let s = suffix(f + 1) {
            sfx = c.text(f + 1, f + 2)
            end = s
        }
        return (Author(family: c.text(famStart, f), given: c.text(i, famStart), suffix: sfx), end, periods)
    }

    private func one(_ i: Int, mode: Shape?, first: Bool) -> (Author, Int, Shape, Bool)? {
        let order: [Shape]
        switch mode {
        case .inverted?: order = Self.invertedOrder
        case .direct?: order = Self.directOrder
        default: order = Self.vancouverOrder
        }
        for shape in order {
            switch shape {
            case .vancouver:
                if let (a, e) = vancouver(i) { return (a, e, .vancouver, false) }
            case .inverted:
                if let (a, e, p) = inverted(i) { return (a, e, .inverted, p) }
            case .direct:
                if let (a, e, p) = direct(i, allowFirstName: true) {
                    // A lone "First Last." at the start is more often a group or title than a person.
                    if first, !p, !(c.isPunct(e, ASCII.comma) || c.isWord(e, "and") || c.isPunct(e, ASCII.ampersand)) { continue }
                    return (a, e, .direct, p)
                }
            }
        }
        return nil
    }

    /// A name part the grammar cannot read, up to the next separator (before `limit`): kept as a family name.
    private func loosePart(_ i: Int, limit: Int) -> (Author, Int)? {
        var j = i
        while j < limit, !(c.isPunct(j, ASCII.comma) || c.isPunct(j, ASCII.semicolon)) {
            if c.etAl(j) != nil { break }
            j += 1
        }
        var z = j
        while z > i, c.t[z - 1].kind == .punct { z -= 1 }
        guard z > i else { return nil }
        var words = 0
        for k in i..<z where c.t[k].kind == .word { words += 1 }
        // `delange WCM`: trailing initials are the given name.
        if z - i >= 2, words <= 4, c.isInitials(z - 1), c.t[z - 2].kind == .word {
            return (Author(family: c.text(i, z - 1), given: c.text(z - 1, z)), j)
        }
        return (Author(family: c.text(i, z), isGroup: words >= 3), j)
    }

    /// Parses the list from token 0. With `anchor` (the `(` of a `(2014)` that follows the list), everything
    /// before the anchor belongs to the list, and parts the grammar cannot read are kept as names as written.
    func parse(from start: Int = 0, anchor: Int? = nil) -> Result {
        var r = Result()
        r.end = start
        let first = one(start, mode: nil, first: true).flatMap { $0.1 <= (anchor ?? Int.max) ? $0 : nil }
        guard let (a0, e0, shape, p0) = first ?? anchor.flatMap({ k in loosePart(start, limit: k).map { ($0.0, $0.1, Shape.vancouver, false) } }) else {
            return r
        }
        r.authors.append(a0)
        r.shape = first == nil ? nil : shape
        r.periodInitials = p0
        var i = e0
        let mode: Shape? = r.shape
        while i < c.count, r.authors.count < 2000 {
            if let e = c.etAl(i) {
                r.etAl = true
                i = e
                break
            }
            let tok = c.t[i]
            // `Meilhac N., Destainville N.`: a period after initials, then the list goes on.
            if tok.kind == .punct, tok.mark == ASCII.period, c.isPunct(i + 1, ASCII.comma) || c.isPunct(i + 1, ASCII.semicolon) {
                i += 1
                continue
            }
            // `O'Neill J. Senior T. Csicsvari J. 2006.`: names split by periods, each followed by another or the year.
            if tok.kind == .punct, tok.mark == ASCII.period, mode == .vancouver, i + 3 < c.count, c.t[i + 1].capitalized,
                c.isInitials(i + 2) || c.isInitials(i + 3), let (a, e) = vancouver(i + 1), c.isPunct(e, ASCII.period),
                vancouver(e + 1) != nil || c.year(e + 1) != nil
            {
                r.authors.append(a)
                i = e
                continue
            }
            let separated = tok.kind == .punct && (tok.mark == ASCII.comma || tok.mark == ASCII.semicolon)
            let joined = (tok.kind == .punct && tok.mark == ASCII.ampersand) || c.isWord(i, "and") || c.isPunct(i, Token.Mark.ellipsis)
            guard separated || joined else {
                if tok.kind != .punct || tok.mark != ASCII.period, let k = anchor, i < k, let (a, e) = loosePart(i, limit: k), e > i {
                    r.authors.append(a)
                    i = e
                    continue
                }
                break
            }
            var j = i + 1
            if joined, let e = c.etAl(j) {
                r.etAl = true
                i = e
                break
            }  // `Nishida, T., & et al.`
            if separated {
                if let e = c.etAl(j) {
                    r.etAl = true
                    i = e
                    break
                }
                if c.isPunct(j, ASCII.ampersand) || c.isWord(j, "and") { j += 1 }
                if c.isPunct(j, Token.Mark.ellipsis) { j += 1 } else if c.isPunct(j, ASCII.period), c.isPunct(j + 1, ASCII.period), c.isPunct(j + 2, ASCII.period) { j += 3 }
            }
            if let (a, e, _, p) = one(j, mode: mode, first: false), e <= (anchor ?? Int.max) {
                r.authors.append(a)
                r.periodInitials = r.periodInitials || p
                i = e
                continue
            }
            if let k = anchor, j < k, let (a, e) = loosePart(j, limit: k) {
                r.authors.append(a)
                i = e
                continue
            }
            break
        }
        if c.isPunct(i, ASCII.period) { i += 1 }
        r.end = i
        return r
    }
}
