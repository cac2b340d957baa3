import XCTest
@testable import RasdKit

/// The cleaning corpus (Cases/clean.tsv): one page line a case, placed in a small article.
final class CleanCorpusTests: XCTestCase {
    static let paragraph = "وأضاف المتحدث أن الجانبين اتفقا على مواصلة المشاورات خلال الأيام المقبلة، مشيرا إلى أن الوفود ستعود إلى طاولة التفاوض بعد التشاور مع قياداتها."

    func testCleanCases() throws {
        var failures: [String] = []
        let rows = try ExtractionCorpusTests.rows("clean.tsv", minimum: 20)
        XCTAssertGreaterThanOrEqual(rows.count, 15)
        for row in rows {
            guard row.count == 3, let position = Int(row[1]) else { XCTFail("malformed case: \(row)"); continue }
            var lines = position > 0 ? ["عنوان الخبر: اتفاق جديد بين الطرفين"] : []
            while lines.count < position { lines.append(Self.paragraph) }
            lines.append(row[0])
            lines.append(Self.paragraph)
            let doc = Document(article: SourceArticle(id: "case", text: lines.joined(separator: "\n"), origin: "case"))
            let cleaned = BoilerplateCleaner().clean(doc)[0]
            let removed = cleaned.removed.first { cleaned.text.string($0.range) == row[0] }
            let got = removed?.rule ?? "keep"
            if got != row[2] { failures.append("\(row[0])\n    got \(got), expected \(row[2])") }
        }
        XCTAssertTrue(failures.isEmpty, "\(failures.count) cleaning cases failed:\n" + failures.joined(separator: "\n"))
    }
}
