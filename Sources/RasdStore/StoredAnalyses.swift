import Foundation
import GRDB
import RasdKit

/// Analyses of the stored articles, kept as the JSON the `analyze` command writes.
extension ArticleStore {
    package func saveAnalysis(_ analysis: Analysis) throws {
        try saveAnalysis(analysis, key: nil)
    }

    /// Keeps the analysis with the key of the records it was resolved from (see `IncrementalAnalysis`).
    package func saveAnalysis(_ analysis: Analysis, key: String?) throws {
        try saveAnalysisJSON(try JSONOutput.encode(analysis), documentCount: analysis.documents.count, key: key)
    }

    /// The largest part of an analysis's JSON kept in one row: SQLite binds at most 10⁹ bytes (and GRDB stops the
    /// process on a larger one), so an analysis of a large collection goes into `analysis_parts`.
    package static let analysisPartBytes = 128 << 20

    /// The same from its `JSONOutput.encode` bytes. `partBytes` is for tests.
    package func saveAnalysisJSON(_ json: Data, documentCount: Int, key: String?, partBytes: Int = analysisPartBytes) throws {
        let stamp = ISO8601DateFormatter().string(from: Date())
        try dbQueue.write { db in
            let whole = json.count <= partBytes
            try db.execute(sql: "INSERT INTO analyses (created_at, document_count, json, collection_key) VALUES (?, ?, ?, ?)",
                           arguments: [stamp, documentCount, whole ? json : Data(), key])
            if !whole {
                let rowid = db.lastInsertedRowID
                for (part, bytes) in json.parts(ofAtMost: partBytes).enumerated() {
                    try db.execute(sql: "INSERT INTO analysis_parts (analysis_rowid, part, bytes) VALUES (?, ?, ?)",
                                   arguments: [rowid, part, bytes])
                }
            }
            try db.execute(sql: "DELETE FROM analyses WHERE rowid NOT IN (SELECT rowid FROM analyses ORDER BY rowid DESC LIMIT ?)",
                           arguments: [keptAnalyses])
        }
    }

    package func latestAnalysisNumber() throws -> Int64? {
        try dbQueue.read { try Int64.fetchOne($0, sql: "SELECT max(rowid) FROM analyses") }
    }

    /// The analysis saved last, if any.
    package func latestAnalysis() throws -> Analysis? {
        try latestAnalysisJSON().map { try JSONDecoder().decode(Analysis.self, from: $0) }
    }

    /// Its JSON as stored (`JSONOutput.encode`).
    package func latestAnalysisJSON() throws -> Data? {
        try dbQueue.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT rowid, json FROM analyses ORDER BY rowid DESC LIMIT 1") else { return nil }
            let json: Data = row["json"] ?? Data()
            guard json.isEmpty else { return json }
            var whole = Data()
            let parts = try Data.fetchCursor(db, sql: "SELECT bytes FROM analysis_parts WHERE analysis_rowid = ? ORDER BY part",
                                             arguments: [row["rowid"] as Int64])
            while let part = try parts.next() { whole.append(part) }
            return whole
        }
    }

    package func latestAnalysisKey() throws -> String? {
        try dbQueue.read { db in
            try String.fetchOne(db, sql: "SELECT collection_key FROM analyses ORDER BY rowid DESC LIMIT 1")
        }
    }
}

extension ArticleStore: ArticleRepository {
    package func ingest(_ articles: [SourceArticle]) throws -> IngestSummary {
        try ingest(articles, now: Date())
    }
}

extension Data {
    /// Consecutive slices of at most `size` bytes, in order: an analysis too large for one row of a store
    /// (`analysis_parts`, on SQLite and PostgreSQL).
    package func parts(ofAtMost size: Int) -> [Data] {
        var out: [Data] = []
        var start = startIndex
        while start < endIndex {
            let end = index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex
            out.append(self[start..<end])
            start = end
        }
        return out
    }
}
