/// Splits UTF-8 bytes into `Token`s, skipping spans already claimed by the identifier and note scanner.
enum Tokenizer {
    /// What a byte sequence starting at an offset is, for tokenising.
    enum Unit {
        case space
        case letter
        case digit
        case punct(UInt8)
    }

    /// `ï¿½` (C3 AF C2 BF C2 BD): U+FFFD decoded as Latin-1 and encoded again.
    @inline(__always)
    static func isMojibakeReplacement(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        i + 5 < b.count && b[i] == 0xC3 && b[i + 1] == 0xAF && b[i + 2] == 0xC2 && b[i + 3] == 0xBF && b[i + 4] == 0xC2 && b[i + 5] == 0xBD
    }

    /// Classifies the character at `i`, returning it and its width in bytes.
    @inline(__always)
    static func unit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (Unit, Int) {
        let c = b[i]
        if c < 0x80 {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return (.digit, 1)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"): return (.letter, 1)
            case ASCII.space, ASCII.tab, ASCII.lineFeed, ASCII.carriageReturn, ASCII.verticalTab, ASCII.formFeed: return (.space, 1)
            // `2128--2136`: LaTeX and Pandoc write a page range's en dash as two hyphens.
            case ASCII.hyphen where i > 0 && i + 2 < b.count && b[i + 1] == ASCII.hyphen && ByteText.isDigit(b[i - 1]) && ByteText.isDigit(b[i + 2]):
                return (.punct(c), 2)
            default: return (.punct(c), 1)
            }
        }
        let n = b.count
        if c == 0xC2, i + 1 < n {
            switch b[i + 1] {
            case 0xA0: return (.space, 2)
            case 0xAB: return (.punct(Token.Mark.openDouble), 2)
            case 0xBB: return (.punct(Token.Mark.closeDouble), 2)
            case 0xA0...0xBF: return (.punct(Token.Mark.otherSymbol), 2)  // Latin-1 symbols (©, °, ·, …)
            default: return (.letter, 2)
            }
        }
        if c == 0xE2, i + 2 < n {
            let c1 = b[i + 1]
            let c2 = b[i + 2]
            if c1 == 0x80 {
                switch c2 {
                case 0x80...0x8B, 0xAF: return (.space, 3)
                case 0x90...0x95: return (.punct(Token.Mark.dash), 3)
                case 0x98: return (.punct(Token.Mark.openSingle), 3)
                case 0x99: return (.punct(Token.Mark.closeSingle), 3)
                case 0x9C: return (.punct(Token.Mark.openDouble), 3)
                case 0x9D: return (.punct(Token.Mark.closeDouble), 3)
                case 0xA6: return (.punct(Token.Mark.ellipsis), 3)
                default: return (.punct(Token.Mark.otherSymbol), 3)
                }
            }
            if c1 == 0x88, c2 == 0x92 { return (.punct(Token.Mark.dash), 3) }
            return (.punct(Token.Mark.otherSymbol), 3)
        }
        if c == 0xE3, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0x80 { return (.space, 3) }
        // A garbled character (U+FFFD `�`, or its mojibake `ï¿½`) most often stands for a lost dash (`1405�1408`); as
        // a dash it still joins a word it falls inside (`M�ller`).
        if c == 0xEF, i + 2 < n, b[i + 1] == 0xBF, b[i + 2] == 0xBD { return (.punct(Token.Mark.dash), 3) }
        if c == 0xC3, isMojibakeReplacement(b, i) { return (.punct(Token.Mark.dash), 6) }
        // Any other multi-byte scalar counts as a letter (accented Latin, Greek, Cyrillic, CJK, …).
        let width: Int
        if c >= 0xF0 { width = 4 } else if c >= 0xE0 { width = 3 } else if c >= 0xC0 { width = 2 } else { width = 1 }
        return (.letter, min(width, n - i))
    }

    /// Tokenises `b`, skipping the sorted, non-overlapping `skip` ranges.
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, skip: [Range<Int>], into tokens: inout [Token]) {
        tokens.removeAll(keepingCapacity: true)
        let n = b.count
        var i = 0
        var skipIndex = 0
        var spaceBefore = true
        while i < n {
            if skipIndex < skip.count, i >= skip[skipIndex].lowerBound {
                i = max(i, skip[skipIndex].upperBound)
                skipIndex += 1
                spaceBefore = true
                continue
            }
            let limit = skipIndex < skip.count ? skip[skipIndex].lowerBound : n
            let (here, width) = unit(b, i)
            switch here {
            case .space:
                spaceBefore = true
                i += width
            case .punct(let mark):
                tokens.append(
                    Token(
                        start: i, end: i + width, kind: .punct, mark: mark, spaceBefore: spaceBefore,
                        capitalized: false, allCaps: false, length: 0))
                spaceBefore = false
                i += width
            case .letter, .digit:
                let start = i
                var hasLetter = false
                var hasDigit = false
                var noSmallLetter = true
                var capitalized = false
                var atFirstCharacter = true
                var letterCount = 0
                var end = i
                while end < limit {
                    let (next, nextWidth) = unit(b, end)
                    var joined = false
                    switch next {
                    case .letter:
                        if atFirstCharacter { capitalized = b[end] >= 0x80 || (b[end] >= UInt8(ascii: "A") && b[end] <= UInt8(ascii: "Z")) }
                        if b[end] >= UInt8(ascii: "a") && b[end] <= UInt8(ascii: "z") { noSmallLetter = false }
                        if b[end] >= 0x80 { noSmallLetter = false }
                        hasLetter = true
                        letterCount += 1
                    case .digit:
                        hasDigit = true
                    case .punct(let mark) where (mark == Token.Mark.dash || mark == ASCII.apostrophe || mark == Token.Mark.closeSingle) && hasLetter && !hasDigit:
                        // Join `Landeros-Weisenberger`, `O'Meara`, `O’Brien` when a letter follows.
                        let afterMark = end + nextWidth
                        if afterMark < limit, case .letter = unit(b, afterMark).0, b[afterMark] < 0x80 || b[afterMark] >= 0xC3 {
                            joined = true
                        } else {
                            break
                        }
                    default:
                        break
                    }
                    if case .letter = next { atFirstCharacter = false } else if case .digit = next { atFirstCharacter = false } else if !joined { break }
                    end += nextWidth
                }
                let kind: Token.Kind = hasDigit ? (hasLetter ? .alnum : .number) : .word
                tokens.append(
                    Token(
                        start: start, end: end, kind: kind, mark: 0, spaceBefore: spaceBefore,
                        capitalized: capitalized, allCaps: hasLetter && noSmallLetter, length: letterCount))
                spaceBefore = false
                i = end
            }
        }
    }
}
