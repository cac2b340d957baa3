import Foundation
import XCTest
import RasdTestSupport
@testable import RasdStore

/// `rasd analyze --db` as a user runs it (the binary the test build produced): a rerun with nothing new keeps the
/// store's analysis without resolving again and writes the same bytes; an article more is resolved again.
final class AnalyzeStoreCommandTests: XCTestCase {
    func testRerunWithNothingNewKeepsTheStoredAnalysis() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-analyze-db-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("later"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func path(_ name: String) -> String { dir.appendingPathComponent(name).path }
        func write(_ name: String, _ text: String) throws { try text.write(toFile: path(name), atomically: true, encoding: .utf8) }
        try write("in/a.txt", "افتتح وزير الصحة مستشفى جديدا في مدينة الدمام يوم الأحد بحضور عدد من المسؤولين.")
        try write("in/b.txt", "قال وزير الصحة إن المستشفى الجديد في الدمام سيستقبل المرضى ابتداء من الشهر المقبل.")
        try write("later/c.txt", "وقعت وزارة التعليم اتفاقية مع جامعة الملك سعود لتدريب ألف معلم خلال العام الدراسي.")
        let db = path("s.db")
        XCTAssertEqual(try runRasd(["ingest", path("in"), "--db", db, "--quiet"]).status, 0)

        let first = try runRasd(["analyze", "--db", db, "-o", path("1.json")])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("2 stored articles, 2 analysed"), first.stderr)
        XCTAssertFalse(first.stderr.contains("kept"), first.stderr)
        let saved = try ArticleStore(path: db).latestAnalysisNumber()

        let second = try runRasd(["analyze", "--db", db, "-o", path("2.json")])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("0 analysed, 2 from stored records; nothing new since the stored analysis, kept"),
                      second.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path("2.json"))),
                       try Data(contentsOf: URL(fileURLWithPath: path("1.json"))))
        XCTAssertEqual(try ArticleStore(path: db).latestAnalysisNumber(), saved, "a kept analysis is not saved again")

        // Other options are another analyzer version: every record again, and a resolve.
        let future = try runRasd(["analyze", "--db", db, "--prefer-dates-from", "future", "-o", path("f.json")])
        XCTAssertTrue(future.stderr.contains("2 analysed") && !future.stderr.contains("kept"), future.stderr)

        XCTAssertEqual(try runRasd(["ingest", path("later"), "--db", db, "--quiet"]).status, 0)
        let third = try runRasd(["analyze", "--db", db, "--format", "md", "-o", path("3.md")])
        XCTAssertTrue(third.stderr.contains("3 stored articles, 3 analysed"), third.stderr)
        XCTAssertFalse(third.stderr.contains("kept"), third.stderr)
        let fourth = try runRasd(["analyze", "--db", db, "--format", "md", "-o", path("4.md")])
        XCTAssertTrue(fourth.stderr.contains("kept"), fourth.stderr)
        let report = try String(contentsOfFile: path("3.md"), encoding: .utf8)
        XCTAssertFalse(report.isEmpty)
        XCTAssertEqual(try String(contentsOfFile: path("4.md"), encoding: .utf8), report, "the kept analysis, rendered")
        let json = try runRasd(["analyze", "--db", db, "-o", path("5.json")])
        XCTAssertTrue(json.stderr.contains("kept"), json.stderr)
        let documents = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path("5.json")))) as? [String: Any]
        XCTAssertEqual((documents?["documents"] as? [Any])?.count, 3)
    }
}
