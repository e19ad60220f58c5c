import Foundation
import Testing

@testable import CiteCheck

@Suite struct FieldRangesTests {
    @Test func behavesLikeADictionaryFromFieldToRange() {
        var ranges = FieldRanges()
        #expect(ranges.isEmpty && ranges[.title] == nil)
        ranges[.pages] = 40..<47
        ranges[.title] = 10..<30
        ranges[.doi] = 50..<70
        ranges[.title] = 12..<30
        #expect(ranges.count == 3)
        #expect(ranges[.title] == 12..<30 && ranges[.pages] == 40..<47 && ranges[.doi] == 50..<70)
        ranges[.pages] = nil
        ranges[.volume] = nil
        #expect(ranges.count == 2 && ranges[.pages] == nil)
        #expect(ranges.map(\.key) == [.title, .doi], "iterated in field order")
    }

    @Test func equalityDoesNotDependOnTheOrderFieldsWereSet() {
        var a = FieldRanges()
        a[.year] = 1..<5
        a[.authors] = 0..<1
        let b: FieldRanges = [.authors: 0..<1, .year: 1..<5]
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a != [.authors: 0..<1])
    }

    @Test func positionsFollowTheDeclaredOrder() {
        #expect(ReferenceField.allCases.map(\.position) == Array(0..<ReferenceField.allCases.count))
    }

    @Test func codedAsTheDictionaryItReplacedWas() throws {
        let ranges: FieldRanges = [.title: 10..<30, .pages: 40..<47]
        let json = String(decoding: try JSONEncoder().encode(ranges), as: UTF8.self)
        #expect(json == #"["title",[10,30],"pages",[40,47]]"#)
        #expect(try JSONDecoder().decode(FieldRanges.self, from: Data(#"["pages",[40,47],"title",[10,30]]"#.utf8)) == ranges)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(FieldRanges.self, from: Data(#"["title"]"#.utf8)) }
    }
}
