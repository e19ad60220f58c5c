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
        var initials = i
        while initials < c.count, initials - i < 6, c.isNameWord(initials) {
            if initials > i, isVancouverInitials(initials), isTerminator(initials + 1) || suffix(initials + 1) != nil { break }
            initials += 1
        }
        guard initials > i, initials < c.count, isVancouverInitials(initials), !c.isParticle(initials) else { return nil }
        // A family name has at most three words besides particles, none a lone letter
        // (`Proc Natl Acad Sci U S A` is a journal).
        var words = 0
        for k in i..<initials where !c.isParticle(k) {
            if c.t[k].length < 2 { return nil }
            words += 1
        }
        guard words <= 3 else { return nil }
        var end = initials + 1
        var suffixText: String?
        if let afterSuffix = suffix(end) {
            suffixText = c.text(end, end + 1)
            end = afterSuffix
        }
        guard isTerminator(end) else { return nil }
        // `Osorio Fde L`: an initial glued to a particle (`F de L.`) belongs to the given names.
        if initials - 1 > i, isGluedParticleInitial(initials - 1) {
            return (Author(family: c.text(i, initials - 1), given: c.text(initials - 1, initials + 1), suffix: suffixText), end)
        }
        return (Author(family: c.text(i, initials), given: c.text(initials, initials + 1), suffix: suffixText), end)
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
        let familyEnd = familyRun(i)
        guard familyEnd > i, c.isPunct(familyEnd, ASCII.comma), familyEnd + 1 < c.count else { return nil }
        let givenStart = familyEnd + 1
        var end: Int
        var withPeriods = false
        if let initialsEnd = periodInitials(givenStart) {
            end = initialsEnd
            withPeriods = true
        } else if c.isInitials(givenStart), c.t[givenStart].length <= 3, isTerminator(givenStart + 1) {
            end = givenStart + 1
        } else if c.t[givenStart].kind == .word, c.t[givenStart].capitalized, !c.t[givenStart].allCaps, c.t[givenStart].length >= 2 {
            // `Feder, Adriana`: a first name after a one-word family name (particles allowed), never
            // `Jeffrey Kuskin, David Ofelt` (a list of direct names).
            var capitals = 0
            for k in i..<familyEnd where !c.isParticle(k) { capitals += 1 }
            guard capitals == 1 else { return nil }
            end = givenStart + 1
            if let initialsEnd = periodInitials(end) {
                end = initialsEnd
                withPeriods = true
            }
            guard isTerminator(end) else { return nil }
        } else {
            return nil
        }
        let givenEnd = end
        var suffixText: String?
        if c.isPunct(end, ASCII.comma), let afterSuffix = suffix(end + 1) {
            suffixText = c.text(end + 1, end + 2)
            end = afterSuffix
        } else if let afterSuffix = suffix(end) {
            suffixText = c.text(end, end + 1)
            end = afterSuffix
        }
        return (Author(family: c.text(i, familyEnd), given: c.text(givenStart, givenEnd), suffix: suffixText), end, withPeriods)
    }

    /// `Given Family`: initials with periods or a first name, then the family name.
    func direct(_ i: Int, allowFirstName: Bool) -> (Author, Int, Bool)? {
        guard i < c.count else { return nil }
        var givenEnd: Int
        var withPeriods = false
        var usedFirstName = false
        if let initialsEnd = periodInitials(i) {
            givenEnd = initialsEnd
            withPeriods = true
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
            givenEnd = i + 1
            withPeriods = true  // as reliable as written initials
        } else if allowFirstName, c.t[i].kind == .word, c.t[i].capitalized, !c.t[i].allCaps, c.t[i].length >= 2 {
            givenEnd = i + 1
            usedFirstName = true
            if let initialsEnd = periodInitials(givenEnd) {
                givenEnd = initialsEnd
                withPeriods = true
            } else if c.isInitials(givenEnd), c.t[givenEnd].length == 1, !isTerminator(givenEnd + 1) {
                givenEnd += 1
            }
        } else {
            return nil
        }
        let familyEnd = familyRun(givenEnd, max: 4)
        guard familyEnd > givenEnd, isTerminator(familyEnd) || suffix(familyEnd) != nil else { return nil }
        // Several capitalised words after a first name: the last one (with its particles) is the family name.
        var familyStart = givenEnd
        if usedFirstName || familyEnd - givenEnd > 1 {
            familyStart = familyEnd - 1
            while familyStart > givenEnd, c.isParticle(familyStart - 1) || isElidedParticleWord(familyStart - 1) { familyStart -= 1 }
            if !withPeriods, familyStart > givenEnd, usedFirstName, familyEnd - givenEnd > 2 { return nil }
        }
        guard c.t[familyStart].capitalized || c.isParticle(familyStart) || isElidedParticleWord(familyStart), c.t[familyEnd - 1].length >= 2 else { return nil }
        var end = familyEnd
        var suffixText: String?
        if let afterSuffix = suffix(familyEnd) {
            suffixText = c.text(familyEnd, familyEnd + 1)
            end = afterSuffix
        } else if c.isPunct(familyEnd, ASCII.comma), let afterSuffix = suffix(familyEnd + 1) {
            suffixText = c.text(familyEnd + 1, familyEnd + 2)
            end = afterSuffix
        }
        return (Author(family: c.text(familyStart, familyEnd), given: c.text(i, familyStart), suffix: suffixText), end, withPeriods)
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
                if let (author, end) = vancouver(i) { return (author, end, .vancouver, false) }
            case .inverted:
                if let (author, end, withPeriods) = inverted(i) { return (author, end, .inverted, withPeriods) }
            case .direct:
                if let (author, end, withPeriods) = direct(i, allowFirstName: true) {
                    // A lone "First Last." at the start is more often a group or title than a person.
                    if first, !withPeriods, !(c.isPunct(end, ASCII.comma) || c.isWord(end, "and") || c.isPunct(end, ASCII.ampersand)) { continue }
                    return (author, end, .direct, withPeriods)
                }
            }
        }
        return nil
    }

    /// A name part the grammar cannot read, up to the next separator (before `limit`): kept as a family name.
    private func loosePart(_ i: Int, limit: Int) -> (Author, Int)? {
        var separator = i
        while separator < limit, !(c.isPunct(separator, ASCII.comma) || c.isPunct(separator, ASCII.semicolon)) {
            if c.etAl(separator) != nil { break }
            separator += 1
        }
        var nameEnd = separator
        while nameEnd > i, c.t[nameEnd - 1].kind == .punct { nameEnd -= 1 }
        guard nameEnd > i else { return nil }
        var words = 0
        for k in i..<nameEnd where c.t[k].kind == .word { words += 1 }
        // `delange WCM`: trailing initials are the given name.
        if nameEnd - i >= 2, words <= 4, c.isInitials(nameEnd - 1), c.t[nameEnd - 2].kind == .word {
            return (Author(family: c.text(i, nameEnd - 1), given: c.text(nameEnd - 1, nameEnd)), separator)
        }
        return (Author(family: c.text(i, nameEnd), isGroup: words >= 3), separator)
    }

    /// Parses the list from token 0. With `anchor` (the `(` of a `(2014)` that follows the list), everything
    /// before the anchor belongs to the list, and parts the grammar cannot read are kept as names as written.
    func parse(from start: Int = 0, anchor: Int? = nil) -> Result {
        var result = Result()
        result.end = start
        let first = one(start, mode: nil, first: true).flatMap { $0.1 <= (anchor ?? Int.max) ? $0 : nil }
        guard
            let (firstAuthor, firstEnd, shape, firstWithPeriods) = first ?? anchor.flatMap({ limit in loosePart(start, limit: limit).map { ($0.0, $0.1, Shape.vancouver, false) } })
        else {
            return result
        }
        result.authors.append(firstAuthor)
        result.shape = first == nil ? nil : shape
        result.periodInitials = firstWithPeriods
        var i = firstEnd
        let mode: Shape? = result.shape
        while i < c.count, result.authors.count < 2000 {
            if let end = c.etAl(i) {
                result.etAl = true
                i = end
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
                c.isInitials(i + 2) || c.isInitials(i + 3), let (author, end) = vancouver(i + 1), c.isPunct(end, ASCII.period),
                vancouver(end + 1) != nil || c.year(end + 1) != nil
            {
                result.authors.append(author)
                i = end
                continue
            }
            let separated = tok.kind == .punct && (tok.mark == ASCII.comma || tok.mark == ASCII.semicolon)
            let joined = (tok.kind == .punct && tok.mark == ASCII.ampersand) || c.isWord(i, "and") || c.isPunct(i, Token.Mark.ellipsis)
            guard separated || joined else {
                if tok.kind != .punct || tok.mark != ASCII.period, let limit = anchor, i < limit, let (author, end) = loosePart(i, limit: limit), end > i {
                    result.authors.append(author)
                    i = end
                    continue
                }
                break
            }
            var next = i + 1
            if joined, let end = c.etAl(next) {
                result.etAl = true
                i = end
                break
            }  // `Nishida, T., & et al.`
            if separated {
                if let end = c.etAl(next) {
                    result.etAl = true
                    i = end
                    break
                }
                if c.isPunct(next, ASCII.ampersand) || c.isWord(next, "and") { next += 1 }
                if c.isPunct(next, Token.Mark.ellipsis) {
                    next += 1
                } else if c.isPunct(next, ASCII.period), c.isPunct(next + 1, ASCII.period), c.isPunct(next + 2, ASCII.period) {
                    next += 3
                }
            }
            if let (author, end, _, withPeriods) = one(next, mode: mode, first: false), end <= (anchor ?? Int.max) {
                result.authors.append(author)
                result.periodInitials = result.periodInitials || withPeriods
                i = end
                continue
            }
            if let limit = anchor, next < limit, let (author, end) = loosePart(next, limit: limit) {
                result.authors.append(author)
                i = end
                continue
            }
            break
        }
        if c.isPunct(i, ASCII.period) { i += 1 }
        result.end = i
        return result
    }
}
