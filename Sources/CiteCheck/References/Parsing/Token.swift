/// One lexical unit of a reference: a word, a number, a mixed alphanumeric run, or one punctuation mark.
///
/// Offsets are UTF-8 byte offsets into the reference text.
struct Token: Sendable {
    enum Kind: UInt8, Sendable {
        /// Letters only, possibly joined by an inner hyphen or apostrophe (`Landeros-Weisenberger`, `O'Meara`).
        case word
        /// ASCII digits only.
        case number
        /// Letters and digits mixed (`e0123456`, `2014a`, `S1`, `F1000Research`).
        case alnum
        /// One punctuation mark; `mark` says which.
        case punct
    }

    /// Normalised punctuation marks (`mark` of a `.punct` token).
    enum Mark {
        static let openDouble: UInt8 = 1  // “ «
        static let closeDouble: UInt8 = 2  // ” »
        static let openSingle: UInt8 = 3  // ‘
        static let closeSingle: UInt8 = 4  // ’
        static let dash: UInt8 = ASCII.hyphen  // - – — ‐ −
        static let straightDouble: UInt8 = ASCII.doubleQuote
        static let straightSingle: UInt8 = ASCII.apostrophe
        static let ellipsis: UInt8 = 5  // …
        /// Any other symbol (`©`, `°`, `·`, `†`, …), read as one generic mark.
        static let otherSymbol: UInt8 = ASCII.asterisk
    }

    var start: Int
    var end: Int
    var kind: Kind
    /// For `.punct`: the ASCII mark or one of `Mark`; for words: 0.
    var mark: UInt8
    /// Whitespace (or a removed span) precedes the token.
    var spaceBefore: Bool
    /// First letter is an ASCII capital or a non-ASCII letter (case unknown, treated as capital).
    var capitalized: Bool
    /// Every letter is an ASCII capital.
    var allCaps: Bool
    /// Letters in the token (bytes for non-ASCII letters).
    var length: Int

    @inline(__always) func isPunct(_ m: UInt8) -> Bool { kind == .punct && mark == m }
    var isWord: Bool { kind == .word }
    var isQuote: Bool {
        kind == .punct
            && (mark == Mark.openDouble || mark == Mark.closeDouble || mark == Mark.openSingle
                || mark == Mark.closeSingle || mark == Mark.straightDouble || mark == Mark.straightSingle)
    }
}
