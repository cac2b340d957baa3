import Foundation
import GRDB
import RasdKit

/// Per-article records kept for incremental analysis (`article_records`, migration v4).
extension ArticleStore {
    package func storedRecords(version: String) throws -> [Int64: StoredRecord] {
        try storedRecords(version: version, withData: true)
    }

    package func storedRecordKeys(version: String) throws -> [Int64: StoredRecord] {
        try storedRecords(version: version, withData: false)
    }

    func storedRecords(version: String, withData: Bool) throws -> [Int64: StoredRecord] {
        try dbQueue.read { db in
            var out: [Int64: StoredRecord] = [:]
            let rows = try Row.fetchCursor(db, sql: """
                SELECT document_rowid, input_digest, lines, lookups, context_key\(withData ? ", records" : "")
                FROM article_records WHERE version = ?
                """, arguments: [version])
            while let row = try rows.next() {
                let rowid: Int64 = row[0]
                out[rowid] = StoredRecord(rowid: rowid, version: version, inputDigest: row[1],
                                          lines: PreparedArticle.signature(from: row[2]),
                                          lookups: PreparedArticle.signature(from: row[3]), contextKey: row[4],
                                          data: withData ? row[5] : Data())
            }
            return out
        }
    }

    package func saveRecords(_ records: [StoredRecord]) throws {
        guard !records.isEmpty else { return }
        try dbQueue.write { db in
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO article_records (document_rowid, version, input_digest, lines, lookups, context_key, records)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """)
            for r in records {
                try statement.execute(arguments: [r.rowid, r.version, r.inputDigest, PreparedArticle.blob(r.lines),
                                                  PreparedArticle.blob(r.lookups), r.contextKey, r.data])
            }
        }
    }

    /// Number of stored records (of any version), for tests and `check`.
    package func recordCount() throws -> Int {
        try dbQueue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM article_records") ?? 0 }
    }
}
