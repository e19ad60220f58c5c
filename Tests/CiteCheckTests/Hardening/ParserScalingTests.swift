import Foundation
import Testing

@testable import CiteCheck

/// One long reference made of a repeated piece: the parser's time must grow linearly with its length. Each of
/// these pieces made the identifier and note scanners quadratic before (a 512 KB line of `[note] ` took 109 s
/// in a debug build, `( [ ` over two minutes).
@Suite struct ParserScalingTests {
    static let pieces = [
        "doi:10.1001/jama.2014.62 ", "10.10.", "[note] ", "( [ ", "https://x.org/a ", "https://x.org/a)", "PMID: 123 ",
        "Epub 2019 Sep 17. ", "(online ", "pmc pmc ", "www.", "Smith J, ", "2014;71(6):681-688; ", "\u{201C}T ", "e\u{301} ",
        "\u{5E9}\u{5DC}\u{5D5}\u{5DD} ", "\u{1}\u{2} ", "Retraction in: ",
    ]

    private func seconds(_ body: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    private func line(_ piece: String, bytes: Int) -> String {
        String(repeating: piece, count: bytes / piece.utf8.count + 1)
    }

    @Test(arguments: pieces)
    func longReferenceParsesInLinearTime(_ piece: String) {
        let parser = ReferenceParser()
        let small = line(piece, bytes: 64 * 1024)
        let large = line(piece, bytes: 256 * 1024)
        let tSmall = min(seconds { _ = parser.parse(small) }, seconds { _ = parser.parse(small) })
        let tLarge = seconds { _ = parser.parse(large) }
        // Four times the input: linear is about 4x; allow noise on a shared machine, but not 16x.
        #expect(tLarge < max(1.0, tSmall * 9), "\(piece.debugDescription): 64 KB \(tSmall)s, 256 KB \(tLarge)s")
    }

    /// The speed fixes keep what the scanners find.
    @Test func scannersStillFindTheirSpans() {
        let parser = ReferenceParser()
        let r = parser.parse("Smith A. Title [Internet]. J Foo. 2019;1:1-2. (online 2018) [cited 2020 Jan 1] doi:10.1001/x.(y) 12345678")
        #expect(r.doi == "10.1001/x.(y)")
        #expect(r.pmid == "12345678")
        #expect(r.epubYear == 2018)
        #expect(r.notes.map(\.text).sorted() == ["Internet", "cited 2020 Jan 1", "online 2018"])
        let nested = parser.parse("Smith A. Title. J Foo. 2019;1:1-2. [a [b] c] [open")
        #expect(nested.notes.map(\.text) == ["a [b] c"])
        let doiAfterDots = parser.parse("Smith A. Title. J Foo. 2019;1:1-2. 10.10.10 doi:10.1234/abc")
        #expect(doiAfterDots.doi == "10.1234/abc")
        let prefixed = parser.parse("Smith A. Title. J Foo. 2019;1:1-2. 10.10.1234/abc")
        #expect(prefixed.doi == "10.10.1234/abc")
    }
}
