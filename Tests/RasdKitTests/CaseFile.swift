import Foundation

/// The one reader of the corpus files under Cases/: one case a line, fields separated by tabs, `#` lines and
/// empty lines skipped. It throws (failing the test that reads it) when the file is missing, when a line has
/// a number of fields outside `fields`, or when the file holds fewer than `minimum` cases, so that an emptied
/// or truncated corpus never passes by checking nothing.
struct CaseFile {
    struct Row {
        /// 1-based line number in the file, for messages.
        let line: Int
        let fields: [String]
        var location: String { "line \(line)" }
    }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Cases")

    /// `maxFields`: split at most into this many fields (the last keeps any further tabs).
    static func rows(_ name: String, minimum: Int, fields: ClosedRange<Int> = 1...Int.max,
                     maxFields: Int = Int.max) throws -> [Row] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        var rows: [Row] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if raw.isEmpty || raw.hasPrefix("#") { continue }
            let split = raw.split(separator: "\t", maxSplits: maxFields - 1, omittingEmptySubsequences: false).map(String.init)
            guard fields.contains(split.count) else {
                throw Problem(description: "Cases/\(name):\(index + 1): \(split.count) tab-separated fields, expected \(fields)")
            }
            rows.append(Row(line: index + 1, fields: split))
        }
        guard rows.count >= minimum else {
            throw Problem(description: "Cases/\(name): \(rows.count) cases, expected at least \(minimum)")
        }
        return rows
    }
}
