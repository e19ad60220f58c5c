internal import Foundation

/// `ref-inconsistent-style`: the reference list mixes conventions.
///
/// Compared across the list: quoted vs unquoted titles, full vs abbreviated journal names, the first author's
/// name format (`Feder A`, `Feder, A.`, `Adriana Feder`), and the citation style the parser recognised
/// (Vancouver and AMA count as one family here; their difference, quoted titles, is checked on its own).
///
/// - With a strict majority, each entry that differs from it is reported, and the message names the majority.
/// - On a tie (say three quoted titles and three unquoted), there is no majority to follow: one finding is
///   reported, at the first entry that differs from the list's first entry, naming both groups.
/// - With `style = "…"` in the configuration, every entry recognised as another style is reported instead of
///   comparing styles with the majority.
/// - An entry reported for its style is not also reported for its title quoting or author format.
/// - Only journal articles are compared. A mixed list is a matter of house style, so findings are infos, except
///   against a style the configuration names, which are warnings.
public struct RefInconsistentStyleRule: Rule {
    public static let description = RuleDescription(
        id: "ref-inconsistent-style",
        defaultSeverity: .info,
        summary: "The reference list mixes conventions: quoted and unquoted titles, full and abbreviated journal names, author formats or citation styles.",
        rationale: """
            A list written in one style reads as carefully made; a mixed list suggests references pasted from \
            different sources without checking. Pick the convention most entries already use (the message says \
            which) and rewrite the others, or set `style` in .citecheck.toml to name the one you want.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                Two trials found benefit [1, 2], and a third confirmed it [3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. ↓American Journal of Psychiatry. 2021;178(2):193-202.
                3. Glue P, Neehoff S, Sabadel A, et al. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277.
                4. Duman RS. Neurobiology of stress, depression, and rapid-acting antidepressants: remodeling synaptic connections. Depress Anxiety. 2014;31(3):199-212.
                """),
            RuleExample(
                """
                Ketamine and PTSD

                Two trials found benefit [1, 2], and a third confirmed it [3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Feder A, Costi S, Rutter SB, et al. "↓A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder." Am J Psychiatry. 2021;178(2):193-202.
                3. Glue P, Neehoff S, Sabadel A, et al. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277.
                """),
            RuleExample(
                """
                Ketamine and PTSD

                Two trials found benefit [1, 2].

                References

                ↓1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                ↓2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.
                """, configuration: "style = \"apa\"\n"),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine and PTSD

                Two trials found benefit [1, 2], and a third confirmed it [3].

                References

                1. Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine for treatment of chronic posttraumatic stress disorder: a randomized clinical trial. JAMA Psychiatry. 2014;71(6):681-688.
                2. Feder A, Costi S, Rutter SB, et al. A randomized controlled trial of repeated ketamine administration for chronic posttraumatic stress disorder. Am J Psychiatry. 2021;178(2):193-202.
                3. Glue P, Neehoff S, Sabadel A, et al. Effects of ketamine in patients with treatment-refractory generalized anxiety and social anxiety disorders: double-blind, psychoactive-controlled replication study. J Psychopharmacol. 2020;34(3):267-277.
                """)
        ]
    )

    public init() {}

    /// One convention compared across the list.
    struct Feature {
        /// What the value is about, for messages ("titles").
        var field: ReferenceField?
        /// The value of each entry that has one, with a phrase naming it ("quoted titles").
        var values: [(reference: Reference, value: String)]
        var phrase: (String) -> String
        var singular: (String) -> String
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .journalArticles)
        var diagnostics: [Diagnostic] = []
        var reportedForStyle = Set<Int>()

        // Citation style: against the configured one, or the majority.
        // Group authors (`World Health Organization (2008) …`) are left out: their style is hard to recognise.
        let styled = context.references.compactMap { reference -> (reference: Reference, value: String)? in
            guard reference.parsed.authors.first?.isGroup != true else { return nil }
            return Self.family(reference.parsed.style).map { (reference, $0) }
        }
        switch context.configuration.style {
        case .style(let wanted):
            let wantedFamily = Self.family(wanted) ?? wanted.rawValue
            for (reference, family) in styled where family != wantedFamily {
                reportedForStyle.insert(reference.entry.index)
                diagnostics.append(
                    context.diagnostic(
                        severity: .warning,
                        Self.description,
                        "\(reference.entry.displayName) is written in \(Self.styleName(family)) style; the configuration asks for \(Self.styleName(wantedFamily))",
                        reference: reference, range: reference.entry.range, expected: Self.styleName(wantedFamily), found: Self.styleName(family)
                    ))
            }
        case .any:
            let found = compare(Feature(field: nil, values: styled, phrase: { "\(Self.styleName($0)) style" }, singular: { "is written in \(Self.styleName($0)) style" }), context)
            for diagnostic in found { if let n = diagnostic.reference { reportedForStyle.insert(n) } }
            diagnostics += found
        }

        let remaining = context.references.filter { !reportedForStyle.contains($0.entry.index) }
        let quoting = remaining.compactMap { reference -> (reference: Reference, value: String)? in
            reference.parsed.title == nil ? nil : (reference, Self.isWhollyQuoted(reference.parsed) ? "quoted" : "unquoted")
        }
        diagnostics += compare(
            Feature(field: .title, values: quoting, phrase: { "\($0) titles" }, singular: { "has its title \($0 == "quoted" ? "in quotes" : "without quotes")" }), context)

        let journals = remaining.compactMap { reference -> (reference: Reference, value: String)? in
            guard let journal = reference.parsed.journal, let form = LintNormalization.journalForm(journal) else { return nil }
            return (reference, form.rawValue)
        }
        diagnostics += compare(
            Feature(
                field: .journal, values: journals, phrase: { "\($0 == "full" ? "full" : "abbreviated") journal names" },
                singular: { "gives the journal name \($0 == "full" ? "in full" : "abbreviated")" }), context)

        let authors = remaining.compactMap { reference -> (reference: Reference, value: String)? in
            guard let first = reference.parsed.authors.first, !first.isGroup, let format = Self.authorFormat(first, raw: reference.parsed.raw) else { return nil }
            return (reference, format)
        }
        diagnostics += compare(Feature(field: .authors, values: authors, phrase: { "authors written as \($0)" }, singular: { "writes authors as \($0)" }), context)
        return diagnostics
    }

    /// Reports the entries that differ from the majority value of `feature` (see the type's documentation).
    func compare(_ feature: Feature, _ context: CheckContext) -> [Diagnostic] {
        var order: [String] = []
        var members: [String: [Int]] = [:]
        for (reference, value) in feature.values {
            if members[value] == nil { order.append(value) }
            members[value, default: []].append(reference.entry.index)
        }
        guard order.count > 1 else { return [] }
        let counts = order.map { members[$0]?.count ?? 0 }
        let top = counts.max() ?? 0
        let total = feature.values.count
        let leaders = order.filter { members[$0]?.count == top }
        if leaders.count == 1, let majority = leaders.first {
            return feature.values.filter { $0.value != majority }.map { reference, value in
                context.diagnostic(
                    Self.description,
                    "\(reference.entry.displayName) \(feature.singular(value)); most references (\(top) of \(total)) use \(feature.phrase(majority))",
                    reference: reference, field: feature.field, range: range(of: feature.field, in: reference, context),
                    expected: majority, found: value
                )
            }
        }
        // A tie: one finding at the first entry that breaks the first entry's convention.
        guard let firstValue = feature.values.first?.value,
            let breaker = feature.values.first(where: { $0.value != firstValue })
        else { return [] }
        let groups = order.map { "\(feature.phrase($0)) (\(ListFormatting.references(members[$0] ?? [])))" }
        return [
            context.diagnostic(
                Self.description,
                "the reference list mixes \(ListFormatting.and(groups)) with no majority; use one convention",
                reference: breaker.reference, field: feature.field, range: range(of: feature.field, in: breaker.reference, context),
                expected: firstValue, found: breaker.value
            )
        ]
    }

    private func range(of field: ReferenceField?, in reference: Reference, _ context: CheckContext) -> SourceRange {
        guard let field else { return reference.entry.range }
        return context.range(of: field, in: reference)
    }

    /// True when the whole title stands in quotes, not just a quoted phrase at its start
    /// (`‘After the stroke’: patients' experiences …` is an unquoted title). Uses the title's place in the
    /// entry when the parser recorded it, else trusts `titleQuoted`.
    static func isWhollyQuoted(_ parsed: ParsedReference) -> Bool {
        guard parsed.titleQuoted else { return false }
        let raw = Array(parsed.raw.unicodeScalars.map { $0 })
        guard let range = parsed.fieldRanges[.title] else { return true }
        // Byte offsets to scalar indices.
        var byteOffset = 0
        var startIndex: Int?
        var endIndex: Int?
        for (index, scalar) in raw.enumerated() {
            if byteOffset == range.lowerBound { startIndex = index }
            if byteOffset == range.upperBound { endIndex = index }
            byteOffset += UTF8.width(scalar)
        }
        if byteOffset == range.upperBound { endIndex = raw.count }
        guard let start = startIndex, let end = endIndex, start < end else { return true }
        let quotes: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}", "\u{201E}"]
        let trailing: Set<Unicode.Scalar> = [".", ",", ";", ":", "?", "!", " "]
        var before = start - 1
        while before >= 0, raw[before] == " " { before -= 1 }
        let opens = quotes.contains(raw[start]) || (before >= 0 && quotes.contains(raw[before]))
        var last = end - 1
        while last > start, trailing.contains(raw[last]) { last -= 1 }
        var after = end
        while after < raw.count, trailing.contains(raw[after]) { after += 1 }
        let close: Int
        if quotes.contains(raw[last]) {
            close = last
        } else if after < raw.count, quotes.contains(raw[after]) {
            close = after
        } else {
            return false
        }
        // A quoted phrase that a subtitle or more words follow (`“Manifesto” for advancing …`, `‘Schmallenberg
        // virus’ - a novel …`, `‘After the stroke’: patients' …`) starts the title; it is not the title in quotes.
        var next = close + 1
        while next < raw.count, raw[next] == " " { next += 1 }
        if next < raw.count {
            let scalar = raw[next]
            if [":", "-", "\u{2013}", "\u{2014}"].contains(scalar) || scalar.properties.isLowercase { return false }
        }
        return opens
    }

    /// The style family compared: Vancouver and AMA together; nil for unrecognised.
    static func family(_ style: CitationStyle) -> String? {
        switch style {
        case .unknown: nil
        case .vancouver, .ama: "vancouver"
        default: style.rawValue
        }
    }

    static func styleName(_ family: String) -> String {
        switch family {
        case "vancouver": "Vancouver/AMA"
        case "apa": "APA"
        case "plos": "PLOS"
        default: family.prefix(1).uppercased() + family.dropFirst()
        }
    }

    /// `initials (Feder A)`, `initials with periods (Feder, A.)`, `full given names (Adriana Feder)`; nil when
    /// the author has no given name to judge by.
    static func authorFormat(_ author: Author, raw: String) -> String? {
        let given = author.given.trimmingCharacters(in: .whitespaces)
        guard !given.isEmpty else { return nil }
        let letters = given.filter(\.isLetter)
        if letters.contains(where: \.isLowercase), letters.count > 2 {
            let givenFirst = raw.range(of: given).map { given in raw.range(of: author.family).map { given.lowerBound < $0.lowerBound } ?? false } ?? false
            return givenFirst ? "given name first (Adriana Feder)" : "full given names (Feder, Adriana)"
        }
        return given.contains(".") ? "initials with periods (Feder, A.)" : "initials without periods (Feder A)"
    }
}
