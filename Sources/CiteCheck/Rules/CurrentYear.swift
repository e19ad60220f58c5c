internal import Foundation

/// The current year in UTC, the default "now" for `RefBadYearRule`.
///
/// `SOURCE_DATE_EPOCH` (seconds since 1970, the reproducible-builds convention) overrides the clock, so golden
/// outputs and CI logs stay the same from one year to the next.
public enum CurrentYear {
    public static var now: Int {
        let seconds: TimeInterval
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            seconds = epoch
        } else {
            seconds = Date().timeIntervalSince1970
        }
        // Plain arithmetic for ordinary times: a Gregorian calendar costs ~0.4 ms to set up on every post checked.
        if let year = year(ofUnixTime: seconds) { return year }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return calendar.component(.year, from: Date(timeIntervalSince1970: seconds))
    }

    /// The Gregorian year, in UTC, of a time given in seconds since 1970; nil before 1590 (where `Calendar`
    /// switches to the Julian calendar), after about the year 300,000, or when the time is not finite: those are
    /// left to `Calendar`.
    static func year(ofUnixTime seconds: TimeInterval) -> Int? {
        guard seconds.isFinite, seconds >= -11_991_456_000, seconds < 1e13 else { return nil }
        let days = Int((seconds / 86_400).rounded(.down))
        // Days since 1970-01-01 to a civil year (H. Hinnant's `civil_from_days`), in eras of 400 years.
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153  // 0 is March
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }
}
