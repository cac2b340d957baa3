import Foundation
import XCTest
import RasdTestSupport
import RasdKit
import RasdStore
@testable import RasdPostgres

/// `rasd ingest`, `search` and `analyze --db` with a postgres:// URL, as a user runs them (the built binary).
final class PostgresCommandTests: XCTestCase {
    func rasd(_ arguments: [String]) throws -> RasdRun { try runRasd(arguments) }

    func testIngestSearchAndAnalyzeThroughAURL() async throws {
        _ = try builtRasdBinary()
        let database = try await TestDatabase.make()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-pgcli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try await check(database, dir)
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    private func check(_ database: TestDatabase, _ dir: URL) async throws {
        let feed = dir.appendingPathComponent("feed.jsonl")
        try """
            {"id": "f1", "text": "وصل وفد تجاري إلى العاصمة لبحث الاستثمارات في قطاع المياه.", "source": "wire", "published": "2024-03-01"}
            {"id": "f2", "title": "لا نص"}
            {"id": "f3", "text": "أعلنت وزارة النقل افتتاح خط جديد للقطارات بين المدينتين.", "source": "site"}
            """.write(to: feed, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("nope.txt").path

        let run = try rasd(["ingest", feed.path, missing, "--db", database.url, "--quiet"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("\(feed.path):2: record has neither 'text' nor 'html'"), run.stderr)
        XCTAssertTrue(run.stderr.contains("\(missing): no such file or folder"), run.stderr)
        let again = try rasd(["ingest", feed.path, "--db", database.url])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("0 new, 2 already stored"), again.stderr)

        let search = try rasd(["search", "والمياه", "--db", database.url, "--json"])
        XCTAssertEqual(search.status, 0, search.stderr)
        let hits = try JSONDecoder().decode([SearchHit].self, from: Data(search.stdout.utf8))
        XCTAssertEqual(hits.map(\.id), ["f1"])
        XCTAssertEqual(hits.first?.published, "2024-03-01")

        let output = dir.appendingPathComponent("analysis.json")
        let analyze = try rasd(["analyze", "--db", database.url, "-o", output.path, "--quiet"])
        XCTAssertEqual(analyze.status, 0, analyze.stderr)
        let written = try JSONDecoder().decode(Analysis.self, from: Data(contentsOf: output))
        XCTAssertEqual(written.documents.map(\.id), ["f1", "f3"])
        let store = try await PostgresArticleStore.open(database.location)
        let saved = try await store.latestAnalysis()
        await store.close()
        XCTAssertEqual(saved, written)
    }

    func testBadURLIsRefusedWithTheReason() throws {
        _ = try builtRasdBinary()
        let run = try rasd(["search", "x", "--db", "postgres://u:secret@h/db?sslmode=sometimes"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("sslmode must be one of"), run.stderr)
        XCTAssertFalse(run.stderr.contains("secret"), run.stderr)
    }
}
