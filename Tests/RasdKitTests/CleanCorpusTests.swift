import XCTest
@testable import RasdKit

/// The cleaning corpus (Cases/clean.tsv): one page line a case, placed in a small article; a fourth column is
/// what stays of a line that loses only a part.
final class CleanCorpusTests: XCTestCase {
    static let paragraph = "وأضاف المتحدث أن الجانبين اتفقا على مواصلة المشاورات خلال الأيام المقبلة، مشيرا إلى أن الوفود ستعود إلى طاولة التفاوض بعد التشاور مع قياداتها."

    func testCleanCases() throws {
        var failures: [String] = []
        let rows = try ExtractionCorpusTests.rows("clean.tsv", minimum: 20)
        XCTAssertGreaterThanOrEqual(rows.count, 15)
        for row in rows {
            guard row.count == 3 || row.count == 4, let position = Int(row[1]) else { XCTFail("malformed case: \(row)"); continue }
            var lines = position > 0 ? ["عنوان الخبر: اتفاق جديد بين الطرفين"] : []
            while lines.count < position { lines.append(Self.paragraph) }
            lines.append(row[0])
            lines.append(Self.paragraph)
            let doc = Document(article: SourceArticle(id: "case", text: lines.joined(separator: "\n"), origin: "case"))
            let cleaned = BoilerplateCleaner().clean(doc)[0]
            if row.count == 4 {
                // Part of the line goes: the rule that took it, and what stays of the line.
                let start = lines[..<position].reduce(0) { $0 + $1.unicodeScalars.count + 1 }
                let line = start..<(start + row[0].unicodeScalars.count)
                let rules = cleaned.removed.filter { line.contains($0.range.lowerBound) }.map(\.rule)
                let stays = cleaned.segments.filter { line.contains($0.lowerBound) }.map { cleaned.text.string($0) }.joined(separator: " ")
                if !rules.contains(row[2]) || stays != (row[3] == "-" ? "" : row[3]) {
                    failures.append("\(row[0])\n    got \(rules) keeping «\(stays)», expected \(row[2]) keeping «\(row[3])»")
                }
                continue
            }
            let removed = cleaned.removed.first { cleaned.text.string($0.range) == row[0] }
            let got = removed?.rule ?? "keep"
            if got != row[2] { failures.append("\(row[0])\n    got \(got), expected \(row[2])") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) cleaning cases failed:\n" + failures.joined(separator: "\n"))
    }
}
