/// The text of one input file, decoded and checked, with a line index for turning byte offsets into
/// `SourcePosition`s.
///
/// Offsets everywhere in citecheck are UTF-8 byte offsets into `text` (after the byte order mark, which is
/// dropped). Lines end at LF, CR LF or a lone CR.
public struct SourceFile: Sendable {
    /// The path as the user gave it (`-` for standard input).
    public let path: String
    /// The file's text, without a leading byte order mark.
    public let text: String
    /// Byte offset of the start of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// The file began with a UTF-8 byte order mark (dropped from `text`, kept when the file is rewritten).
    public let hasByteOrderMark: Bool

    /// Decodes `bytes` as UTF-8 text. Throws `InputError.notText` for NUL bytes or invalid UTF-8.
    public init(path: String, bytes: some Collection<UInt8>) throws(InputError) {
        var body = Array(bytes)
        let bom = body.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { body.removeFirst(3) }
        if let nul = body.firstIndex(of: 0) {
            throw InputError.notText(path: path, reason: "contains a NUL byte at offset \(nul); it looks like a binary file")
        }
        guard let decoded = String(validating: body, as: UTF8.self) else {
            let offset = SourceFile.firstInvalidUTF8Offset(body) ?? 0
            throw InputError.notText(path: path, reason: "is not valid UTF-8 (first bad byte at offset \(offset))")
        }
        self.init(path: path, validatedText: decoded, byteOrderMark: bom)
    }

    /// Wraps text that is already a Swift string (tests, standard input already decoded).
    public init(path: String, text: String) {
        var text = text
        let bom = text.unicodeScalars.first == "\u{FEFF}"
        if bom { text.unicodeScalars.removeFirst() }
        self.init(path: path, validatedText: text, byteOrderMark: bom)
    }

    private init(path: String, validatedText text: String, byteOrderMark: Bool) {
        self.path = path
        self.text = text
        self.hasByteOrderMark = byteOrderMark
        var starts = [0]
        var previousWasCR = false
        var offset = 0
        for byte in text.utf8 {
            offset += 1
            if byte == 0x0A {
                if previousWasCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
                previousWasCR = false
            } else if byte == 0x0D {
                starts.append(offset)
                previousWasCR = true
            } else {
                previousWasCR = false
            }
        }
        self.lineStarts = starts
    }

    /// The position of a byte offset. Columns count Unicode scalars; an offset inside a scalar counts as that scalar.
    public func position(ofOffset offset: Int) -> SourcePosition {
        let utf8 = text.utf8
        let clamped = min(max(0, offset), utf8.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        var column = 1
        var index = utf8.index(utf8.startIndex, offsetBy: lineStart)
        let end = utf8.index(utf8.startIndex, offsetBy: clamped)
        while index < end {
            if utf8[index] & 0xC0 != 0x80 { column += 1 }
            index = utf8.index(after: index)
        }
        // An offset that lands inside a multi-byte scalar belongs to that scalar.
        if end < utf8.endIndex, utf8[end] & 0xC0 == 0x80, column > 1 { column -= 1 }
        return SourcePosition(line: low + 1, column: column)
    }

    /// Bytes before `text` in the file as stored: 3 for a byte order mark, else 0.
    public var byteOrderMarkLength: Int { hasByteOrderMark ? 3 : 0 }

    /// The file's bytes as stored: the byte order mark (if it had one) and the text.
    public var storedBytes: [UInt8] {
        (hasByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    /// The byte offset in `text` of `position` (the inverse of ``position(ofOffset:)``); a column past the line's
    /// end gives the line's end.
    public func offset(of position: SourcePosition) -> Int {
        let utf8 = text.utf8
        let line = min(max(1, position.line), lineStarts.count)
        let lineStart = lineStarts[line - 1]
        let lineEnd = line < lineStarts.count ? lineStarts[line] : utf8.count
        var index = utf8.index(utf8.startIndex, offsetBy: lineStart)
        var offset = lineStart
        var column = 1
        while column < position.column, offset < lineEnd {
            offset += 1
            index = utf8.index(after: index)
            while offset < lineEnd, utf8[index] & 0xC0 == 0x80 {
                offset += 1
                index = utf8.index(after: index)
            }
            column += 1
        }
        return offset
    }

    /// The range of byte offsets `range`.
    public func range(of range: Range<Int>) -> SourceRange {
        SourceRange(start: position(ofOffset: range.lowerBound), end: position(ofOffset: range.upperBound))
    }

    private static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }
}

/// A file that cannot be checked. Each case renders as one line naming the file; the CLI exits 2.
public enum InputError: Error, Equatable, Sendable, CustomStringConvertible {
    case notText(path: String, reason: String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, size: Int, limit: Int)
    case tooManyEntries(path: String, count: Int, limit: Int)

    public var path: String {
        switch self {
        case .notText(let path, _), .unreadable(let path, _), .tooLarge(let path, _, _), .tooManyEntries(let path, _, _): path
        }
    }

    public var description: String {
        switch self {
        case .notText(let path, let reason): "\(path): not a text file: \(reason)"
        case .unreadable(let path, let reason): "\(path): cannot read: \(reason)"
        case .tooLarge(let path, let size, let limit): "\(path): file is \(size) bytes, over the limit of \(limit) bytes (see --max-file-size)"
        case .tooManyEntries(let path, let count, let limit):
            "\(path): the reference list has \(count) entries, over the limit of \(limit) (see --max-entries)"
        }
    }
}
