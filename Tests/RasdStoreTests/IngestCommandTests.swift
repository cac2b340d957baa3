import Foundation
import XCTest
import RasdTestSupport
@testable import RasdStore

/// `rasd ingest` and `rasd search` as a user runs them (the binary the test build produced).
final class IngestCommandTests: XCTestCase {
    func rasd(_ arguments: [String]) throws -> RasdRun { try runRasd(arguments) }

    func testIngestReportsProblemsStoresTheRestAndFailsOnMissingPath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("in"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func write(_ name: String, _ text: String) throws { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        try write("in/a.txt", "أعلنت وزارة النقل افتتاح خط جديد للقطارات بين المدينتين.")
        try write("in/b.html", "<html><head><title>خبر</title></head><body><nav>القائمة</nav><p>قال مسؤول إن مشروع تحلية المياه سيكتمل العام المقبل، وفق الخطة.</p></body></html>")
        try write("in/feed.jsonl", """
            {"id": "f1", "text": "وصل وفد تجاري إلى العاصمة لبحث الاستثمارات.", "source": "wire"}
            {"id": "f2", "text": "مقطوع
            {"id": "f3", "title": "لا نص"}
            """)
        try write("in/meta.jsonl", #"{"id": "a", "published": "2024-02-03"}"#)
        try write("in/gold.json", "{}")
        try write("in/README.md", "# not an article")
        try Data().write(to: dir.appendingPathComponent("in/empty.txt"))
        let db = dir.appendingPathComponent("s.db").path
        let missing = dir.appendingPathComponent("nope.txt").path

        let run = try rasd(["ingest", dir.appendingPathComponent("in").path, missing, "--meta",
                            dir.appendingPathComponent("in/meta.jsonl").path, "--db", db, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        let feed = dir.appendingPathComponent("in/feed.jsonl").path
        XCTAssertTrue(run.stderr.contains("\(feed):2: invalid JSON"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(feed):3: record has neither 'text' nor 'html'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("empty.txt: empty file"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(missing): no such file or folder"), run.stderr)
        XCTAssertFalse(run.stderr.contains("ingest:"), "--quiet still printed progress")

        let store = try ArticleStore(path: db)
        XCTAssertEqual(try store.documentCount(), 3)
        let date = try store.dbQueue.read { try String.fetchOne($0, sql: "SELECT published FROM documents WHERE id = 'a'") }
        XCTAssertEqual(date, "2024-02-03")

        let again = try rasd(["ingest", dir.appendingPathComponent("in").path, "--meta", dir.appendingPathComponent("in/meta.jsonl").path, "--db", db])
        XCTAssertEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("0 new, 3 already stored"), again.stderr)
        XCTAssertEqual(try ArticleStore(path: db).documentCount(), 3)

        let search = try rasd(["search", "والمياه", "--db", db, "--json"])
        XCTAssertEqual(search.status, 0, search.stderr)
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(search.stdout.utf8))
        XCTAssertEqual(hits.map(\.id), ["b"])
        XCTAssertEqual(hits.first?.title, "خبر")
        let text = try rasd(["search", "القطارات", "--db", db])
        XCTAssertTrue(text.stdout.hasPrefix("1. a  2024-02-03"), text.stdout)
    }
}
