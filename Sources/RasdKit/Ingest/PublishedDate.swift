import Foundation

extension PartialDate {
    /// A publication date as feeds and pages write it: ISO dates and timestamps (`2015-07-21`,
    /// `2015-07-21T10:00:00+03:00`, `2015/07/21`), or Unix time in seconds or milliseconds. The date is the
    /// one written (a timestamp's own calendar day, not converted to UTC).
    package static func published(_ value: String) -> PartialDate? {
        let s = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { return nil }
        if s.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), s.utf8.count >= 9, let n = Double(s) {
            return published(unixTime: n)
        }
        let normalized = String(s.prefix(10)).replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        if let date = PartialDate(iso: normalized) {
            // "2015-07-21T..." is cut to its date; a bare "2015-07-2" is not a date.
            let digits = normalized.split(separator: "-")
            if digits.count == 3, digits[2].count != 2 { return nil }
            return date
        }
        return nil
    }

    /// The UTC calendar day of a Unix time (seconds, or milliseconds when larger than ~1e11).
    package static func published(unixTime: Double) -> PartialDate? {
        guard unixTime.isFinite, unixTime >= 0 else { return nil }
        let seconds = unixTime > 1e11 ? unixTime / 1000 : unixTime
        guard seconds < 1e11 else { return nil }
        return PartialDate(dayNumber: Int((seconds / 86400).rounded(.down)))
    }

    /// A JSON value (string or number) as a publication date.
    package static func published(json value: Any?) -> PartialDate? {
        switch value {
        case let s as String: return published(s)
        case let n as NSNumber: return published(unixTime: n.doubleValue)
        default: return nil
        }
    }
}
