import Foundation
import GRDB
import RasdKit

/// Reading articles back for analysis: the pipeline takes `SourceArticle`s whatever their origin.
extension ArticleStore {
    /// Stored articles in ingest order (`rowid`), a page at a time; `since` limits to rows after a rowid (for
    /// analysing only what a later ingest added).
    package func articles(afterRowID since: Int64 = 0, limit: Int = 1000) throws -> [StoredArticle] {
        try dbQueue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT rowid, id, title, source, url, published, byline, dateline, text, origin
                FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?
                """, arguments: [since, limit]).map { row in
                StoredArticle(rowid: row["rowid"], article: ArticleStore.article(row))
            }
        }
    }

    /// The stored article with this id (or alias id), if any.
    package func article(id: String) throws -> SourceArticle? {
        try dbQueue.read { db in
            try Row.fetchOne(db, sql: """
                SELECT id, title, source, url, published, byline, dateline, text, origin FROM documents
                WHERE id = ? OR rowid IN (SELECT document_rowid FROM document_aliases WHERE id = ?)
                ORDER BY rowid LIMIT 1
                """, arguments: [id, id]).map(ArticleStore.article)
        }
    }

    static func article(_ row: Row) -> SourceArticle {
        SourceArticle(id: row["id"], text: row["text"], title: row["title"],
                      published: (row["published"] as String?).flatMap { PartialDate(iso: $0) },
                      source: row["source"], url: row["url"], origin: row["origin"],
                      byline: row["byline"], dateline: row["dateline"])
    }
}
