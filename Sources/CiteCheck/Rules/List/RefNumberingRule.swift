/// `ref-numbering`: the numbers of a numbered list skip, repeat, go backwards or do not start at 1.
///
/// Markdown ordered lists count as the renderer numbers them (`1.` on every line reads 1, 2, 3), so only labels
/// the renderer keeps (`[1]`, `1)` in plain text, `1 Author`) can skip or repeat. Each list of a post is numbered
/// on its own.
/// Only entries with a number in their label count; footnote definitions (`[^1]:`) are left alone, since their
/// order in the file is not the order readers see. One slip gives one finding: after a number that goes
/// backwards, counting continues from the highest number so far.
public struct RefNumberingRule: Rule {
    public static let description = RuleDescription(
        id: "ref-numbering",
        defaultSeverity: .error,
        summary: "The numbers of a numbered reference list skip, repeat, go backwards or do not start at 1.",
        rationale: """
            Readers follow a citation [4] to the fourth entry. When the list skips or repeats a number, citations \
            point to the wrong work or to nothing. Renumber the list and the citations in the text together.
            """,
        triggeringExamples: [
            RuleExample(
                """
                Omega-3 and depression

                Trials disagree [1, 2, 3].

                References

                1. Appleton KM, Sallis HM, Perry R, et al. Omega-3 fatty acids for depression in adults. Cochrane Database Syst Rev. 2015;(11):CD004692.
                2. Grosso G, Pajak A, Marventano S, et al. Role of omega-3 fatty acids in the treatment of depressive disorders: a comprehensive meta-analysis of randomized clinical trials. PLoS One. 2014;9(5):e96905.
                ↓4. Liao Y, Xie B, Zhang H, et al. Efficacy of omega-3 PUFAs in depression: a meta-analysis. Transl Psychiatry. 2019;9(1):190.
                """),
            RuleExample(
                """
                # Omega-3 and depression

                Trials disagree [1, 2].

                ## References

                [1] Appleton KM, Sallis HM, Perry R, et al. Omega-3 fatty acids for depression in adults. Cochrane Database Syst Rev. 2015;(11):CD004692.

                [2] Grosso G, Pajak A, Marventano S, et al. Role of omega-3 fatty acids in the treatment of depressive disorders: a comprehensive meta-analysis of randomized clinical trials. PLoS One. 2014;9(5):e96905.

                ↓[2] Liao Y, Xie B, Zhang H, et al. Efficacy of omega-3 PUFAs in depression: a meta-analysis. Transl Psychiatry. 2019;9(1):190.
                """, format: .markdown),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Omega-3 and depression

                Trials disagree [1, 2, 3].

                ## References

                1. Appleton KM, Sallis HM, Perry R, et al. Omega-3 fatty acids for depression in adults. Cochrane Database Syst Rev. 2015;(11):CD004692.
                1. Grosso G, Pajak A, Marventano S, et al. Role of omega-3 fatty acids in the treatment of depressive disorders: a comprehensive meta-analysis of randomized clinical trials. PLoS One. 2014;9(5):e96905.
                1. Liao Y, Xie B, Zhang H, et al. Efficacy of omega-3 PUFAs in depression: a meta-analysis. Transl Psychiatry. 2019;9(1):190.
                """, format: .markdown),
            RuleExample(
                """
                Omega-3 and depression

                Trials disagree [1, 2, 3].

                References

                1. Appleton KM, Sallis HM, Perry R, et al. Omega-3 fatty acids for depression in adults. Cochrane Database Syst Rev. 2015;(11):CD004692.
                2. Grosso G, Pajak A, Marventano S, et al. Role of omega-3 fatty acids in the treatment of depressive disorders: a comprehensive meta-analysis of randomized clinical trials. PLoS One. 2014;9(5):e96905.
                3. Liao Y, Xie B, Zhang H, et al. Efficacy of omega-3 PUFAs in depression: a meta-analysis. Transl Psychiatry. 2019;9(1):190.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var highest: Int?
        var seen: [Int: Int] = [:]  // number -> entry index
        var list: Int?
        for reference in context.references {
            let entry = reference.entry
            guard let number = entry.number, entry.footnoteName == nil else { continue }
            // Each list of a post is numbered on its own.
            if entry.listIndex != list {
                list = entry.listIndex
                highest = nil
                seen = [:]
            }
            let message: String?
            if let earlier = seen[number] {
                message = "reference number \(number) is used twice (also entry \(earlier))"
            } else if let previous = highest {
                if number < previous {
                    message = "reference number \(number) comes after \(previous)"
                } else if number > previous + 1 {
                    let missing = number == previous + 2 ? "\(previous + 1) is missing" : "\(previous + 1)\u{2013}\(number - 1) are missing"
                    message = "reference number \(number) follows \(previous); \(missing)"
                } else {
                    message = nil
                }
            } else {
                message = number == 1 ? nil : "the numbered list starts at \(number), not 1"
            }
            if let message {
                diagnostics.append(context.diagnostic(Self.description, message, reference: reference, range: labelRange(entry)))
            }
            if seen[number] == nil { seen[number] = entry.index }
            highest = max(highest ?? number, number)
        }
        return diagnostics
    }

    /// The label's place: from the entry's start, as long as the label.
    private func labelRange(_ entry: ReferenceEntry) -> SourceRange {
        guard let label = entry.label else { return entry.range }
        var end = entry.range.start
        end.column += label.unicodeScalars.count
        return SourceRange(start: entry.range.start, end: end)
    }
}
