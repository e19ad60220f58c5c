/// An ECitMatch answer (`ecitmatch.cgi?retmode=xml`, which is in fact plain text): one line per citation asked,
/// `journal|year|volume|first page|author|key|result`.
public struct ECitMatchResult: Hashable, Sendable {
    /// What PubMed found for one citation.
    public enum Outcome: Hashable, Sendable {
        case found(pmid: String)
        /// `NOT_FOUND`
        case notFound
        /// `NOT_FOUND;INVALID_JOURNAL`: the journal name was not recognised.
        case invalidJournal
        /// `AMBIGUOUS …`: several records match.
        case ambiguous(detail: String)
        /// Anything else, as written.
        case other(String)
    }

    /// One answered citation, fields echoed as NCBI returned them.
    public struct Line: Hashable, Sendable {
        public var journal: String
        public var year: String
        public var volume: String
        public var firstPage: String
        public var author: String
        /// The key the request gave this citation.
        public var key: String
        public var outcome: Outcome

        public init(journal: String, year: String, volume: String, firstPage: String, author: String, key: String, outcome: Outcome) {
            self.journal = journal
            self.year = year
            self.volume = volume
            self.firstPage = firstPage
            self.author = author
            self.key = key
            self.outcome = outcome
        }
    }

    public var lines: [Line]
    /// Non-empty lines that do not have the seven fields, as written.
    public var unreadLines: [String]

    public init(lines: [Line], unreadLines: [String] = []) {
        self.lines = lines
        self.unreadLines = unreadLines
    }

    /// The outcome for a key (the first line with it).
    public func outcome(forKey key: String) -> Outcome? {
        lines.first { $0.key == key }?.outcome
    }
}

/// Reads ECitMatch answers.
public struct ECitMatchResultParser {
    /// Parses the text answer. A JSON error, an HTML page, an XML error body, or an answer with no citation line
    /// at all throws `PubMedXMLError`.
    public static func result(fromText data: [UInt8]) throws -> ECitMatchResult {
        let text = String(decoding: data, as: UTF8.self)
        var lines: [ECitMatchResult.Line] = []
        var unread: [String] = []
        for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let line = rawLine.trimmingScalars(in: [" ", "\t"])
            guard !line.isEmpty else { continue }
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map {
                TextNormalizer.collapse(String($0))
            }
            guard fields.count >= 7 else {
                unread.append(line)
                continue
            }
            lines.append(
                ECitMatchResult.Line(
                    journal: fields[0], year: fields[1], volume: fields[2], firstPage: fields[3], author: fields[4],
                    key: fields[5], outcome: outcome(fields[6...].joined(separator: "|"))
                ))
        }
        if lines.isEmpty {
            try diagnoseNonAnswer(data, unread: unread)
        }
        return ECitMatchResult(lines: lines, unreadLines: unread)
    }

    static func outcome(_ field: String) -> ECitMatchResult.Outcome {
        let value = field.trimmingScalars(in: [" ", "\t", "|"])
        if !value.isEmpty, value.allSatisfy(\.isASCIIDigitCharacter) {
            return .found(pmid: value)
        }
        let upper = value.uppercased()
        if upper.contains("INVALID_JOURNAL") {
            return .invalidJournal
        }
        if upper.hasPrefix("AMBIGUOUS") {
            return .ambiguous(detail: TextNormalizer.collapse(String(value.dropFirst("AMBIGUOUS".count))))
        }
        if upper.hasPrefix("NOT_FOUND") || value.isEmpty {
            return .notFound
        }
        return .other(value)
    }

    /// Throws the clearest error for an answer without citation lines.
    private static func diagnoseNonAnswer(_ data: [UInt8], unread: [String]) throws {
        try ContentSniffer.check(data.prefix(ContentSniffer.prefixLength))
        // It starts with `<`: an XML error body, or XML of some other kind.
        let reader = try XMLStreamReader(bytes: data)
        try reader.moveToRoot()
        throw try EUtilitiesAnswer.rootError(reader: reader, expected: "ECitMatch text lines")
    }
}

extension StringProtocol {
    /// The text without the given characters at either end.
    func trimmingScalars(in set: Set<Character>) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
