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
        for key in ["authors", "etAl", "title", "journal", "year", "volume", "issue", "pages", "doi", "pmid", "pmcid", "url", "epubYear", "style"] {
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
