import Foundation
import XCTest
import RasdKit
import RasdStore
@testable import RasdPostgres

/// Opens a store on a fresh database, runs `body`, closes and drops it.
func withPostgresStore(_ body: (PostgresArticleStore, TestDatabase) async throws -> Void) async throws {
    let database = try await TestDatabase.make()
    do {
        let store = try await PostgresArticleStore.open(database.location)
        do { try await body(store, database) } catch { await store.close(); throw error }
        await store.close()
    } catch {
        await database.drop()
        throw error
    }
    await database.drop()
}

/// The repository contract on PostgreSQL.
final class PostgresContractTests: XCTestCase {
    func run(_ check: (any ArticleRepository) async throws -> Void) async throws {
        try await withPostgresStore { store, _ in try await check(store) }
    }

    func testContract() async throws {
        for (name, check) in RepositoryContract.checks {
            // Without a server every check skips: the skip is the test's, not a failure of the check.
            do { try await run(check) } catch let skip as XCTSkip { throw skip } catch { XCTFail("\(name): \(error)") }
        }
    }
}

/// What only PostgreSQL has: schema versions under an advisory lock, alias rows, concurrent writers.
final class PostgresStoreTests: XCTestCase {
    func testSchemaIsVersionedAndStoresOpeningTogetherMigrateOnce() async throws {
        let database = try await TestDatabase.make()
        do {
            // Four stores opening a new database at once: one migrates, the others wait and find it done.
            let stores = try await withThrowingTaskGroup(of: PostgresArticleStore.self) { group in
                for _ in 0..<4 { group.addTask { try await PostgresArticleStore.open(database.location) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let versions = try await stores[0].strings("SELECT version::text || ' ' || name FROM rasd_schema_versions ORDER BY version")
            XCTAssertEqual(versions, ["1 v1-documents", "2 v2-near-duplicates", "3 v3-analyses", "4 v4-article-records", "5 v5-analysis-keys",
                                      "6 v6-analysis-parts"])
            for store in stores { await store.close() }
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }

    /// An analysis too large for one jsonb value is kept in parts and read back whole; pruning drops the parts
    /// (the limit is replaced here by 50 bytes).
    func testALargeAnalysisIsKeptInParts() async throws {
        try await withPostgresStore { store, _ in
            let analysis = try Analyzer().analyze(RepositoryContract.articles)
            let json = try JSONOutput.encode(analysis)
            try await store.saveAnalysisJSON(json, documentCount: 3, key: "k1", partBytes: 50)
            let loaded = try await store.latestAnalysis().map { try JSONOutput.encode($0) }
            XCTAssertEqual(loaded, json)
            let parts = try await store.strings("SELECT count(*)::text FROM analysis_parts")
            XCTAssertEqual(parts, ["\((json.count + 49) / 50)"])
            for n in 0..<keptAnalyses { try await store.saveAnalysisJSON(json, documentCount: 3, key: "k\(n + 2)") }
            let left = try await store.strings("SELECT count(*)::text FROM analysis_parts")
            XCTAssertEqual(left, ["0"], "the parts of a pruned analysis go with it")
        }
    }

    func testAliasRowsKeepTheOtherNames() async throws {
        try await withPostgresStore { store, _ in
            _ = try await store.ingest(RepositoryContract.articles)
            var copy = RepositoryContract.articles[0]
            copy.id = "other-7"; copy.source = "mirror"; copy.url = nil; copy.origin = "g:9"
            _ = try await store.ingest([copy])
            let alias = try await store.strings("""
                SELECT d.id || '|' || a.id || '|' || a.source || '|' || a.url || '|' || a.origin
                FROM document_aliases a JOIN documents d ON d.rowid = a.document_rowid
                """)
            XCTAssertEqual(alias, ["a1|other-7|mirror||g:9"])
        }
    }

    func testNullCharactersAreStoredAsReplacementCharacters() async throws {
        try await withPostgresStore { store, _ in
            let text = "نص فيه\u{0}حرف فارغ في وسطه."
            let summary = try await store.ingest([SourceArticle(id: "n\u{0}", text: text, origin: "n")])
            XCTAssertEqual(summary.added, 1)
            let stored = try await store.articles(afterRowID: 0, limit: 1).first?.article
            XCTAssertEqual(stored?.text, "نص فيه\u{FFFD}حرف فارغ في وسطه.")
            XCTAssertEqual(stored?.text.unicodeScalars.count, text.unicodeScalars.count)
        }
    }

    /// Several writers (two stores, three tasks each) ingest overlapping batches in different orders: every
    /// content is stored once, every id is a document or an alias, and nobody fails.
    func testConcurrentWritersNeitherLoseNorDuplicate() async throws {
        let database = try await TestDatabase.make()
        do {
            let a = try await PostgresArticleStore.open(database.location)
            let b = try await PostgresArticleStore.open(database.location)
            var generator = SplitMix64(seed: 7)
            let words = ["الحكومة", "وزير", "الاقتصاد", "مدينة", "اجتماع", "مشروع", "الطاقة", "المياه", "التعليم", "الصحة"]
            let contents = (0..<300).map { i in
                (0..<25).map { _ in words[Int(generator.next() % UInt64(words.count))] }.joined(separator: " ") + " رقم \(i)."
            }
            // Writer w sees content i under id "w<w>-<i>"; batches of 40 in shuffled order.
            let writers = (0..<6).map { w -> [[SourceArticle]] in
                var order = Array(contents.indices)
                var rng = SplitMix64(seed: UInt64(w + 1))
                order.shuffle(using: &rng)
                let articles = order.map { SourceArticle(id: "w\(w)-\($0)", text: contents[$0], origin: "w\(w)") }
                return stride(from: 0, to: articles.count, by: 40).map { Array(articles[$0..<min($0 + 40, articles.count)]) }
            }
            let summaries = try await withThrowingTaskGroup(of: IngestSummary.self) { group in
                for (w, batches) in writers.enumerated() {
                    let store = w % 2 == 0 ? a : b
                    group.addTask {
                        var total = IngestSummary()
                        for batch in batches { total = total + (try await store.ingest(batch)) }
                        return total
                    }
                }
                return try await group.reduce(IngestSummary(), +)
            }
            XCTAssertEqual(summaries.added, contents.count)
            XCTAssertEqual(summaries.alreadyStored, 5 * contents.count)
            XCTAssertEqual(summaries.aliasesAdded, 5 * contents.count)
            let count = try await a.documentCount()
            XCTAssertEqual(count, contents.count)
            let aliases = try await a.int("SELECT count(*) FROM document_aliases")
            XCTAssertEqual(aliases, 5 * contents.count)
            let ids = try await a.int("SELECT count(DISTINCT id) FROM (SELECT id FROM documents UNION ALL SELECT id FROM document_aliases) ids")
            XCTAssertEqual(ids, 6 * contents.count)
            await a.close()
            await b.close()
        } catch {
            await database.drop()
            throw error
        }
        await database.drop()
    }
}

