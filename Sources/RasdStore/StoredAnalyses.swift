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

    /// The same from its `JSONOutput.encode` bytes.
    package func saveAnalysisJSON(_ json: Data, documentCount: Int, key: String?) throws {
        let stamp = ISO8601DateFormatter().string(from: Date())
        try dbQueue.write { db in
            try db.execute(sql: "INSERT INTO analyses (created_at, document_count, json, collection_key) VALUES (?, ?, ?, ?)",
                           arguments: [stamp, documentCount, json, key])
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
            try Data.fetchOne(db, sql: "SELECT json FROM analyses ORDER BY rowid DESC LIMIT 1")
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
