/// A label that starts a list entry: `1.`, `1)`, `[1]`, `(1)`, `-`, `*`, `+`, `•`.
public struct EntryLabel: Hashable, Sendable {
    /// The label as written (`1.`, `[3]`, `•`).
    public var text: String
    /// The number in it, for numbered labels.
    public var number: Int?
    /// Byte range of the label.
    public var range: Range<Int>
    /// Where the content after the label (and the spaces after it) begins.
    public var contentStart: Int

    /// Most digits a numbered label may have when it continues the numbering (`1000.` after `999.`).
    static let maxContinuingDigits = 9

    /// Reads a label at `bytes[start]`, the first non-blank byte of a line; `end` is the end of the line.
    /// Numbered labels have 1–3 digits, or up to `maxContinuingDigits` when the number is `previous + 1` (so a
    /// list runs past 999 entries while a year at the start of a line, `2019. …`, is still not a label);
    /// `1.` and `1)` and bullets need a space (or the line end) after them.
    static func parse(_ bytes: [UInt8], at start: Int, end: Int, allowPlus: Bool = true, previous: Int? = nil) -> EntryLabel? {
        guard start < end else { return nil }
        let b = bytes[start]
        var labelEnd: Int
        var number: Int?
        var needsSpace = true
        if ByteClass.isDigit(b) {
            var i = start
            var value = 0
            while i < end, ByteClass.isDigit(bytes[i]), i - start <= maxContinuingDigits {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard isAllowed(digits: i - start, value: value, previous: previous),
                i < end, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: ")")
            else { return nil }
            number = value
            labelEnd = i + 1
        } else if b == UInt8(ascii: "[") || b == UInt8(ascii: "(") {
            let close = b == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: ")")
            var i = start + 1
            var value = 0
            while i < end, ByteClass.isDigit(bytes[i]), i - start <= maxContinuingDigits + 1 {
                value = value * 10 + Int(bytes[i] - 0x30)
                i += 1
            }
            guard i > start + 1, isAllowed(digits: i - start - 1, value: value, previous: previous), i < end, bytes[i] == close else { return nil }
            number = value
            labelEnd = i + 1
            needsSpace = false
        } else if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || (allowPlus && b == UInt8(ascii: "+")) {
            labelEnd = start + 1
        } else if b == 0xE2, start + 2 < end, bytes[start + 1] == 0x80, bytes[start + 2] == 0xA2 {
            labelEnd = start + 3
        } else {
            return nil
        }
        // Blanks after the label: spaces, tabs and no-break spaces (`1.&nbsp;Feder` in WordPress).
        func blankWidth(_ i: Int) -> Int {
            if ByteClass.isBlank(bytes[i]) { return 1 }
            if bytes[i] == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 { return 2 }
            return 0
        }
        var content = labelEnd
        if content < end {
            if needsSpace && blankWidth(content) == 0 { return nil }
            while content < end, blankWidth(content) > 0 { content += blankWidth(content) }
        }
        // `[12]` with nothing after it, or a bullet alone, is not an entry.
        if content >= end && number == nil { return nil }
        return EntryLabel(
            text: String(decoding: bytes[start..<labelEnd], as: UTF8.self), number: number,
            range: start..<labelEnd, contentStart: content)
    }

    /// 1–3 digits always; more only when they continue the numbering.
    private static func isAllowed(digits: Int, value: Int, previous: Int?) -> Bool {
        if digits <= 3 { return true }
        guard digits <= maxContinuingDigits, let previous else { return false }
        return value == previous + 1
    }

    /// Reads a label at the start of a string (for text that arrives with its label, e.g. `<p>1. Feder…</p>`).
    public static func parse(_ text: String) -> EntryLabel? {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count, ByteClass.isBlank(bytes[start]) { start += 1 }
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        return parse(bytes, at: start, end: end)
    }
}
