internal import Foundation

/// The current year in UTC, the default "now" for `ref-bad-year`.
///
/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) overrides the clock, so golden
/// outputs and CI logs stay the same from one year to the next.
public enum CurrentYear {
    public static var now: Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let date: Date
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            date = Date(timeIntervalSince1970: epoch)
        } else {
            date = Date()
        }
        return calendar.component(.year, from: date)
    }
}
