import GRDB
import XCTest
import RasdKit
import RasdTestSupport
@testable import RasdStore

/// What only the SQLite store has (its schema, alias rows, the near-duplicate table, parallel preparation); what
/// every store must do is `RepositoryContract`, run on SQLite by `SQLiteContractTests`.
final class StoreTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func makeStore() throws -> ArticleStore { try ArticleStore(path: directory.appendingPathComponent("test.db").path) }

    static let articles = TestArticles.threeReports

    func testSchemaIsVersioned() throws {
        let store = try makeStore()
        let applied = try store.dbQueue.read { try StoreSchema.migrator.appliedIdentifiers($0) }
        XCTAssertEqual(applied, ["v1-documents", "v2-near-duplicates", "v3-analyses", "v4-article-records", "v5-analysis-keys", "v6-analysis-parts"])
        XCTAssertTrue(try store.dbQueue.read { try $0.tableExists("documents") })
    }

    /// An analysis larger than one row may hold is kept in parts and read back whole; pruning old analyses drops
    /// their parts (the 10⁹-byte limit is replaced here by a few bytes).
    func testALargeAnalysisIsKeptInParts() throws {
        let store = try makeStore()
        let big = Data("{\"documents\":[\"أ\",\"ب\",\"ج\"],\"events\":[]}".utf8)
        try store.saveAnalysisJSON(big, documentCount: 3, key: "k1", partBytes: 7)
        XCTAssertEqual(try store.latestAnalysisJSON(), big)
        XCTAssertEqual(try store.dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM analysis_parts") },
                       (big.count + 6) / 7)
        let small = Data("{\"documents\":[]}".utf8)
        try store.saveAnalysisJSON(small, documentCount: 0, key: "k2", partBytes: 1 << 20)
        XCTAssertEqual(try store.latestAnalysisJSON(), small)
        for n in 0..<keptAnalyses { try store.saveAnalysisJSON(small, documentCount: n, key: "k\(n + 3)", partBytes: 1 << 20) }
        XCTAssertEqual(try store.dbQueue.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM analysis_parts") }, 0,
                       "the parts of a pruned analysis go with it")
    }

    func testReingestAddsNothingAndLinksOtherIds() throws {
        let store = try makeStore()
        let first = try store.ingest(StoreTests.articles)
        XCTAssertEqual(first.added, 3)
        let again = try store.ingest(StoreTests.articles)
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.alreadyStored, 3)
        XCTAssertEqual(again.aliasesAdded, 0)
        XCTAssertEqual(try store.documentCount(), 3)

        // The same content under another id and source (extra spaces and diacritics do not matter).
        var copy = StoreTests.articles[0]
        copy.id = "other-7"; copy.source = "mirror"
        copy.text = "زار  وزيرُ الخارجية العراق أمس، والتقى رئيس الحكومة في بغداد لبحث ملف المياه."
        let linked = try store.ingest([copy, copy])
        XCTAssertEqual(linked.added, 0)
        XCTAssertEqual(linked.aliasesAdded, 1)
        XCTAssertEqual(try store.documentCount(), 3)
        let alias = try store.dbQueue.read { try Row.fetchOne($0, sql: "SELECT d.id AS stored, a.id, a.source FROM document_aliases a JOIN documents d ON d.rowid = a.document_rowid") }
        XCTAssertEqual(alias?["stored"], "a1")
        XCTAssertEqual(alias?["id"], "other-7")
        XCTAssertEqual(alias?["source"], "mirror")
    }

    /// Hashing and indexing several articles at once stores the same rows, index and signatures as one at a time.
    func testIngestWithFourJobsStoresTheSame() async throws {
        var copy = StoreTests.articles[1]
        copy.id = "a2-again"
        let batch = StoreTests.articles + [copy, SourceArticle(id: "empty", text: " ", origin: "e")] + StoreTests.articles.reversed()
        var dumps: [[String]] = []
        for jobs in [1, 4] {
            let store = try ArticleStore(path: directory.appendingPathComponent("jobs\(jobs).db").path)
            let summary = try await store.ingest(batch, jobs: jobs)
            XCTAssertEqual(summary.added, 3)
            XCTAssertEqual(summary.alreadyStored, 4)
            XCTAssertEqual(summary.aliasesAdded, 1)
            dumps.append(try await store.dbQueue.read { db in
                try Row.fetchAll(db, sql: "SELECT d.rowid, d.id, d.content_hash, f.body, s.minhash FROM documents d JOIN documents_fts f ON f.rowid = d.rowid JOIN document_signatures s ON s.document_rowid = d.rowid ORDER BY d.rowid").map(\.description)
                + (try Row.fetchAll(db, sql: "SELECT document_rowid, id FROM document_aliases ORDER BY id").map(\.description))
            })
        }
        XCTAssertEqual(dumps[0].count, 4)
        XCTAssertEqual(dumps[0], dumps[1])
    }

    func testNearDuplicatesAreLinkedAndFoldedInSearch() throws {
        let store = try makeStore()
        let story = "أعلنت وزارة الصحة اليوم تسجيل انخفاض كبير في عدد الإصابات بالمرض خلال الأسبوع الماضي، وقالت الوزارة في بيان إن حملة التطعيم الوطنية شملت أكثر من مليون شخص في مختلف المناطق، وإن المستشفيات عادت إلى العمل بطاقتها المعتادة بعد أشهر من الضغط الشديد على الطواقم الطبية."
        _ = try store.ingest([
            SourceArticle(id: "wire", text: story, origin: "a"),
            SourceArticle(id: "site", text: story + " المصدر: وكالة الأنباء.", origin: "b"),
            SourceArticle(id: "other", text: "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات دور النشر من مختلف الدول العربية والأجنبية.", origin: "c"),
        ])
        let links = try store.dbQueue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM near_duplicates") }
        XCTAssertEqual(links, 1)
        let hits = try store.search("حملة التطعيم")
        XCTAssertEqual(hits.map(\.id), ["wire"])
        XCTAssertEqual(hits.first?.nearDuplicates, ["site"])
    }
}
