import Foundation
import GRDB
import RasdKit

/// One search result.
package struct SearchHit: Sendable, Equatable, Codable {
    package var id: String
    package var title: String?
    package var published: String?
    package var source: String?
    package var url: String?
    /// A piece of the original text around the first matching word, the word in [brackets].
    package var snippet: String
    /// BM25 score (SQLite's sign flipped: higher is better).
    package var score: Double
    /// Ids of near-duplicate documents folded into this hit (the same story elsewhere).
    package var nearDuplicates: [String]

    package init(id: String, title: String?, published: String?, source: String?, url: String?, snippet: String,
                score: Double, nearDuplicates: [String]) {
        self.id = id
        self.title = title
        self.published = published
        self.source = source
        self.url = url
        self.snippet = snippet
        self.score = score
        self.nearDuplicates = nearDuplicates
    }
}

extension ArticleStore {
    /// Articles matching every word of the query (normalized, or by clitic-stripped stem), best first
    /// (BM25, title words weighing double); when none has them all, articles with any of them.
    /// Near-duplicates of a better hit are folded into it.
    package func search(_ query: String, limit: Int = 10) throws -> [SearchHit] {
        let terms = SearchText.terms(query, stemmer: stemmer)
        guard !terms.isEmpty, limit > 0 else { return [] }
        let hits = try search(terms, expression: SearchText.matchExpression(terms), limit: limit)
        if !hits.isEmpty || terms.count == 1 { return hits }
        return try search(terms, expression: SearchText.matchExpression(terms, anyWord: true), limit: limit)
    }

    private func search(_ terms: [(word: String, stem: String)], expression: String, limit: Int) throws -> [SearchHit] {
        try dbQueue.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT d.rowid AS rowid, d.id, d.title, d.published, d.source, d.url, d.text,
                       bm25(documents_fts, 2.0, 1.0) AS rank,
                       (SELECT duplicate_of FROM near_duplicates n WHERE n.document_rowid = d.rowid) AS duplicate_of
                FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
                WHERE documents_fts MATCH ?
                ORDER BY rank LIMIT ?
                """, arguments: [expression, limit * 3])
            var hits: [SearchHit] = []
            var hitByRowid: [Int64: Int] = [:]
            for row in rows {
                let rowid: Int64 = row["rowid"]
                if let original: Int64 = row["duplicate_of"], let index = hitByRowid[original] {
                    hits[index].nearDuplicates.append(row["id"]); continue
                }
                guard hits.count < limit else { continue }
                hitByRowid[rowid] = hits.count
                hits.append(SearchHit(id: row["id"], title: row["title"], published: row["published"], source: row["source"],
                                      url: row["url"], snippet: Snippet.around(terms, in: row["text"], stemmer: stemmer),
                                      score: -(row["rank"] as Double), nearDuplicates: []))
            }
            return hits
        }
    }
}

/// A short piece of the original text around the first word that matches the query.
package enum Snippet {
    package static func around(_ terms: [(word: String, stem: String)], in text: String, stemmer: CliticStripper,
                       before: Int = 60, after: Int = 120) -> String {
        let scalars = ScalarText(text)
        let words = Set(terms.map(\.word)), stems = Set(terms.map(\.stem))
        let tokens = SearchText.tokenizer.tokenize(scalars)
        let hit = tokens.first { words.contains($0.norm) || ($0.kind == .arabic && stems.contains(stemmer.stem($0.norm))) }
        guard let hit else { return flat(scalars.string(0..<min(scalars.count, before + after))) }
        var start = max(0, hit.start - before), end = min(scalars.count, hit.end + after)
        while start > 0, start < hit.start, !scalars[start - 1].properties.isWhitespace { start += 1 }
        while end < scalars.count, end > hit.end, !scalars[end].properties.isWhitespace { end -= 1 }
        let text = (start > 0 ? "…" : "") + scalars.string(start..<hit.start) + "[" + scalars.string(hit.start..<hit.end) + "]"
            + scalars.string(hit.end..<end) + (end < scalars.count ? "…" : "")
        return flat(text)
    }

    /// One line: white space runs collapsed, ends trimmed.
    package static func flat(_ s: String) -> String {
        HTMLTree.collapse(s)
    }
}
