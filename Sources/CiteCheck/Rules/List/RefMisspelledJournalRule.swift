/// `ref-misspelled-journal`: a journal name that is no journal's name, but one letter or one small word away from
/// exactly one journal the catalog knows (`Archives General Psychiatry`, `Am J Pyschiatry`).
///
/// Only journal articles whose title was found (so the journal field holds a journal) are checked, only names of
/// at least ten letters (short abbreviations are a letter apart from many journals), and only when a single known
/// journal is that close. Letters are changed only inside words of five letters or more, never the first or the
/// last: abbreviations cut words at different lengths (`Psychiatr`, `Psychiatry`), and `World J Orthop` and
/// `World J Orthod` are two journals.
public struct RefMisspelledJournalRule: Rule {
    public static let description = RuleDescription(
        id: "ref-misspelled-journal",
        defaultSeverity: .warning,
        summary: "A journal name is no journal's name but one letter or one small word away from a known journal's.",
        rationale: """
            A misspelt journal name sends readers, and PubMed's citation matcher, looking for a journal that does not \
            exist. citecheck knows the names and abbreviations of the journals NLM catalogues; a name one letter or \
            one small word (in, of, and, for, on) away from exactly one of them is almost always that journal. \
            Copy the name from the article or the NLM catalog.
            """,
        triggeringExamples: [
            RuleExample(
                """
                # Anxiety is common

                One adult in five had an anxiety disorder in the past year (Kessler et al. 2005).

                ## Sources

                1. Kessler RC, Chiu WT, Demler O, Walters EE. Prevalence, severity, and comorbidity of 12-month DSM-IV
                disorders in the National Comorbidity Survey Replication. *↓Archives General Psychiatry*.
                2005;62(6):617-627.
                """, format: .markdown),
            RuleExample(
                """
                Ketamine for depression

                One infusion lifted depressive symptoms within a day [1].

                References

                1. Murrough JW, Iosifescu DV, Chang LC, et al. Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized controlled trial. ↓Am J Pyschiatry. 2013;170(10):1134-1142.
                """),
        ],
        nonTriggeringExamples: [
            RuleExample(
                """
                Ketamine for depression

                One infusion lifted depressive symptoms within a day [1], and a second trial agreed [2].

                References

                1. Murrough JW, Iosifescu DV, Chang LC, et al. Antidepressant efficacy of ketamine in treatment-resistant major depression: a two-site randomized controlled trial. Am J Psychiatry. 2013;170(10):1134-1142.
                2. Murrough JW, Perez AM, Pillemer S, et al. Rapid and longer-term antidepressant effects of repeated ketamine infusions in treatment-resistant major depression. Biol Psychiatr. 2013;74(4):250-256.
                """),
            RuleExample(
                """
                Sleep and memory

                A night without sleep cut recall by a fifth (Walker 2009).

                Sources

                Walker MP. The role of sleep in cognition and emotion. Annals of the New York Academy of Sciences. 2009;1156:168-197.
                Hallam K. Sleep and the teenage brain. Journal of Sleep Myths and Facts. 2021;3:1-9.
                """),
        ]
    )

    public init() {}

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let context = context.restricted(to: .journalArticles)
        var diagnostics: [Diagnostic] = []
        var checked: [String: String?] = [:]  // key → suggestion, so a list citing one journal ten times looks once
        for reference in context.references {
            guard reference.parsed.title != nil, let journal = reference.parsed.journal, !JournalCatalog.isKnown(journal) else { continue }
            let key = Normalization.journalKey(journal)
            let suggestion: String?
            if let known = checked[key] {
                suggestion = known
            } else {
                suggestion = Self.suggestion(forKey: key)
                checked[key] = suggestion
            }
            guard let suggestion else { continue }
            diagnostics.append(
                context.diagnostic(
                    Self.description, "\(reference.entry.displayName): no journal is called \"\(journal)\"; did you mean \"\(suggestion)\"?",
                    reference: reference, field: .journal, expected: suggestion, found: journal))
        }
        return diagnostics
    }

    /// Small words a journal's name holds that writers drop or add.
    /// Not `the`: journals drop it when they are renamed (`Journal of Marriage and the Family` became `Journal of
    /// Marriage and Family`), and the catalog may hold the old name.
    static let smallWords = ["in", "of", "and", "for", "on"]

    /// `key` with British and American spellings made one (`anaesthesiol`, `behaviour`, `counselling`): a journal
    /// written in the other spelling is the same journal, not a misspelt one.
    static func spellingFolded(_ key: String) -> String {
        key.replacingOccurrences(of: "ae", with: "e").replacingOccurrences(of: "oe", with: "e")
            .replacingOccurrences(of: "our", with: "or").replacingOccurrences(of: "ll", with: "l")
    }

    /// The one known journal `key` is a letter or a small word away from, in the form (full or abbreviated) that
    /// variant matched; nil when none or more than one is.
    static func suggestion(forKey key: String) -> String? {
        let letters = key.utf8.filter { $0 != 0x20 }.count
        guard letters >= 10, !key.utf8.contains(where: { (0x30...0x39).contains($0) }) else { return nil }
        var found: (id: Int, key: String)?
        var ambiguous = false
        func consider(_ variant: String) {
            guard !ambiguous, variant != key, let id = JournalCatalog.id(forKey: variant) else { return }
            if let found, found.id != id {
                ambiguous = true
            } else if found == nil {
                found = (id, variant)
            }
        }
        let words = key.split(separator: " ").map(String.init)
        // One small word added or dropped.
        for gap in 1..<max(1, words.count) {
            for small in smallWords { consider((words[..<gap] + [small] + words[gap...]).joined(separator: " ")) }
        }
        for (index, word) in words.enumerated() where smallWords.contains(word) && words.count > 2 {
            var fewer = words
            fewer.remove(at: index)
            consider(fewer.joined(separator: " "))
        }
        // Inside a word of five letters or more, one letter changed, dropped or added, or two swapped. The first and
        // last letters stay: abbreviations end words where they like (`Orthop`, `Orthod` are two journals).
        // A change after the longest prefix some catalog key shares with `key` cannot make a known name.
        let reach = JournalCatalog.longestKnownPrefix(of: key)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz")
        var wordStart = 0
        for (index, word) in words.enumerated() {
            defer { wordStart += word.utf8.count + 1 }
            guard word.count >= 5, word.utf8.count == word.count, wordStart <= reach else { continue }
            let chars = Array(word)
            func with(_ replaced: [Character]) {
                var changed = words
                changed[index] = String(replaced)
                consider(changed.joined(separator: " "))
            }
            // The misspelt letter is where `key` parts from the known name it nearly is: at `reach`, or just before it
            // (two swapped letters, a doubled one dropped).
            let first = max(1, reach - 2 - wordStart)
            let end = min(chars.count - 1, reach - wordStart + 1)
            guard first < end else { continue }
            for position in first..<end {
                for letter in alphabet {
                    if letter != chars[position] {
                        var replaced = chars
                        replaced[position] = letter
                        with(replaced)
                    }
                    var longer = chars
                    longer.insert(letter, at: position)
                    with(longer)
                }
                var shorter = chars
                shorter.remove(at: position)
                with(shorter)
                if position + 2 < chars.count, chars[position] != chars[position + 1] {
                    var swapped = chars
                    swapped.swapAt(position, position + 1)
                    with(swapped)
                }
            }
        }
        // The variant must be one of the journal's own names, not a key the catalog derives from one (a title with
        // its subtitle cut): `JAMA - Journal of the American Medical Association` is not a misspelt `JAMA`.
        guard !ambiguous, let found, spellingFolded(found.key) != spellingFolded(key) else { return nil }
        return JournalCatalog.forms(ofID: found.id).first { Normalization.journalKey($0) == found.key }
    }
}
