/// A calendar date known to year, month or day precision (Gregorian, proleptic).
/// Its `iso` form is `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, the length telling the precision.
public struct PartialDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Precision: Int, Comparable, Sendable, Codable {
        case year = 0, month = 1, day = 2
        public static func < (a: Precision, b: Precision) -> Bool { a.rawValue < b.rawValue }
    }

    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (a longer timestamp is cut to its date).
    public init?(iso: String) {
        let parts = iso.prefix(10).split(separator: "-")
        guard let first = parts.first, first.count == 4, let y = Int(first) else { return nil }
        var m: Int?
        var d: Int?
        if parts.count > 1 { guard let v = Int(parts[1]), (1...12).contains(v) else { return nil }; m = v }
        if parts.count > 2 {
            guard let v = Int(parts[2]), let m, (1...PartialDate.daysIn(year: y, month: m)).contains(v) else { return nil }
            d = v
        }
        self.init(year: y, month: m, day: d)
    }

    /// What `encode` writes for a year before 0 (`-0485`, `-0485-03-01`) or after 9999 (`12000`).
    init?(encoded s: String) {
        let negative = s.hasPrefix("-")
        let parts = (negative ? s.dropFirst() : Substring(s)).split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count >= (negative ? 1 : 4), let y = Int(parts[0]) else { return nil }
        let m = parts.count > 1 ? Int(parts[1]) : nil
        let d = parts.count > 2 ? Int(parts[2]) : nil
        if parts.count > 1, m == nil { return nil }
        if parts.count > 2, d == nil { return nil }
        self.init(year: negative ? -y : y, month: m, day: d)
    }

    public var precision: Precision { day != nil ? .day : (month != nil ? .month : .year) }

    public var iso: String {
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
        }
        var out = pad(year, 4)
        if let month { out += "-" + pad(month, 2) }
        if let day { out += "-" + pad(day, 2) }
        return out
    }

    public var description: String { iso }

    /// The same date cut to a coarser precision.
    public func truncated(to p: Precision) -> PartialDate {
        switch p {
        case .year: return PartialDate(year: year)
        case .month: return PartialDate(year: year, month: month)
        case .day: return self
        }
    }

    /// True when `other` lies within this date's span (2024-06 contains 2024-06-19).
    public func contains(_ other: PartialDate) -> Bool {
        if year != other.year { return false }
        if let month { if other.month != month { return false } }
        if let day { if other.day != day { return false } }
        return true
    }

    /// Ordered by the first day of each span, a coarser date before a finer one that starts the same day.
    public static func < (a: PartialDate, b: PartialDate) -> Bool {
        let ka = (a.year, a.month ?? 0, a.day ?? 0)
        let kb = (b.year, b.month ?? 0, b.day ?? 0)
        return ka < kb
    }

    // MARK: Day arithmetic (days since 1970-01-01; Howard Hinnant's civil calendar algorithms).

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Day number of a full date (precision .day required; coarser dates use their first day).
    public var dayNumber: Int {
        let m = month ?? 1, d = day ?? 1
        let y = m <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public func adding(days: Int) -> PartialDate { PartialDate(dayNumber: dayNumber + days) }

    /// Day numbers of the first and last day of the span (a year, a month or a day).
    public var firstDay: Int { dayNumber }
    public var lastDay: Int {
        guard let month else { return PartialDate(year: year, month: 12, day: 31).dayNumber }
        return PartialDate(year: year, month: month, day: day ?? PartialDate.daysIn(year: year, month: month)).dayNumber
    }

    /// Adds months, keeping the precision (a day past the month's end is clamped).
    public func adding(months: Int) -> PartialDate {
        let total = year * 12 + (month ?? 1) - 1 + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        let m = total - y * 12 + 1
        guard month != nil else { return PartialDate(year: y) }
        return PartialDate(year: y, month: m, day: day.map { min($0, PartialDate.daysIn(year: y, month: m)) })
    }

    public func adding(years: Int) -> PartialDate { adding(months: years * 12) }

    /// ISO weekday, 1 = Monday ... 7 = Sunday (day precision).
    public var weekday: Int {
        let w = (dayNumber + 3) % 7   // 1970-01-01 was a Thursday (3 with Monday = 0)
        return (w < 0 ? w + 7 : w) + 1
    }

    /// `iso`, except before year 0, where it would not read back: a sign and four digits (`-0485-03`). A date
    /// worked out far back from a duration can be such a year; stored records must read back what was written.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(year < 0 ? "-" + PartialDate(year: -year, month: month, day: day).iso : iso)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        let s = try c.decode(String.self)
        guard let v = s.hasPrefix("-") ? PartialDate(encoded: s) : PartialDate(iso: s) ?? PartialDate(encoded: s) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an ISO date: \(s)")
        }
        self = v
    }
}
