import Foundation
import Testing

@testable import CiteCheck

@Suite struct JSONStringTests {
    static let samples = [
        "", "plain ASCII", "Müller–Schmidt “quoted” café ≥ 5 µg", "tab\there", "quote \" and back\\slash",
        "line\nbreak\r", "\u{08}\u{0C}\u{01}\u{1F}", "separators \u{2028} and \u{2029}", "€ and — (0xE2 lead bytes)",
        "emoji 🧪 and 𝛼", "\u{7F} delete stays",
    ]

    /// Written strings read back as the same strings through Foundation's JSON parser.
    @Test(arguments: samples) func roundTrips(_ text: String) throws {
        let json = JSONValue.array([.string(text)]).serialized(pretty: false)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String]
        #expect(decoded == [text])
    }

    /// The escapes are the short ones, `\u00XX` for other controls, and the JavaScript line separators.
    @Test func escapes() {
        #expect(JSONValue.string("a\"b\\c\nd\te\u{01}\u{2028}é€").serialized() == #""a\"b\\c\nd\te\u0001\u2028é€""#)
        #expect(JSONValue.string("Müller, 2019").serialized() == #""Müller, 2019""#)
    }
}
