import GRDB
import XCTest
import RasdKit
@testable import RasdStore

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

    static let articles = [
        SourceArticle(id: "a1", text: "زار وزير الخارجية العراق أمس، والتقى رئيس الحكومة في بغداد لبحث ملف المياه.",
                      title: "زيارة إلى بغداد", published: PartialDate(iso: "2024-05-01"), source: "wire", origin: "f:1"),
        SourceArticle(id: "a2", text: "أعلنت الحكومة السعودية عن خطة جديدة للطاقة الشمسية بالتعاون مع شركات دولية.",
                      title: "خطة للطاقة", published: PartialDate(iso: "2024-05-02"), source: "wire", origin: "f:2"),
        SourceArticle(id: "a3", text: "قال أحمدُ الخبير إن الاقتصاد بالعراق يتعافى تدريجيا بعد سنوات من الأزمة.",
                      title: "الاقتصاد", published: PartialDate(iso: "2024-05-03"), source: "site", origin: "f:3"),
    ]

    func testSchemaIsVersioned() throws {
        let store = try makeStore()
        let applied = try store.dbQueue.read { try StoreSchema.migrator.appliedIdentifiers($0) }
        XCTAssertEqual(applied, ["v1-documents", "v2-near-duplicates", "v3-analyses"])
        XCTAssertTrue(try store.dbQueue.read { try $0.tableExists("documents") })
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

    func testEmptyArticleIsNotStored() throws {
        let store = try makeStore()
        let summary = try store.ingest([SourceArticle(id: "e", text: " \n ـــ ", origin: "e.txt")])
        XCTAssertEqual(summary.added, 0)
        XCTAssertEqual(try store.documentCount(), 0)
    }

    func testSearchMatchesCliticAndSpellingVariants() throws {
        let store = try makeStore()
        _ = try store.ingest(StoreTests.articles)
        func ids(_ q: String) throws -> [String] { try store.search(q, limit: 10).map(\.id).sorted() }
        XCTAssertEqual(try ids("العراق"), ["a1", "a3"])      // "بالعراق" in a3
        XCTAssertEqual(try ids("والعراق"), ["a1", "a3"])
        XCTAssertEqual(try ids("احمد"), ["a3"])               // "أحمدُ" in the text
        XCTAssertEqual(try ids("الطاقه الشمسيه"), ["a2"])     // ة written as ه
        XCTAssertEqual(try ids("بغداد المياه"), ["a1"])
        XCTAssertEqual(try ids("بغداد الشمسية"), ["a1", "a2"])     // no article has both: either word
        XCTAssertEqual(try ids("طوكيو"), [])
        XCTAssertEqual(try ids("؟!"), [])
        let hit = try XCTUnwrap(try store.search("والعراق").first { $0.id == "a3" })
        XCTAssertTrue(hit.snippet.contains("[بالعراق]"), hit.snippet)
        XCTAssertEqual(hit.published, "2024-05-03")
        XCTAssertEqual(hit.title, "الاقتصاد")
    }

    func testSearchRanksTitleAndFrequentMatchesFirst() throws {
        let store = try makeStore()
        _ = try store.ingest([
            SourceArticle(id: "low", text: "خبر عن الاقتصاد يذكر النفط مرة واحدة بين أمور كثيرة أخرى في المنطقة والعالم.", origin: "x"),
            SourceArticle(id: "high", text: "النفط يرتفع. أسعار النفط تقفز، وتجار النفط يتوقعون مزيدا من ارتفاع النفط.", title: "النفط", origin: "y"),
        ])
        XCTAssertEqual(try store.search("نفط").map(\.id), ["high", "low"])
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

extension StoreTests {
    func testArticlesReadBackForAnalysis() throws {
        let store = try makeStore()
        _ = try store.ingest(StoreTests.articles)
        var copy = StoreTests.articles[1]; copy.id = "alias-2"
        _ = try store.ingest([copy])
        let page = try store.articles(limit: 2)
        XCTAssertEqual(page.map(\.article), Array(StoreTests.articles.prefix(2)))
        let rest = try store.articles(afterRowID: page.last!.rowid)
        XCTAssertEqual(rest.map(\.article.id), ["a3"])
        XCTAssertEqual(try store.article(id: "alias-2")?.id, "a2")
        XCTAssertNil(try store.article(id: "zzz"))
    }

    func testLatestAnalysisIsTheOneSavedLast() async throws {
        let store = try makeStore()
        let repository: any ArticleRepository = store
        _ = try await repository.ingest(StoreTests.articles)
        let none = try await repository.latestAnalysis()
        XCTAssertNil(none)
        let analyzer = try Analyzer()
        let first = analyzer.analyze(Array(StoreTests.articles.prefix(1)))
        let second = analyzer.analyze(StoreTests.articles)
        try await repository.saveAnalysis(first)
        try await repository.saveAnalysis(second)
        let latest = try await repository.latestAnalysis()
        XCTAssertEqual(latest?.documents.map(\.id), ["a1", "a2", "a3"])
        XCTAssertEqual(latest, second)
    }
}
