/// The words by which a reference's title differs from PubMed's, ignoring case, punctuation, quotes,
/// hyphenation (`rapid-acting` / `rapid acting` / `rapidacting`), plural `s`, and stop words.
struct TitleDifference: Hashable, Sendable {
    /// Runs of PubMed's words the reference leaves out, as PubMed writes them.
    var missing: [String] = []
    /// Runs of the reference's words PubMed does not have, as the reference writes them.
    var extra: [String] = []
    /// Words written in place of PubMed's.
    struct Replacement: Hashable, Sendable {
        var written: String
        var pubmed: String
    }

    var replaced: [Replacement] = []

    var isEmpty: Bool { missing.isEmpty && extra.isEmpty && replaced.isEmpty }

    /// `title lacks "Exploratory"; title has "novel" where PubMed has "new"`.
    var message: String {
        var parts: [String] = []
        parts += missing.map { "title lacks \"\($0)\"" }
        parts += replaced.map { "title has \"\($0.written)\" where PubMed has \"\($0.pubmed)\"" }
        parts += extra.map { "title has \"\($0)\", not in PubMed's title" }
        return parts.joined(separator: "; ")
    }

    /// Compares `written` (the reference's title) with `pubmed` (the record's). A subtitle left out entirely is
    /// not a difference.
    init(written: String, pubmed: String) {
        let a = MatchWords.words(TitleMatching.cleanTitle(written))
        let b = MatchWords.words(TitleMatching.cleanTitle(pubmed))
        let ka = a.map { MatchWords.stem($0.folded) }
        let kb = b.map { MatchWords.stem($0.folded) }
        if ka.joined() == kb.joined() { return }
        if let main = TitleMatching.mainTitle(TitleMatching.cleanTitle(pubmed)) {
            let km = MatchWords.tokens(main).map(MatchWords.stem)
            if km.joined() == ka.joined() { return }
        }
        // Longest common subsequence over the word keys.
        let n = ka.count
        let m = kb.count
        var table = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        if n > 0 && m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    table[i][j] = ka[i] == kb[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var i = 0
        var j = 0
        var deleted: [Int] = []  // indexes into b (PubMed words the reference lacks)
        var inserted: [Int] = []  // indexes into a (reference words PubMed lacks)
        func flushHunk() {
            defer {
                deleted.removeAll()
                inserted.removeAll()
            }
            let lacks = deleted.map { kb[$0] }
            let has = inserted.map { ka[$0] }
            if lacks.joined() == has.joined() { return }
            let meaningfulLacks = lacks.contains { !MatchWords.stopWords.contains($0) }
            let meaningfulHas = has.contains { !MatchWords.stopWords.contains($0) }
            guard meaningfulLacks || meaningfulHas else { return }
            let lacksText = Self.originalRun(deleted.map { b[$0] })
            let hasText = Self.originalRun(inserted.map { a[$0] })
            if !deleted.isEmpty && !inserted.isEmpty {
                replaced.append(Replacement(written: hasText, pubmed: lacksText))
            } else if !deleted.isEmpty {
                missing.append(lacksText)
            } else {
                extra.append(hasText)
            }
        }
        while i < n || j < m {
            if i < n && j < m && ka[i] == kb[j] {
                flushHunk()
                i += 1
                j += 1
            } else if j < m && (i == n || table[i][j + 1] >= table[i + 1][j]) {
                deleted.append(j)
                j += 1
            } else {
                inserted.append(i)
                i += 1
            }
        }
        flushHunk()
    }

    /// The words as written, joined with single spaces; a word split by folding appears once.
    private static func originalRun(_ words: [MatchWords.Word]) -> String {
        var out: [String] = []
        for word in words where out.last != word.original { out.append(word.original) }
        return out.joined(separator: " ")
    }
}
