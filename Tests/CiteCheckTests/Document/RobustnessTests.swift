import Foundation
import Testing

@testable import CiteCheck

/// Hostile and large inputs: no crash, no recursion, no quadratic scans.
@Suite struct RobustnessTests {
    private func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func hundredThousandNestedDivs() {
        let depth = 100_000
        let html =
            String(repeating: "<div>", count: depth) + "<p>Deep text</p>" + String(repeating: "</div>", count: depth)
            + String(repeating: "<span><li><ol><h3>", count: 20_000) + "tail"
        let doc = DocumentReader.read(SourceFile(path: "deep.html", text: html), format: .html)
        #expect(doc.blocks.first?.text == "Deep text")
        #expect(doc.blocks.last?.text == "tail")
    }

    @Test func malformedMarkupNeverCrashes() {
        let samples = [
            "<", "<<<<", "<p", "<p><", "</", "</p>", "<!--", "<!-- x", "&", "&#", "&#x;", "&#99999999999;", "&#0;", "<a href=\"",
            "<ol start=\"-5\"><li>x", "<ol start=\"99999999999\"><li>x", "<li value=abc>y", "<script>never closed", "<sup><sup></sup>",
            "<h7>x</h7>", "<p>a</q>b</p>", "<br/><br></br>", "text<", "<3 love", "a < b > c",
        ]
        for sample in samples {
            for format in InputFormat.allCases {
                let doc = DocumentReader.read(SourceFile(path: "bad", text: sample), format: format)
                _ = ReferenceListFinder().find(in: doc)
                for block in doc.blocks {
                    #expect(block.text.utf8.count <= sample.utf8.count + 16)
                    for scalarOffset in 0...block.text.utf8.count { _ = block.sourceMap.sourceOffset(forDerived: scalarOffset) }
                }
            }
        }
        let markdown = ["[", "[^", "[^]", "[a](", "[a](b", "![", "`", "``a`", "^", "^^", "*", "_", "\\", "# ", "#", "```", "[^1]:", "1.", "- ", "<!--", "> ", "==="]
        for sample in markdown {
            let doc = DocumentReader.read(SourceFile(path: "bad.md", text: sample + "\n" + sample), format: .markdown)
            _ = ReferenceListFinder().find(in: doc)
        }
    }

    /// Pathological 1 MB single lines: repeated openers with no closers. Quadratic code would take minutes.
    @Test(arguments: ["[", "<", "`", "^", "&", "](", "<a "])
    func oneMegabyteLine(_ unit: String) {
        let line = String(repeating: unit + "x ", count: 1_000_000 / (unit.utf8.count + 2))
        for format in InputFormat.allCases {
            let time = seconds {
                let doc = DocumentReader.read(SourceFile(path: "line", text: "References\n" + line), format: format)
                _ = ReferenceListFinder().find(in: doc)
            }
            #expect(time < 20, "\(format) \(unit): \(time)s")
        }
    }

    /// cmark-gfm's table extension is superlinear in a row's cells: a post with a line of more pipes than any real
    /// table has is read without tables, in the time a paragraph takes.
    @Test func tablesWithThousandsOfColumns() {
        let header = String(repeating: "|", count: 1_000_000) + "\n" + String(repeating: "|-", count: 1_000) + "\n"
        let wide =
            "|" + String(repeating: "a|", count: 3_000) + "\n|" + String(repeating: "-|", count: 3_000) + "\n"
            + String(repeating: "|" + String(repeating: "x|", count: 3_000) + "\n", count: 100)
        for post in [header, wide] {
            let time = seconds {
                let doc = DocumentReader.read(SourceFile(path: "t.md", text: post), format: .markdown)
                #expect(!doc.blocks.isEmpty)
            }
            #expect(time < 4, "\(time)s")
        }
        let table = DocumentReader.read(SourceFile(path: "t.md", text: "| a | b |\n|---|---|\n| c | d |\n"), format: .markdown)
        #expect(table.blocks.map(\.text) == ["a b", "c d"])
    }

    /// Time grows linearly: four times the input takes well under sixteen times as long.
    @Test func readingScalesLinearly() {
        func post(_ n: Int) -> String {
            var text = ""
            for k in 0..<n {
                text += "Paragraph \(k) with *emphasis*, a [link](https://example.com) and &amp; entities.<sup>\(k)</sup>\n\n"
                text += "\(k + 1). Author A, Other B. Title of work \(k). J Med. 2019;\(k):1-9.\n\n"
            }
            return text
        }
        for format in InputFormat.allCases {
            let small = post(2_000)
            let large = post(8_000)
            let tSmall = min(
                seconds { _ = ReferenceListFinder().find(in: DocumentReader.read(SourceFile(path: "s", text: small), format: format)) },
                seconds { _ = ReferenceListFinder().find(in: DocumentReader.read(SourceFile(path: "s", text: small), format: format)) })
            let tLarge = seconds { _ = ReferenceListFinder().find(in: DocumentReader.read(SourceFile(path: "l", text: large), format: format)) }
            #expect(tLarge < max(0.5, tSmall * 10), "\(format): \(tSmall)s -> \(tLarge)s")
        }
    }
}
