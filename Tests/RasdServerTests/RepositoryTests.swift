import Foundation
import RasdKit
@testable import RasdServer
import RasdStore
import XCTest

/// The server over another `ArticleRepository` than SQLite (an in-memory one, as a PostgreSQL store would
/// be): it needs nothing but the protocol, and every store call runs on the store's queue, off Swift's
/// cooperative threads.
final class RepositoryTests: XCTestCase {
    /// Keeps everything in memory; records whether each call ran on the store's queue.
    final class MemoryRepository: ArticleRepository, @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [StoredArticle] = []
        private var analyses: [Analysis] = []
        private(set) var callsOffTheStoreQueue: [String] = []

        private func note(_ call: String) {
            let offQueue = !StoreExecutor.isCurrent
            lock.withLock { if offQueue { callsOffTheStoreQueue.append(call) } }
        }

        func ingest(_ articles: [SourceArticle], jobs: Int) async throws -> IngestSummary {
            note("ingest")
            return lock.withLock {
                var summary = IngestSummary()
                for article in articles {
                    if stored.contains(where: { $0.article.text == article.text }) { summary.alreadyStored += 1; continue }
                    stored.append(StoredArticle(rowid: Int64(stored.count + 1), article: article))
                    summary.added += 1
                }
                return summary
            }
        }

        func documentCount() async throws -> Int { note("documentCount"); return lock.withLock { stored.count } }

        func articles(afterRowID since: Int64, limit: Int) async throws -> [StoredArticle] {
            note("articles")
            return lock.withLock { Array(stored.filter { $0.rowid > since }.prefix(limit)) }
        }

        func article(id: String) async throws -> SourceArticle? {
            note("article")
            return lock.withLock { stored.first { $0.article.id == id }?.article }
        }

        func search(_ query: String, limit: Int) async throws -> [SearchHit] {
            note("search")
            let ids = lock.withLock { stored.filter { $0.article.text.contains(query) }.prefix(limit).map(\.article.id) }
            // SearchHit has no public initializer; it is Codable.
            return try ids.map { id in
                try JSONDecoder().decode(SearchHit.self, from: JSONSerialization.data(withJSONObject: [
                    "id": id, "snippet": "", "score": 1, "nearDuplicates": [String](),
                ]))
            }
        }

        func saveAnalysis(_ analysis: Analysis) async throws { note("saveAnalysis"); lock.withLock { analyses.append(analysis) } }

        func latestAnalysis() async throws -> Analysis? { note("latestAnalysis"); return lock.withLock { analyses.last } }
        func latestAnalysisNumber() async throws -> Int64? { lock.withLock { analyses.isEmpty ? nil : Int64(analyses.count) } }

        private var records: [Int64: StoredRecord] = [:]
        func storedRecords(version: String) async throws -> [Int64: StoredRecord] {
            note("storedRecords")
            return lock.withLock { records.filter { $0.value.version == version } }
        }
        func saveRecords(_ new: [StoredRecord]) async throws {
            note("saveRecords")
            lock.withLock { for r in new { records[r.rowid] = r } }
        }
    }

    func testServerRunsOverAnyRepositoryWithStoreCallsOnTheStoreQueue() throws {
        let repository = MemoryRepository()
        let server = try RasdServer(repository: repository, configuration: ServerConfiguration(host: "127.0.0.1", port: 0))
        let started = DispatchSemaphore(value: 0), stopped = DispatchSemaphore(value: 0)
        let box = Box()
        let task = Task {
            defer { stopped.signal() }
            try await server.run { port in box.port = port; started.signal() }
        }
        defer { task.cancel(); _ = stopped.wait(timeout: .now() + 30) }
        XCTAssertEqual(started.wait(timeout: .now() + 60), .success)
        let client = RawHTTPClient(port: box.port)
        let upload = #"[{"id": "m1", "text": "القاهرة - قال وزير الخارجية المصري إن المحادثات مستمرة مع الجانب الروسي."}]"#
        XCTAssertEqual(try client.post("/api/articles", body: Data(upload.utf8)).status, 200)
        XCTAssertEqual(try client.post("/api/analyze?wait=true", body: Data()).status, 200)
        XCTAssertEqual(try client.get("/api/documents").json()["total"] as? Int, 1)
        XCTAssertEqual(try client.get("/api/documents/m1").status, 200)
        let q = "المحادثات".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        XCTAssertEqual(try client.get("/api/documents?q=\(q)").json()["total"] as? Int, 1)
        XCTAssertEqual(try client.get("/api/health").json()["storedDocuments"] as? Int, 1)
        XCTAssertEqual(repository.callsOffTheStoreQueue, [])
    }

    private final class Box: @unchecked Sendable { var port = 0 }
}
