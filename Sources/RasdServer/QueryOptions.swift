import Foundation
import Hummingbird
import RasdKit

/// A request's query string read with validation: a bad value is a 400 that names the parameter.
struct QueryOptions {
    static let maxLimit = 500
    static let defaultLimit = 50

    /// Each parameter's first value, decoded as a form is: `+` is a space, then percent-decoding (`%2B` is `+`).
    let parameters: [String: String]

    init(_ request: Request) { parameters = QueryOptions.parse(request.uri.query ?? "") }

    /// `a=1&q=Kim+Jong+Un` → ["a": "1", "q": "Kim Jong Un"]; a value that is not valid percent-encoding is kept as
    /// written (its `+` still a space). The first of a repeated parameter counts.
    static func parse(_ query: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) -> String in
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            let key = decode(parts[0])
            if out[key] == nil { out[key] = parts.count > 1 ? decode(parts[1]) : "" }
        }
        return out
    }

    /// The value of a free-text parameter (percent-decoded), nil when absent or empty (no filter).
    func string(_ name: String) -> String? {
        guard let value = raw(name), !value.isEmpty else { return nil }
        return value
    }

    /// The value as given, "" when the parameter is there with no value: a typed parameter (number, date,
    /// type) given empty is an error, not a missing filter.
    func raw(_ name: String) -> String? {
        parameters[name]
    }

    /// `offset` (0 or more) and `limit` (1...500, default 50).
    func paging(defaultLimit: Int = QueryOptions.defaultLimit) throws -> Paging {
        let offset = try integer("offset", in: 0...Int(Int32.max)) ?? 0
        let limit = try integer("limit", in: 1...QueryOptions.maxLimit) ?? defaultLimit
        return Paging(offset: offset, limit: limit)
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = raw(name) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.badRequest("\(name) must be an integer from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
        }
        return value
    }

    /// `from` and `to`: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, both ends included.
    func dateRange() throws -> DateRange {
        let range = DateRange(from: try date("from"), to: try date("to"))
        if let from = range.from, let to = range.to, from.firstDay > to.lastDay {
            throw APIError.badRequest("from (\(from.iso)) is after to (\(to.iso))")
        }
        return range
    }

    func date(_ name: String) throws -> PartialDate? {
        guard let text = raw(name) else { return nil }
        guard DateRange.isISODate(text), let date = PartialDate(iso: text) else {
            throw APIError.badRequest("\(name) must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '\(text)'")
        }
        return date
    }

    /// A value that must be one of a fixed set (an event type, an entity type).
    /// `uppercased`: the set is upper case and the value is compared so (event types); else lower case.
    func choice(_ name: String, among allowed: Set<String>, uppercased: Bool = true) throws -> String? {
        guard let text = raw(name) else { return nil }
        let value = uppercased ? text.uppercased() : text.lowercased()
        guard allowed.contains(value) else {
            throw APIError.badRequest("\(name) must be one of \(allowed.sorted().joined(separator: ", ")), not '\(text)'")
        }
        return value
    }

    func bool(_ name: String) throws -> Bool {
        guard let text = raw(name) else { return false }
        switch text.lowercased() {
        case "1", "true", "yes": return true
        case "0", "false", "no": return false
        default: throw APIError.badRequest("\(name) must be true or false, not '\(text)'")
        }
    }
}

/// A page of a list: which items were asked for.
struct Paging: Sendable {
    var offset: Int
    var limit: Int

    /// The page of `all`, each item on it (only those) turned into what the answer shows.
    func page<T, U: Encodable>(_ all: [T], _ view: (T) -> U) -> Page<U> {
        let start = min(offset, all.count)
        let end = min(start + limit, all.count)
        return Page(total: all.count, offset: offset, limit: limit, items: all[start..<end].map(view))
    }
}

/// One page of a list with the size of the whole filtered list.
struct Page<T: Encodable>: Encodable {
    var total: Int
    var offset: Int
    var limit: Int
    var items: [T]
}

/// An inclusive span of days; a partial date (`2024-06`) overlaps it when any of its days does.
struct DateRange: Sendable {
    var from: PartialDate?
    var to: PartialDate?

    var isOpen: Bool { from == nil && to == nil }

    /// True for a date in the range; an undated item only passes an open range.
    func admits(_ iso: String?) -> Bool {
        if isOpen { return true }
        guard let iso, let date = PartialDate(iso: iso) else { return false }
        if let from, date.lastDay < from.firstDay { return false }
        if let to, date.firstDay > to.lastDay { return false }
        return true
    }

    /// Strictly `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (PartialDate alone also takes longer timestamps).
    static func isISODate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard [4, 7, 10].contains(bytes.count) else { return false }
        for (i, b) in bytes.enumerated() {
            if i == 4 || i == 7 { if b != UInt8(ascii: "-") { return false } }
            else if !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) { return false }
        }
        return true
    }
}
