import Foundation
import XCTest
import RasdKit
import RasdTestSupport
import RasdStore

/// What every `ArticleRepository` must do, checked through the protocol alone; `SQLiteContractTests` and
/// `PostgresContractTests` run each check on a fresh store of their kind.
enum RepositoryContract {
    /// Every check of the contract, each run on a fresh store by the store's test class.
    static let checks: [(name: String, check: @Sendable (any ArticleRepository) async throws -> Void)] = [
        ("re-ingest adds nothing and links other ids", reingestAddsNothingAndLinksOtherIds),
        ("duplicates within one batch are stored once", duplicatesWithinOneBatchAreStoredOnce),
        ("an empty article is not stored", emptyArticleIsNotStored),
        ("search matches clitic and spelling variants", searchMatchesCliticAndSpellingVariants),
        ("search ranks title and frequent matches first", searchRanksTitleAndFrequentMatchesFirst),
        ("near duplicates are linked and folded in search", nearDuplicatesAreLinkedAndFoldedInSearch),
        ("articles read back in ingest order", articlesReadBackInIngestOrder),
        ("the latest analysis is the one saved last", latestAnalysisIsTheOneSavedLast),
        ("incremental analysis equals a full one", IncrementalContract.incrementalEqualsFull),
        ("a live collection merges new articles", IncrementalContract.liveMergesNewArticles),
    ]

    static let articles = TestArticles.threeReports

    static func reingestAddsNothingAndLinksOtherIds(_ store: any ArticleRepository) async throws {
        let first = try await store.ingest(articles)
        XCTAssertEqual(first.added, 3)
        let again = try await store.ingest(articles)
        XCTAssertEqual(again.added, 0)
        XCTAssertEqual(again.alreadyStored, 3)
        XCTAssertEqual(again.aliasesAdded, 0)
        let count = try await store.documentCount()
        XCTAssertEqual(count, 3)

        // The same content under another id and source (extra spaces and diacritics do not matter), twice.
        var copy = articles[0]
        copy.id = "other-7"; copy.source = "mirror"
        copy.text = "زار  وزيرُ الخارجية العراق أمس، والتقى رئيس الحكومة في بغداد لبحث ملف المياه."
        let linked = try await store.ingest([copy, copy])
        XCTAssertEqual(linked.added, 0)
        XCTAssertEqual(linked.alreadyStored, 2)
        XCTAssertEqual(linked.aliasesAdded, 1)
        let after = try await store.documentCount()
        XCTAssertEqual(after, 3)
        let byAlias = try await store.article(id: "other-7")
        XCTAssertEqual(byAlias?.id, "a1")
        XCTAssertEqual(byAlias?.source, "wire")
    }

    static func duplicatesWithinOneBatchAreStoredOnce(_ store: any ArticleRepository) async throws {
        var copy = articles[1]; copy.id = "b-copy"
        let summary = try await store.ingest([articles[1], copy, articles[1]])
        XCTAssertEqual(summary.added, 1)
        XCTAssertEqual(summary.alreadyStored, 2)
        XCTAssertEqual(summary.aliasesAdded, 1)
        let stored = try await store.articles(afterRowID: 0, limit: 10)
        XCTAssertEqual(stored.map(\.article.id), ["a2"])
    }

    static func emptyArticleIsNotStored(_ store: any ArticleRepository) async throws {
        let summary = try await store.ingest([SourceArticle(id: "e", text: " \n ـــ ", origin: "e.txt")])
        XCTAssertEqual(summary, IngestSummary())
        let count = try await store.documentCount()
        XCTAssertEqual(count, 0)
    }

    static func searchMatchesCliticAndSpellingVariants(_ store: any ArticleRepository) async throws {
        _ = try await store.ingest(articles)
        func ids(_ q: String) async throws -> [String] { try await store.search(q, limit: 10).map(\.id).sorted() }
        var found = try await ids("العراق"); XCTAssertEqual(found, ["a1", "a3"])       // "بالعراق" in a3
        found = try await ids("والعراق"); XCTAssertEqual(found, ["a1", "a3"])
        found = try await ids("احمد"); XCTAssertEqual(found, ["a3"])                   // "أحمدُ" in the text
        found = try await ids("الطاقه الشمسيه"); XCTAssertEqual(found, ["a2"])         // ة written as ه
        found = try await ids("بغداد المياه"); XCTAssertEqual(found, ["a1"])
        found = try await ids("بغداد الشمسية"); XCTAssertEqual(found, ["a1", "a2"])    // no article has both: either
        found = try await ids("طوكيو"); XCTAssertEqual(found, [])
        found = try await ids("؟!"); XCTAssertEqual(found, [])
        let hits = try await store.search("والعراق", limit: 10)
        let hit = try XCTUnwrap(hits.first { $0.id == "a3" })
        XCTAssertTrue(hit.snippet.contains("[بالعراق]"), hit.snippet)
        XCTAssertEqual(hit.published, "2024-05-03")
        XCTAssertEqual(hit.title, "الاقتصاد")
        XCTAssertEqual(hit.source, "site")
    }

    static func searchRanksTitleAndFrequentMatchesFirst(_ store: any ArticleRepository) async throws {
        _ = try await store.ingest([
            SourceArticle(id: "low", text: "خبر عن الاقتصاد يذكر النفط مرة واحدة بين أمور كثيرة أخرى في المنطقة والعالم.", origin: "x"),
            SourceArticle(id: "high", text: "النفط يرتفع. أسعار النفط تقفز، وتجار النفط يتوقعون مزيدا من ارتفاع النفط.", title: "النفط", origin: "y"),
        ])
        let ranked = try await store.search("نفط", limit: 10).map(\.id)
        XCTAssertEqual(ranked, ["high", "low"])
    }

    static func nearDuplicatesAreLinkedAndFoldedInSearch(_ store: any ArticleRepository) async throws {
        let health = "أعلنت وزارة الصحة اليوم تسجيل انخفاض كبير في عدد الإصابات بالمرض خلال الأسبوع الماضي، وقالت الوزارة في بيان إن حملة التطعيم الوطنية شملت أكثر من مليون شخص في مختلف المناطق، وإن المستشفيات عادت إلى العمل بطاقتها المعتادة بعد أشهر من الضغط الشديد على الطواقم الطبية."
        let port = "افتتح وزير النقل صباح اليوم المرحلة الأولى من توسعة الميناء التجاري الشمالي بتكلفة بلغت ثلاثة مليارات، وأوضح في كلمته أن المشروع سيضاعف قدرة الميناء على استقبال السفن العملاقة ويوفر آلاف الوظائف لأبناء المنطقة خلال السنوات الخمس المقبلة وفق الخطة المعتمدة."
        let first = try await store.ingest([SourceArticle(id: "wire", text: health, origin: "a")])
        // A copy of a stored story (found in the store), and a story with its copy in the same batch.
        let second = try await store.ingest([
            SourceArticle(id: "other", text: "افتتح المعرض الدولي للكتاب أبوابه أمام الزوار بمشاركة مئات دور النشر من مختلف الدول العربية والأجنبية.", origin: "c"),
            SourceArticle(id: "site", text: health + " المصدر: وكالة الأنباء.", origin: "b"),
            SourceArticle(id: "port", text: port, origin: "d"),
            SourceArticle(id: "port-copy", text: port + " تابعونا على مواقع التواصل.", origin: "e"),
        ])
        XCTAssertEqual(first.nearDuplicates + second.nearDuplicates, 2)
        var hits = try await store.search("حملة التطعيم", limit: 10)
        XCTAssertEqual(hits.map(\.id), ["wire"])
        XCTAssertEqual(hits.first?.nearDuplicates, ["site"])
        hits = try await store.search("توسعة الميناء", limit: 10)
        XCTAssertEqual(hits.map(\.id), ["port"])
        XCTAssertEqual(hits.first?.nearDuplicates, ["port-copy"])
    }

    static func articlesReadBackInIngestOrder(_ store: any ArticleRepository) async throws {
        _ = try await store.ingest(articles)
        var copy = articles[1]; copy.id = "alias-2"
        _ = try await store.ingest([copy])
        let page = try await store.articles(afterRowID: 0, limit: 2)
        XCTAssertEqual(page.map(\.article), Array(articles.prefix(2)))
        let rest = try await store.articles(afterRowID: page.last!.rowid, limit: 1000)
        XCTAssertEqual(rest.map(\.article), [articles[2]])
        let byAlias = try await store.article(id: "alias-2")
        XCTAssertEqual(byAlias?.id, "a2")
        let none = try await store.article(id: "zzz")
        XCTAssertNil(none)
    }

    static func latestAnalysisIsTheOneSavedLast(_ store: any ArticleRepository) async throws {
        _ = try await store.ingest(articles)
        let none = try await store.latestAnalysis()
        XCTAssertNil(none)
        let noNumber = try await store.latestAnalysisNumber()
        XCTAssertNil(noNumber)
        let analyzer = try Analyzer()
        let first = analyzer.analyze(Array(articles.prefix(1)))
        let second = analyzer.analyze(articles)
        // More saves than the store keeps: the newest is the one read, and its number grows with each save.
        var numbers: [Int64] = []
        for analysis in Array(repeating: first, count: keptAnalyses + 1) + [second] {
            try await store.saveAnalysis(analysis)
            numbers.append(try await store.latestAnalysisNumber() ?? -1)
        }
        XCTAssertEqual(numbers, numbers.sorted())
        XCTAssertEqual(Set(numbers).count, numbers.count)
        let latest = try await store.latestAnalysis()
        XCTAssertEqual(latest?.documents.map(\.id), ["a1", "a2", "a3"])
        XCTAssertEqual(latest, second)
    }
}

/// The contract on the SQLite store (its own tests in RasdStoreTests check its internals).
final class SQLiteContractTests: XCTestCase {
    func run(_ check: (any ArticleRepository) async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("rasd-contract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await check(try ArticleStore(path: dir.appendingPathComponent("s.db").path))
    }

    func testContract() async throws {
        for (name, check) in RepositoryContract.checks {
            do { try await run(check) } catch { XCTFail("\(name): \(error)") }
        }
    }
}
