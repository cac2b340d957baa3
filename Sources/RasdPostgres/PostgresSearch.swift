import Foundation
import PostgresNIO
import RasdKit
import RasdStore

/// Full-text search with PostgreSQL's 'simple' configuration over the same normalized words and clitic-stripped
/// stems the SQLite store indexes (`SearchText`): every query word must match as written or by its stem; when no
/// article has them all, any suffices. Ranked by ts_rank (title words weigh double, longer texts a little less),
/// near-duplicates folded into the hit of the document they copy.
extension PostgresArticleStore {
    package func search(_ query: String, limit: Int = 10) async throws -> [SearchHit] {
        let terms = SearchText.terms(query, stemmer: stemmer)
        guard !terms.isEmpty, limit > 0 else { return [] }
        let hits = try await search(terms, anyWord: false, limit: limit)
        if !hits.isEmpty || terms.count == 1 { return hits }
        return try await search(terms, anyWord: true, limit: limit)
    }

    /// The tsquery of the terms: `(word | stem) & ...` built from plainto_tsquery pieces (one bind per word).
    static func tsquery(_ terms: [(word: String, stem: String)], anyWord: Bool, binds: inout PostgresBindings) -> String {
        func piece(_ s: String) -> String {
            binds.append(JSONText.clean(s))
            return "plainto_tsquery('simple', $\(binds.count))"
        }
        return terms.map { term in
            term.stem == term.word ? piece(term.word) : "(\(piece(term.word)) || \(piece(term.stem)))"
        }.joined(separator: anyWord ? " || " : " && ")
    }

    private func search(_ terms: [(word: String, stem: String)], anyWord: Bool, limit: Int) async throws -> [SearchHit] {
        var binds = PostgresBindings()
        let tsquery = Self.tsquery(terms, anyWord: anyWord, binds: &binds)
        binds.append(limit * 3)
        // ts_rank weights are {D, C, B, A}: body words (D) count half as much as title words (A).
        let sql = """
            SELECT d.rowid, d.id, d.title, d.published, d.source, d.url, d.text,
                   ts_rank('{0.5, 0.5, 0.5, 1.0}', d.search, q.query, 1)::float8 AS rank,
                   (SELECT n.duplicate_of FROM near_duplicates n WHERE n.document_rowid = d.rowid
                    ORDER BY n.duplicate_of LIMIT 1) AS duplicate_of
            FROM documents d, (SELECT \(tsquery) AS query) q
            WHERE d.search @@ q.query
            ORDER BY rank DESC, d.rowid
            LIMIT $\(binds.count)
            """
        typealias HitRow = (Int64, String, String?, String?, String?, String?, String, Double, Int64?)
        let rows: [HitRow] = try await withConnection { connection in
            var rows: [HitRow] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(HitRow.self) {
                rows.append(row)
            }
            return rows
        }
        var hits: [SearchHit] = []
        var hitByRowid: [Int64: Int] = [:]
        for (rowid, id, title, published, source, url, text, rank, duplicateOf) in rows {
            if let original = duplicateOf, let index = hitByRowid[original] {
                hits[index].nearDuplicates.append(id); continue
            }
            guard hits.count < limit else { continue }
            hitByRowid[rowid] = hits.count
            hits.append(SearchHit(id: id, title: title, published: published, source: source, url: url,
                                  snippet: Snippet.around(terms, in: text, stemmer: stemmer), score: rank, nearDuplicates: []))
        }
        return hits
    }
}
