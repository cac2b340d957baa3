import Foundation

/// Calendar arithmetic for date resolution: weeks (Monday first, ISO), nth weekday of a month, the Hijri calendar
/// (Umm al-Qura), Western Easter, and the coarsest ISO date that contains a span.
enum CalendarMath {
    /// Monday of the week that contains `d`.
    static func weekStart(_ d: PartialDate) -> PartialDate { d.adding(days: 1 - d.weekday) }

    /// The `n`th (1-based; -1 = last) given weekday of a month.
    static func nthWeekday(_ n: Int, weekday: Int, year: Int, month: Int) -> PartialDate? {
        if n > 0 {
            let first = PartialDate(year: year, month: month, day: 1)
            let d = first.adding(days: (weekday - first.weekday + 7) % 7 + (n - 1) * 7)
            return d.month == month ? d : nil
        }
        let last = PartialDate(year: year, month: month, day: PartialDate.daysIn(year: year, month: month))
        return last.adding(days: -((last.weekday - weekday + 7) % 7))
    }

    /// The first week (Monday to Sunday) that lies wholly in a month (n = 1), or the last one (n = -1).
    static func nthWeek(_ n: Int, year: Int, month: Int) -> PartialDate? {
        if n > 0 { return nthWeekday(n, weekday: 1, year: year, month: month) }
        guard let lastSunday = nthWeekday(-1, weekday: 7, year: year, month: month) else { return nil }
        return lastSunday.adding(days: -6)
    }

    /// The Umm al-Qura calendar (Saudi Arabia's official Hijri calendar; ICU's tables cover 1300-1600 AH and fall
    /// back to the civil tabular calendar outside them), in UTC so that a day number is a calendar day.
    static let ummAlQura: Foundation.Calendar = {
        var c = Foundation.Calendar(identifier: .islamicUmmAlQura)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    /// Day number (days since 1970-01-01) of the first day of a Hijri month; months past 12 roll into the next
    /// year.
    static func hijriMonthStart(year: Int, month: Int) -> Int {
        let y = year + (month - 1) / 12, m = (month - 1) % 12 + 1
        guard let date = ummAlQura.date(from: DateComponents(year: y, month: m, day: 1)) else {
            // Not expected from ICU; the tabular calendar (civil epoch) keeps dates computable.
            let jdn = 1 + Int((29.5 * Double(m - 1)).rounded(.up)) + (y - 1) * 354 + (3 + 11 * y) / 30 + 1948439
            return jdn - 2440588
        }
        return Int((date.timeIntervalSince1970 / 86400).rounded(.down))
    }

    static func hijriToGregorian(year: Int, month: Int, day: Int) -> PartialDate {
        PartialDate(dayNumber: hijriMonthStart(year: year, month: month) + day - 1)
    }

    static func hijriMonthLength(year: Int, month: Int) -> Int {
        hijriMonthStart(year: year, month: month + 1) - hijriMonthStart(year: year, month: month)
    }

    /// The Hijri date (Umm al-Qura) of a Gregorian day.
    static func hijri(of d: PartialDate) -> (year: Int, month: Int, day: Int) {
        let c = ummAlQura.dateComponents([.year, .month, .day], from: Date(timeIntervalSince1970: Double(d.dayNumber) * 86400 + 43200))
        return (c.year ?? 0, c.month ?? 1, c.day ?? 1)
    }

    /// The Hijri year in progress on a Gregorian date.
    static func hijriYear(containing d: PartialDate) -> Int { hijri(of: d).year }

    /// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus.
    static func easter(_ y: Int) -> PartialDate {
        let a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4
        let f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return PartialDate(year: y, month: month, day: day)
    }

    /// The coarsest of YYYY-MM-DD, YYYY-MM, YYYY that contains both ends of a span; nil when none does.
    static func coarsest(_ from: PartialDate, _ to: PartialDate) -> PartialDate? {
        guard from.year == to.year else { return nil }
        if from.month == nil || to.month == nil || from.month != to.month { return PartialDate(year: from.year) }
        if from.day == nil || to.day == nil || from.day != to.day { return PartialDate(year: from.year, month: from.month) }
        return from
    }
}
