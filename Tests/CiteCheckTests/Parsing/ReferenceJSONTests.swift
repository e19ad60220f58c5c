import Foundation
import Testing

@testable import CiteCheck

@Suite struct ReferenceJSONTests {
    @Test func roundTripsThroughFoundation() throws {
        let r = ReferenceParser().parse("Feder A, Parides MK, et al. “Efficacy of \"ketamine\" \\ trial.” JAMA Psychiatry. 2014;71(6):681–688. doi: 10.1001/x.1")
        let json = ReferenceJSON.object(r, line: 7)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["line"] as? Int == 7)
        #expect(object["etAl"] as? Bool == true)
        #expect(object["year"] as? Int == 2014)
        #expect(object["volume"] as? String == "71")
        #expect(object["title"] as? String == r.title)
        #expect(object["doi"] as? String == "10.1001/x.1")
        #expect(object["pmid"] is NSNull)
        #expect(object["epubYear"] is NSNull)
        let pages = try #require(object["pages"] as? [String: Any])
        #expect(pages["first"] as? String == "681")
        #expect(pages["last"] as? String == "688")
        let authors = try #require(object["authors"] as? [[String: Any]])
        #expect(authors.first?["family"] as? String == "Feder")
        #expect(authors.first?["given"] as? String == "A")
        for key in ["authors", "etAl", "title", "journal", "year", "volume", "issue", "pages", "doi", "pmid", "pmcid", "url", "epubYear", "style", "kind"] {
            #expect(object.keys.contains(key), "missing \(key)")
        }
    }

    @Test func escapesControlCharacters() throws {
        var out: [UInt8] = []
        ReferenceJSON.string("a\"b\\c\nd\te\u{01}f", &out)
        let s = String(decoding: out, as: UTF8.self)
        #expect(s == "\"a\\\"b\\\\c\\nd\\te\\u0001f\"")
        let back = try JSONSerialization.jsonObject(with: Data(s.utf8), options: .fragmentsAllowed) as? String
        #expect(back == "a\"b\\c\nd\te\u{01}f")
    }
}

/// The reporters' `ReferenceJSON.fields` and the streaming `ReferenceJSON.append` must print the same object.
@Suite struct ReferenceJSONFieldsTests {
    @Test(arguments: [
        "Feder A, Parides MK, Murrough JW, et al. Efficacy of intravenous ketamine. JAMA Psychiatry. 2014;71(6):681-8. doi:10.1001/jamapsychiatry.2014.62. PMID: 24740528.",
        "World Health Organization. Mental health atlas 2017. Geneva: WHO; 2018.",
        "Taylor, J. H., Jr. (2018). \"Ketamine\" for social anxiety: a \\ trial. Neuropsychopharmacology, 43(2), 325–333 (online 2017) [Erratum in: 44:1].",
        "Smith A. Title here. BMC Genomics. 2010;11 Suppl 2:S1.",
        "",
    ])
    func fieldsPrintLikeTheStreamingWriter(_ text: String) {
        let parsed = ReferenceParser().parse(text)
        let value = JSONValue.object([("line", .int(7))] + ReferenceJSON.fields(parsed))
        #expect(value.serialized(pretty: false) == ReferenceJSON.object(parsed, line: 7))
    }
}
