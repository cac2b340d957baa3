import Foundation
import GRDB
import RasdKit

/// The SQLite store of ingested articles (GRDB). One `documents` row per distinct content; an article seen
/// again under another id, source or url becomes a `document_aliases` row; near-duplicates are linked in
/// `near_duplicates`. Every batch is one transaction, so a killed run leaves the store as of its last batch.
package final class ArticleStore: Sendable {
    package let dbQueue: DatabaseQueue
    let nearDuplicates = NearDuplicateDetector()
    let stemmer = CliticStripper.shared

    package typealias IngestSummary = RasdStore.IngestSummary

    /// Opens (creating if needed) the store at `path` and migrates it to the newest schema.
    package init(path: String) throws {
        var config = Configuration()
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        config.journalMode = .wal
        dbQueue = try DatabaseQueue(path: path, configuration: config)
        try StoreSchema.migrator.migrate(dbQueue)
    }

    package func documentCount() throws -> Int {
        try dbQueue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }
    }

    /// Stores a batch of articles in one transaction. Empty articles are skipped (readers report them).
    package func ingest(_ articles: [SourceArticle], now: Date = Date()) throws -> IngestSummary {
        // Hash first: content already stored needs no index text or signature (a re-run is cheap).
        let hashed = articles.compactMap { article in PreparedArticle.contentHash(article).map { (article, $0) } }
        let known = try storedHashes(hashed.map(\.1))
        // The expensive part (stemming, MinHash) happens outside the write transaction.
        let prepared = hashed.map { article, hash in
            PreparedArticle(article, contentHash: hash, full: !known.contains(hash), stemmer: stemmer, nearDuplicates: nearDuplicates)
        }
        return try store(prepared, now: now)
    }

    /// The same, hashing and preparing up to `jobs` articles at once.
    package func ingest(_ articles: [SourceArticle], jobs: Int) async throws -> IngestSummary {
        let now = Date()
        let hashed = await PreparedArticle.hashed(articles, jobs: jobs)
        let known = try storedHashes(hashed.map(\.1))
        let prepared = await PreparedArticle.prepared(hashed.map { ($0.0, $0.1, !known.contains($0.1)) }, jobs: jobs,
                                                      stemmer: stemmer, nearDuplicates: nearDuplicates)
        return try store(prepared, now: now)
    }

    /// Which of these content hashes are stored.
    private func storedHashes(_ hashes: [String]) throws -> Set<String> {
        try dbQueue.read { db in
            var known = Set<String>()
            for start in stride(from: 0, to: hashes.count, by: 500) {
                let chunk = Array(hashes[start..<min(start + 500, hashes.count)])
                known.formUnion(try String.fetchAll(db, sql: """
                    SELECT content_hash FROM documents WHERE content_hash IN (\(databaseQuestionMarks(count: chunk.count)))
                    """, arguments: StatementArguments(chunk)))
            }
            return known
        }
    }

    /// Stores prepared articles in one transaction.
    private func store(_ prepared: [PreparedArticle], now: Date) throws -> IngestSummary {
        let stamp = ISO8601DateFormatter().string(from: now)
        return try dbQueue.write { db in
            var summary = IngestSummary()
            for article in prepared {
                try store(article, stamp: stamp, db: db, summary: &summary)
            }
            return summary
        }
    }

    private func store(_ p: PreparedArticle, stamp: String, db: Database, summary: inout IngestSummary) throws {
        let a = p.article
        if let existing = try Row.fetchOne(db.cachedStatement(sql: "SELECT rowid, id, source, url FROM documents WHERE content_hash = ?"),
                                           arguments: [p.contentHash]) {
            summary.alreadyStored += 1
            let rowid: Int64 = existing["rowid"]
            let sameAsStored = (existing["id"] as String) == a.id && (existing["source"] as String?) == a.source
                && (existing["url"] as String?) == a.url
            if !sameAsStored {
                try db.cachedStatement(sql: """
                    INSERT OR IGNORE INTO document_aliases (document_rowid, id, source, url, origin, seen_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [rowid, a.id, a.source ?? "", a.url ?? "", a.origin, stamp])
                summary.aliasesAdded += db.changesCount
            }
            return
        }
        // Known when the batch was planned but gone now (deleted meanwhile): left for the next run.
        guard p.isPrepared else { return }
        try db.cachedStatement(sql: """
            INSERT INTO documents (content_hash, id, title, source, url, published, byline, dateline, text, origin, ingested_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [p.contentHash, a.id, a.title, a.source, a.url, a.published?.iso, a.byline, a.dateline,
                             a.text, a.origin, stamp])
        let rowid = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO documents_fts (rowid, title, body) VALUES (?, ?, ?)").execute(
                arguments: [rowid, p.indexedTitle, p.indexedBody])
        guard !p.signature.isEmpty else { return }
        // Near-duplicates: earlier documents sharing an LSH band, confirmed on the whole signature.
        var candidates = Set<Int64>()
        for (band, hash) in p.bands.enumerated() {
            let rows = try Int64.fetchAll(db.cachedStatement(sql: "SELECT document_rowid FROM document_bands WHERE band = ? AND hash = ?"),
                                          arguments: [band, hash])
            candidates.formUnion(rows)
        }
        var best: (rowid: Int64, similarity: Double)?
        for candidate in candidates.sorted() {
            guard let blob = try Data.fetchOne(db.cachedStatement(sql: "SELECT minhash FROM document_signatures WHERE document_rowid = ?"),
                                               arguments: [candidate]) else { continue }
            let similarity = NearDuplicateDetector.similarity(p.signature, PreparedArticle.signature(from: blob))
            if similarity >= nearDuplicates.threshold, similarity > (best?.similarity ?? 0) { best = (candidate, similarity) }
        }
        if let best {
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO near_duplicates (document_rowid, duplicate_of, similarity) VALUES (?, ?, ?)").execute(
                arguments: [rowid, best.rowid, best.similarity])
            summary.nearDuplicates += 1
        }
        try db.cachedStatement(sql: "INSERT INTO document_signatures (document_rowid, minhash) VALUES (?, ?)").execute(
                arguments: [rowid, PreparedArticle.blob(p.signature)])
        for (band, hash) in p.bands.enumerated() {
            try db.cachedStatement(sql: "INSERT INTO document_bands (document_rowid, band, hash) VALUES (?, ?, ?)").execute(
                arguments: [rowid, band, hash])
        }
        summary.added += 1
    }

    /// Consistency checks for tests and `rasd`: SQLite's integrity check and the index matching the table.
    package func check() throws -> (integrity: String, documents: Int, indexed: Int) {
        try dbQueue.read { db in
            (try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?",
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM documents_fts") ?? 0)
        }
    }
}

/// An article with everything a store needs computed: content hash, index text, MinHash signature.
package struct PreparedArticle: Sendable {
    package var article: SourceArticle
    package var contentHash: String
    package var indexedTitle: String
    package var indexedBody: String
    package var signature: [UInt64]
    package var bands: [Int]
    package var isPrepared: Bool

    /// `full`: also the index text and signature (not needed for content already stored).
    package init(_ article: SourceArticle, contentHash: String, full: Bool, stemmer: CliticStripper, nearDuplicates: NearDuplicateDetector) {
        self.article = article
        self.contentHash = contentHash
        indexedTitle = full ? SearchText.indexed(article.title ?? "", stemmer: stemmer) : ""
        // One tokenization for the index and the MinHash signature.
        let tokens = full ? SearchText.tokenizer.tokenize(ScalarText(article.text)) : []
        indexedBody = full ? SearchText.indexed(tokens: tokens, stemmer: stemmer) : ""
        signature = full ? nearDuplicates.signature(tokens: tokens) : []
        bands = nearDuplicates.bandHashes(signature)
        isPrepared = full
    }

    /// SHA-256 (hex) of the normalized text; nil for an empty article (never stored).
    package static func contentHash(_ article: SourceArticle) -> String? {
        let key = ContentHash.key(article.text)
        return key.isEmpty ? nil : SHA256.hex(Array(key.utf8))
    }

    /// The articles of a batch with their content hashes, hashed up to `jobs` at a time; empty articles are left out.
    package static func hashed(_ articles: [SourceArticle], jobs: Int) async -> [(SourceArticle, String)] {
        var out: [(SourceArticle, String)] = []
        await ArticleRunner(jobs: jobs).run(articles.count, { contentHash(articles[$0]) }) { i, hash in
            if let hash { out.append((articles[i], hash)) }
        }
        return out
    }

    /// Prepares (article, content hash, full) items up to `jobs` at a time, in order.
    package static func prepared(_ items: [(SourceArticle, String, Bool)], jobs: Int, stemmer: CliticStripper,
                                nearDuplicates: NearDuplicateDetector) async -> [PreparedArticle] {
        var out: [PreparedArticle] = []
        out.reserveCapacity(items.count)
        await ArticleRunner(jobs: jobs).run(items.count, { i in
            PreparedArticle(items[i].0, contentHash: items[i].1, full: items[i].2, stemmer: stemmer, nearDuplicates: nearDuplicates)
        }) { _, p in out.append(p) }
        return out
    }

    package static func blob(_ signature: [UInt64]) -> Data {
        var data = Data(capacity: signature.count * 8)
        for v in signature { withUnsafeBytes(of: v.littleEndian) { data.append(contentsOf: $0) } }
        return data
    }

    package static func signature(from blob: Data) -> [UInt64] {
        let bytes = [UInt8](blob)
        var words: [UInt64] = []
        words.reserveCapacity(bytes.count / 8)
        var i = 0
        while i + 8 <= bytes.count {
            var word: UInt64 = 0
            for k in 0..<8 { word |= UInt64(bytes[i + k]) << UInt64(8 * k) }
            words.append(word)
            i += 8
        }
        return words
    }
}
