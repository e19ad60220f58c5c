/// `ref-garbled-characters`: mojibake in an entry: UTF-8 read as Latin-1 or Windows-1252 (`ï¿½`, `â€“`, `Ã©`)
/// or the replacement character `�`, typically where a dash or an accented letter was.
///
/// Each run of garbled characters is one finding, at its place; when it stands between two numbers it is
/// reported as a garbled page-range dash.
public struct RefGarbledCharactersRule: Rule {
    public static let description = RuleDescription(
        id: "ref-garbled-characters",
        defaultSeverity: .warning,
        summary: "An entry holds garbled characters (mojibake such as `ï¿½` or `â€“`, or `�`) where a dash or letter was.",
        rationale: """
            Text copied between programs with different encodings turns a dash into `â€“` or `ï¿½` and an accented \
            letter into two odd ones. Readers and reference managers cannot read a page range or a name garbled \
            this way. Retype the characters.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Salt

                Salt raises blood pressure [1].

                References

                1. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood pressure: Cochrane systematic review and meta-analysis of randomised trials. BMJ. 2013;346:f1325.
                2. Mozaffarian D, Fahimi S, Singh GM, et al. Global sodium consumption and death from cardiovascular causes. N Engl J Med. 2014;371(7):624↓ï¿½634.
                """)
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Salt

                Salt raises blood pressure [1].

                References

                1. He FJ, Li J, MacGregor GA. Effect of longer term modest salt reduction on blood pressure: Cochrane systematic review and meta-analysis of randomised trials. BMJ. 2013;346:f1325.
                2. Müller-Nordhorn J, Binting S, Roll S, Willich SN. An update on regional variation in cardiovascular mortality within Europe. Eur Heart J. 2008;29(10):1316–1326.
                """)
        ]
    )

    /// Sequences UTF-8 text shows after being decoded as Latin-1 or Windows-1252, and the replacement character.
    static let garbled: [String] = [
        "ï¿½", "\u{FFFD}", "â€“", "â€”", "â€™", "â€˜", "â€œ", "â€\u{9D}", "â€¦", "Ã©", "Ã¨", "Ã¤", "Ã¶", "Ã¼", "Ã„", "Ã–", "Ãœ", "ÃŸ", "Ã¡", "Ã±", "Ã³", "Ã­", "Ãº", "Ã§", "Ã¸",
        "Ã¥", "Â·", "Â ",
    ]

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        var diagnostics: [Diagnostic] = []
        for reference in context.references {
            let bytes = Array(reference.entry.text.utf8)
            for run in Self.runs(in: bytes) {
                let before = run.lowerBound > 0 && ByteClass.isDigit(bytes[run.lowerBound - 1])
                let after = run.upperBound < bytes.count && ByteClass.isDigit(bytes[run.upperBound])
                let written = String(decoding: bytes[run], as: UTF8.self)
                let message =
                    before && after
                    ? "\(reference.entry.displayName): the page range's dash is garbled (\(written)); write a plain dash"
                    : "\(reference.entry.displayName) holds garbled characters (\(written)): text decoded in the wrong encoding"
                diagnostics.append(
                    context.diagnostic(
                        Self.description, message, reference: reference,
                        range: context.range(ofDerived: run, in: reference), found: written))
            }
        }
        return diagnostics
    }

    /// Byte ranges of runs of garbled sequences in `bytes`, in order (adjacent sequences form one run).
    static func runs(in bytes: [UInt8]) -> [Range<Int>] {
        let patterns = garbled.map { Array($0.utf8) }
        var runs: [Range<Int>] = []
        var i = 0
        while i < bytes.count {
            // Every pattern starts with a non-ASCII byte: skip ASCII fast.
            guard bytes[i] >= 0x80, let p = patterns.first(where: { i + $0.count <= bytes.count && bytes[i..<(i + $0.count)].elementsEqual($0) }) else {
                i += 1
                continue
            }
            if let last = runs.last, last.upperBound == i {
                runs[runs.count - 1] = last.lowerBound..<(i + p.count)
            } else {
                runs.append(i..<(i + p.count))
            }
            i += p.count
        }
        return runs
    }
}
