/// The checks every fix passes before a post's findings are reported: no edit inside quoted words, edits written
/// in the post's markup, and text-side fixes only where PubMed vouches for the list.
enum FixGuards {
    /// `diagnostics` with the fixes that may not be made removed, and replacements escaped for HTML. A finding that
    /// exists only to offer its fix (`PubMedMissingIdentifierRule`) goes with it.
    static func apply(_ diagnostics: [Diagnostic], document: Document, verifications: [Int: ReferenceVerification]) -> [Diagnostic] {
        guard diagnostics.contains(where: { $0.fix != nil }) else { return diagnostics }
        let quoted = document.blocks.filter(\.isQuoted).map(\.range)
        return diagnostics.map { diagnostic -> Diagnostic in
            guard var fix = diagnostic.fix else { return diagnostic }
            var diagnostic = diagnostic
            let inQuote = fix.edits.contains { edit in
                quoted.contains { $0.start <= edit.range.start && edit.range.end <= $0.end }
            }
            var allowed = !inQuote
            if allowed, diagnostic.rule == CiteYearMismatchRule.description.id {
                // The sentence is changed only when the list's year is PubMed's.
                allowed =
                    diagnostic.reference.map { index in
                        verifications[index]?.status == .matched
                            && !diagnostics.contains {
                                $0.reference == index && ($0.rule == PubMedYearRule.description.id || $0.rule == PubMedEpubYearRule.description.id)
                            }
                    } ?? false
            }
            if allowed {
                switch document.format {
                case .html:
                    fix.edits = fix.edits.map { edit in
                        var edit = edit
                        edit.replacement = HTMLEscaping.escape(edit.replacement)
                        return edit
                    }
                case .markdown:
                    // A replacement that Markdown would read as markup is not written.
                    allowed = !fix.edits.contains { edit in edit.replacement.contains { "*_`[]<>\\".contains($0) } }
                case .text:
                    break
                }
            }
            diagnostic.fix = allowed ? fix : nil
            return diagnostic
        }.filter { $0.fix != nil || $0.rule != PubMedMissingIdentifierRule.description.id }
    }

    /// Whether source offset `offset` stands between an opening and a closing quotation mark of its paragraph.
    static func insideQuotationMarks(_ offset: Int, in document: Document) -> Bool {
        let position = document.source.position(ofOffset: offset)
        guard let block = document.blocks.first(where: { $0.range.start <= position && position < $0.range.end }) else { return false }
        let start = document.source.offset(of: block.range.start)
        let bytes = Array(document.source.text.utf8)
        guard start <= offset, offset <= bytes.count else { return false }
        let before = String(decoding: bytes[start..<offset], as: UTF8.self)
        let opening = before.count { $0 == "“" || $0 == "«" || $0 == "„" }
        let closing = before.count { $0 == "”" || $0 == "»" }
        let straight = before.count { $0 == "\"" }
        return opening > closing || straight % 2 == 1
    }
}

/// Text made safe to stand in HTML: `&`, `<` and `>` as entities.
enum HTMLEscaping {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" }) else { return text }
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}
