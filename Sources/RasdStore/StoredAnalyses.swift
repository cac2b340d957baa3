import Foundation
import GRDB
import RasdKit

/// Analyses of the stored articles, kept as the JSON the `analyze` command writes.
extension ArticleStore {
    package func saveAnalysis(_ analysis: Analysis) throws {
        let json = try JSONOutput.encode(analysis)
        let stamp = ISO8601DateFormatter().string(from: Date())
        try dbQueue.write { db in
            try db.execute(sql: "INSERT INTO analyses (created_at, document_count, json) VALUES (?, ?, ?)",
                           arguments: [stamp, analysis.documents.count, json])
            try db.execute(sql: "DELETE FROM analyses WHERE rowid NOT IN (SELECT rowid FROM analyses ORDER BY rowid DESC LIMIT ?)",
                           arguments: [keptAnalyses])
        }
    }

    package func latestAnalysisNumber() throws -> Int64? {
        try dbQueue.read { try Int64.fetchOne($0, sql: "SELECT max(rowid) FROM analyses") }
    }

    /// The analysis saved last, if any.
    package func latestAnalysis() throws -> Analysis? {
        let json = try dbQueue.read { db in
            try Data.fetchOne(db, sql: "SELECT json FROM analyses ORDER BY rowid DESC LIMIT 1")
        }
        return try json.map { try JSONDecoder().decode(Analysis.self, from: $0) }
    }
}

extension ArticleStore: ArticleRepository {
    package func ingest(_ articles: [SourceArticle]) throws -> IngestSummary {
        try ingest(articles, now: Date())
    }
}
