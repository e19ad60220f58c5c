import Testing

@testable import PubMed

@Suite struct TextNormalizerTests {
    @Test func collapsesWhitespaceRunsAndTrims() {
        #expect(TextNormalizer.collapse("  Ketamine\n\tfor   PTSD \u{00A0}") == "Ketamine for PTSD")
        #expect(TextNormalizer.collapse("a\u{00A0}b") == "a b")
        #expect(TextNormalizer.collapse(" \n ") == "")
        #expect(TextNormalizer.collapse("") == "")
    }

    @Test func textAlreadyCollapsedComesBackAsIs() {
        let samples = [
            "Ketamine for PTSD", "Größe und Ähnlichkeit", "x", "a b c", "a  b", " a", "a ", "a\nb", "a\rb", "a\tb",
            "a\u{00A0}b", "\u{00A0}", "Â b", "¢ b", "日本 語", "é\u{00A0}", "",
        ]
        for text in samples {
            // The fast check agrees with the scalar-by-scalar rebuild.
            #expect(TextNormalizer.isCollapsed(text) == (TextNormalizer.collapse(text) == text), "\(text.debugDescription)")
        }
        #expect(TextNormalizer.isCollapsed("Größe und Ähnlichkeit") && !TextNormalizer.isCollapsed("a  b"))
    }
}
