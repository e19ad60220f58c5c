internal import Foundation

/// The current year in UTC, the default "now" for `ref-bad-year`.
public enum CurrentYear {
    public static var now: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date())
    }
}
