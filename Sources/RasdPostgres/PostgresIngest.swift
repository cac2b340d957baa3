import Foundation
import PostgresNIO
import RasdKit
import RasdStore

/// Ingest into PostgreSQL, safe with several workers writing one database at once:
/// - a batch is one transaction (retried whole after a deadlock or serialization failure);
/// - a new content is stored by `INSERT ... ON CONFLICT (content_hash) DO NOTHING RETURNING rowid`: when another
///   worker inserted the same content and has not committed yet, PostgreSQL makes this insert wait for that
///   transaction, then skips the row (the other committed) or stores it (the other rolled back), so a content is
///   stored exactly once and never lost;
/// - rows are inserted in content_hash order, so two batches always take their row locks in the same order and
///   cannot deadlock each other; their `rowid`s are drawn beforehand in input order, so ingest order is kept;
/// - every article not stored by this batch (already there, stored by another worker, or twice in the batch)
///   becomes a `document_aliases` row (ON CONFLICT DO NOTHING) when its id, source or url differ.
extension PostgresArticleStore {
    package func ingest(_ articles: [SourceArticle], jobs: Int) async throws -> IngestSummary {
        let hashed = await PreparedArticle.hashed(articles, jobs: jobs)
        guard !hashed.isEmpty else { return IngestSummary() }
        let known = try await storedHashes(Array(Set(hashed.map(\.1))))
        // The first sighting of a new content in the batch is the one to store; the expensive preparation
        // (index text, MinHash) happens before the transaction and only for those.
        var firstSightings = Set<String>()
        var firstOnes: [(SourceArticle, String, Bool)] = []
        var others: [(article: SourceArticle, hash: String)] = []
        for (article, hash) in hashed {
            if !known.contains(hash), firstSightings.insert(hash).inserted {
                firstOnes.append((article, hash, true))
            } else {
                others.append((article, hash))
            }
        }
        let candidates = await PreparedArticle.prepared(firstOnes, jobs: jobs, stemmer: stemmer, nearDuplicates: nearDuplicates)
        let documents = candidates.map(DocumentRow.init)
        return try await inTransaction { connection in
            var summary = IngestSummary()
            let stored = try await self.insertDocuments(documents, connection)
            summary.added = stored.count
            summary.alreadyStored = hashed.count - stored.count
            let storedArticles = zip(candidates, stored.rowids).compactMap { p, rowid in rowid.map { (p, $0) } }
            summary.nearDuplicates = try await self.linkNearDuplicates(storedArticles, connection)
            let unstored = zip(candidates, stored.rowids).filter { $0.1 == nil }.map { ($0.0.article, $0.0.contentHash) }
            summary.aliasesAdded = try await self.insertAliases(others + unstored, connection)
            return summary
        }
    }

    /// Which of these contents are stored already (committed by anyone).
    func storedHashes(_ hashes: [String]) async throws -> Set<String> {
        try await withConnection { connection in
            var known = Set<String>()
            let rows = try await connection.query("SELECT content_hash FROM documents WHERE content_hash = ANY(\(hashes))", logger: logger)
            for try await hash in rows.decode(String.self) { known.insert(hash) }
            return known
        }
    }

    /// Inserts the documents; returns, per document, the rowid it got, or nil when its content was there already.
    func insertDocuments(_ documents: [DocumentRow], _ connection: PostgresConnection) async throws -> (rowids: [Int64?], count: Int) {
        guard !documents.isEmpty else { return ([], 0) }
        var numbered = documents
        var rowids: [Int64] = []
        for try await rowid in try await connection.query("""
            SELECT nextval(pg_get_serial_sequence('documents', 'rowid')) FROM generate_series(1, \(documents.count))
            """, logger: logger).decode(Int64.self) {
            rowids.append(rowid)
        }
        for i in numbered.indices { numbered[i].rowid = rowids[i] }
        let json = String(decoding: try JSONEncoder().encode(numbered), as: UTF8.self)
        var inserted = Set<Int64>()
        for try await rowid in try await connection.query("""
            INSERT INTO documents (rowid, content_hash, id, title, source, url, published, byline, dateline, text, origin, search)
            SELECT rowid, content_hash, id, title, source, url, published, byline, dateline, text, origin,
                   setweight(to_tsvector('simple', indexed_title), 'A') || to_tsvector('simple', indexed_body)
            FROM json_to_recordset(\(json)::json) AS x(
                rowid bigint, content_hash text, id text, title text, source text, url text, published text,
                byline text, dateline text, text text, origin text, indexed_title text, indexed_body text)
            ORDER BY content_hash
            ON CONFLICT (content_hash) DO NOTHING
            RETURNING rowid
            """, logger: logger).decode(Int64.self) {
            inserted.insert(rowid)
        }
        return (rowids.map { inserted.contains($0) ? $0 : nil }, inserted.count)
    }

    /// Records other names of stored contents; returns how many were new.
    func insertAliases(_ articles: [(article: SourceArticle, hash: String)], _ connection: PostgresConnection) async throws -> Int {
        guard !articles.isEmpty else { return 0 }
        let rows = articles.map { AliasRow(content_hash: $0.hash, id: JSONText.clean($0.article.id), source: JSONText.clean($0.article.source),
                                           url: JSONText.clean($0.article.url), origin: JSONText.clean($0.article.origin)) }
        let json = String(decoding: try JSONEncoder().encode(rows), as: UTF8.self)
        var added = 0
        // Not an alias when the sighting is the stored row's own id, source and url. Sorted like the documents,
        // for the same lock order in every worker.
        for try await _ in try await connection.query("""
            INSERT INTO document_aliases (document_rowid, id, source, url, origin)
            SELECT DISTINCT ON (d.rowid, x.id, coalesce(x.source, ''), coalesce(x.url, ''))
                   d.rowid, x.id, coalesce(x.source, ''), coalesce(x.url, ''), x.origin
            FROM json_to_recordset(\(json)::json) AS x(content_hash text, id text, source text, url text, origin text)
            JOIN documents d ON d.content_hash = x.content_hash
            WHERE NOT (d.id = x.id AND d.source IS NOT DISTINCT FROM x.source AND d.url IS NOT DISTINCT FROM x.url)
            ORDER BY d.rowid, x.id, coalesce(x.source, ''), coalesce(x.url, '')
            ON CONFLICT DO NOTHING
            RETURNING 1
            """, logger: logger).decode(Int.self) {
            added += 1
        }
        return added
    }
}

/// One document as sent to PostgreSQL (a JSON array of these, read back with json_to_recordset).
struct DocumentRow: Encodable {
    var rowid: Int64 = 0
    var content_hash: String
    var id: String
    var title: String?
    var source: String?
    var url: String?
    var published: String?
    var byline: String?
    var dateline: String?
    var text: String
    var origin: String
    var indexed_title: String
    var indexed_body: String

    init(_ p: PreparedArticle) {
        let a = p.article
        content_hash = p.contentHash
        id = JSONText.clean(a.id)
        title = JSONText.clean(a.title)
        source = JSONText.clean(a.source)
        url = JSONText.clean(a.url)
        published = a.published?.iso
        byline = JSONText.clean(a.byline)
        dateline = JSONText.clean(a.dateline)
        text = JSONText.clean(a.text)
        origin = JSONText.clean(a.origin)
        indexed_title = p.indexedTitle
        indexed_body = DocumentRow.capped(p.indexedBody)
    }

    /// A tsvector holds at most 1 MB: the index text of a giant article is cut (its words beyond stay unsearchable).
    static func capped(_ s: String, bytes: Int = 400_000) -> String {
        guard s.utf8.count > bytes else { return s }
        var end = s.utf8.index(s.utf8.startIndex, offsetBy: bytes)
        while end > s.startIndex, s.utf8[end] != UInt8(ascii: " ") { end = s.utf8.index(before: end) }
        return String(s[..<end])
    }
}

struct AliasRow: Encodable {
    var content_hash: String
    var id: String
    var source: String?
    var url: String?
    var origin: String
}
