/// `ref-broken-link`: an entry's link target is visibly broken: punctuation from the sentence glued to its end
/// (`…Ratgeber_Masern.html,`), a mangled scheme (`ttps://`, `http//`), a resolver written twice
/// (`https://doi.org/https://doi.org/…`), or spaces, dates and notes pasted into it.
///
/// Only what cannot be part of a working address is reported: no request is made.
public struct RefBrokenLinkRule: Rule {
    public static let description = RuleDescription(
        id: "ref-broken-link",
        defaultSeverity: .warning,
        summary: "A reference's link is visibly broken: trailing punctuation, a mangled `https://`, a doubled resolver or text pasted into it.",
        rationale: """
            A reader who clicks a reference's link should land on the work. A comma glued to the address, a lost \
            `h` in `https`, or `https://doi.org/` written twice leads to an error page instead. Fix the link target.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Measles

                Measles was nearly eliminated [1].

                References

                ↓1. [Robert Koch-Institut: Ratgeber Masern](https://www.rki.de/DE/Content/Infekt/EpidBull/Merkblaetter/Ratgeber_Masern.html,) (20.10.2020)
                """, format: .markdown),
            RuleExample(
                """
                Measles

                Measles was nearly eliminated [1].

                References

                ↓1. Wu P, Hao X, Lau EHY, et al. Real-time tentative assessment of the epidemiological characteristics of novel coronavirus infections. Euro Surveill. 2020;25(3):2000044. doi:[10.2807/1560-7917.ES.2020.25.3.2000044](https://doi.org/https://doi.org/10.2807/1560-7917.ES.2020.25.3.2000044)
                """, format: .markdown),
            RuleExample(
                """
                # Zecken im Corona-Jahr

                Mehr Menschen waren im Wald unterwegs, und die Zahl der FSME-Fälle stieg (Südkurier 2020).

                ## Quellen

                ↓1. Laura Beispiel (24.07.2020), Achtung, Zecken! Warum es in diesem Jahr mehr FSME-Fälle gibt, Südkurier
                ([https://www.suedkurier.de/baden-wuerttemberg/achtung-zecken-mehr-fsme-faelle](https://www.suedkurier.de/baden-wuerttemberg/achtung-zecken-mehr-fsme-faelle);art417930,10570194,
                aufgerufen am 12.08.2020)
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                # Zecken im Corona-Jahr

                Mehr Menschen waren im Wald unterwegs (Südkurier 2020).

                ## Quellen

                1. Laura Beispiel (24.07.2020), Achtung, Zecken! Südkurier
                ([https://www.suedkurier.de/baden-wuerttemberg/achtung-zecken-mehr-fsme-faelle;art417930,10570194](https://www.suedkurier.de/baden-wuerttemberg/achtung-zecken-mehr-fsme-faelle;art417930,10570194);
                aufgerufen am 12.08.2020)
                """, format: .markdown),
            RuleExample(
                """
                Measles

                Measles was nearly eliminated [1], see also [2].

                References

                1. [Robert Koch-Institut: Ratgeber Masern](https://www.rki.de/DE/Content/Infekt/EpidBull/Merkblaetter/Ratgeber_Masern.html) (20.10.2020)
                2. [Measles (Wikipedia)](https://en.wikipedia.org/wiki/Measles_(disambiguation))
                """, format: .markdown),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .citations)
        return context.references.compactMap { reference in
            for link in reference.entry.links {
                if let problem = Self.problem(with: link.url) ?? Self.cutOff(link, in: reference.entry.text) {
                    return context.diagnostic(
                        Self.description, "\(reference.entry.displayName): the link \(Self.shortened(link.url)) \(problem)",
                        reference: reference, range: reference.entry.range, found: link.url)
                }
            }
            return nil
        }
    }

    /// What is wrong with `url`, nil when nothing visibly is.
    static func problem(with url: String) -> String? {
        let lower = url.lowercased()
        for mangled in ["ttps://", "ttp://", "htps://", "htttps://", "https//", "http//", "https:/w", "http:/w", "hhttp"] where lower.hasPrefix(mangled) {
            return "does not start with http:// or https:// (it starts \"\(url.prefix(mangled.count))\")"
        }
        if lower.contains("doi.org/http") || lower.dropFirst(8).contains("https://") || lower.dropFirst(8).contains("http://") {
            return "holds a second address inside it (the resolver is written twice)"
        }
        if let last = url.last, ",;".contains(last) || (last == "." && !lower.hasSuffix("..")) {
            return "ends in \"\(last)\", punctuation from the text glued to the address"
        }
        if url.contains(" ") || lower.contains("%20") && url.range(of: #"%20\d{1,2}\.\d{1,2}\."#, options: .regularExpression) != nil {
            return "holds spaces or text pasted into it"
        }
        return nil
    }

    /// A link shown as its own address whose target stops where the written address goes on
    /// (`[https://…/artikel-kann](https://…/artikel-kann);art417930,10570194`): the converter that made the link cut
    /// the address at a `;` or `,`, and the rest stands outside the link.
    static func cutOff(_ link: TextLink, in text: String) -> String? {
        let bytes = Array(text.utf8)
        guard link.textRange.upperBound < bytes.count else { return nil }
        let shown = String(decoding: bytes[link.textRange], as: UTF8.self)
        guard shown.count >= 12, shown == link.url || "https://" + shown == link.url || "http://" + shown == link.url else { return nil }
        var end = link.textRange.upperBound
        while end < bytes.count, bytes[end] > 0x20, bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: "]") { end += 1 }
        while end > link.textRange.upperBound, ",.;:".utf8.contains(bytes[end - 1]) { end -= 1 }
        let rest = bytes[link.textRange.upperBound..<end]
        guard let first = rest.first, ";,/?&=#%_-".utf8.contains(first), rest.count >= 3,
            rest.dropFirst().allSatisfy({ $0 >= 0x80 || ";,/?&=#%_-.~+".utf8.contains($0) || Self.isAlphanumeric($0) }),
            rest.contains(where: Self.isAlphanumeric)
        else { return nil }
        return "stops before \"\(String(decoding: rest, as: UTF8.self))\", which is left outside the link"
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private static func shortened(_ url: String) -> String {
        url.count <= 70 ? url : String(url.prefix(40)) + "…" + String(url.suffix(20))
    }
}
