import Foundation
import Testing

@testable import CiteCheck

@Suite struct CurrentYearTests {
    /// The arithmetic agrees with Foundation's Gregorian calendar in UTC around every New Year from 1600 to 2400
    /// (both sides of 1970, leap and century years), and wherever it answers among times spread over ±10,000 years.
    @Test func yearMatchesTheGregorianCalendar() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        var times: [TimeInterval] = [0, -1, 1, 86_399, 86_400, -86_400, -86_401, 1_795_824_000]
        for year in stride(from: 1600, through: 2400, by: 1) {
            let newYear = try #require(calendar.date(from: DateComponents(year: year, month: 1, day: 1)))
            times += [-1, 0, 1, 43_200, -43_200].map { newYear.timeIntervalSince1970 + $0 }
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<2_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            times.append(Double(Int64(bitPattern: state) % 315_569_520_000))
        }
        var answered = 0
        for time in times {
            guard let year = CurrentYear.year(ofUnixTime: time) else {
                #expect(time < -11_991_456_000, "no answer at \(time)")
                continue
            }
            answered += 1
            #expect(year == calendar.component(.year, from: Date(timeIntervalSince1970: time)), "at \(time)")
        }
        #expect(answered > 4_000 + 1_000)
    }

    @Test func leavesOddTimesToTheCalendar() {
        #expect(CurrentYear.year(ofUnixTime: .nan) == nil)
        #expect(CurrentYear.year(ofUnixTime: .infinity) == nil)
        #expect(CurrentYear.year(ofUnixTime: 1e15) == nil)
        #expect(CurrentYear.year(ofUnixTime: -20_000_000_000) == nil)  // 1336: Calendar's Julian era
    }
}
