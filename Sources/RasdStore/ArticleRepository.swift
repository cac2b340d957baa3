import Foundation
import RasdKit

/// The seam between Rasd's commands or server and a store of articles and analyses. `ArticleStore` (SQLite, one
/// file) implements it; a PostgreSQL store implements it for teams that share one database. Every method may be
/// called from several tasks at once; `ingest` must also be safe from several processes writing one store.
package protocol ArticleRepository: Sendable {
    /// Stores the articles whose content is not stored yet; the others become aliases of the stored row. The
    /// per-article preparation (content hash, index text, MinHash signature) runs on up to `jobs` at once.
    func ingest(_ articles: [SourceArticle], jobs: Int) async throws -> IngestSummary
    /// Number of distinct stored contents.
    func documentCount() async throws -> Int
    /// Stored articles in ingest order, a page at a time, after the given row.
    func articles(afterRowID since: Int64, limit: Int) async throws -> [StoredArticle]
    /// The stored article with this id or alias id.
    func article(id: String) async throws -> SourceArticle?
    /// Full-text search, best first.
    func search(_ query: String, limit: Int) async throws -> [SearchHit]
    /// Keeps an analysis of the stored articles; the newest one saved is what `latestAnalysis` returns. Only the
    /// last `keptAnalyses` are kept: a feed saves one per batch.
    func saveAnalysis(_ analysis: Analysis) async throws
    func latestAnalysis() async throws -> Analysis?
    /// A number that grows with every analysis saved (nil before the first): a reader compares it to tell,
    /// cheaply, that a newer analysis is there (a `rasd watch` or another server saved one).
    func latestAnalysisNumber() async throws -> Int64?
    /// The stored per-article records made by this analyzer version, by document rowid (see `StoredRecord`).
    func storedRecords(version: String) async throws -> [Int64: StoredRecord]
    /// Keeps these records (replacing any earlier record of the same document), in one transaction.
    func saveRecords(_ records: [StoredRecord]) async throws
    /// The same as `storedRecords` without the records themselves (`data` empty): what a run's plan reads.
    func storedRecordKeys(version: String) async throws -> [Int64: StoredRecord]
    /// Keeps an analysis with the key of the records it was resolved from (`IncrementalAnalysis.collectionKey`).
    func saveAnalysis(_ analysis: Analysis, key: String?) async throws
    /// The same, given as its `JSONOutput.encode` bytes.
    func saveAnalysisJSON(_ json: Data, documentCount: Int, key: String?) async throws
    /// The key saved with the newest analysis; nil when there is none or it was saved without a key.
    func latestAnalysisKey() async throws -> String?
    /// The newest analysis as `JSONOutput.encode` writes it.
    func latestAnalysisJSON() async throws -> Data?
}

/// For a repository that keeps no keys: it reads every record whole, and every run resolves.
extension ArticleRepository {
    package func storedRecordKeys(version: String) async throws -> [Int64: StoredRecord] {
        try await storedRecords(version: version)
    }
    package func saveAnalysis(_ analysis: Analysis, key: String?) async throws { try await saveAnalysis(analysis) }
    package func saveAnalysisJSON(_ json: Data, documentCount: Int, key: String?) async throws {
        try await saveAnalysis(try JSONDecoder().decode(Analysis.self, from: json), key: key)
    }
    package func latestAnalysisKey() async throws -> String? { nil }
    package func latestAnalysisJSON() async throws -> Data? { try await latestAnalysis().map(JSONOutput.encode) }
}

/// One stored article's analysis, for incremental analysis (`IncrementalAnalysis`): valid while the analyzer
/// version, the input digest and the context key are those the analysis would compute now.
package struct StoredRecord: Sendable, Equatable {
    package var rowid: Int64
    package var version: String
    package var inputDigest: String
    /// The article's normalized line hashes (for the repeated-line tally, without reading texts).
    package var lines: [UInt64]
    /// The line hashes the cleaner looked up in the outlet's repeated lines.
    package var lookups: [UInt64]
    package var contextKey: String
    /// `RecordCoding` of the article's records.
    package var data: Data

    package init(rowid: Int64, version: String, inputDigest: String, lines: [UInt64], lookups: [UInt64], contextKey: String, data: Data) {
        self.rowid = rowid; self.version = version; self.inputDigest = inputDigest; self.lines = lines
        self.lookups = lookups; self.contextKey = contextKey; self.data = data
    }
}

/// One stored article with its position in ingest order.
package struct StoredArticle: Sendable, Equatable {
    package var rowid: Int64
    package var article: SourceArticle
    package init(rowid: Int64, article: SourceArticle) {
        self.rowid = rowid
        self.article = article
    }
}

/// What an ingest did.
package struct IngestSummary: Sendable, Equatable {
    package var added = 0
    /// Articles whose content was already stored (their new ids/sources/urls recorded as aliases).
    package var alreadyStored = 0
    package var aliasesAdded = 0
    package var nearDuplicates = 0
    package init() {}
    package static func + (a: IngestSummary, b: IngestSummary) -> IngestSummary {
        var s = a
        s.added += b.added; s.alreadyStored += b.alreadyStored
        s.aliasesAdded += b.aliasesAdded; s.nearDuplicates += b.nearDuplicates
        return s
    }
}

extension ArticleRepository {
    /// Stores the articles, preparing one at a time.
    package func ingest(_ articles: [SourceArticle]) async throws -> IngestSummary {
        try await ingest(articles, jobs: 1)
    }
}

/// How many saved analyses a store keeps (the newest; each is the JSON of a whole collection).
package let keptAnalyses = 3

extension ArticleRepository {
    /// Every stored article in ingest order, read a page at a time.
    package func allArticles(pageSize: Int = 1000) async throws -> [SourceArticle] {
        try await allStoredArticles(pageSize: pageSize).map(\.article)
    }

    /// The same with their rowids.
    package func allStoredArticles(pageSize: Int = 1000) async throws -> [StoredArticle] {
        var all: [StoredArticle] = []
        var last: Int64 = 0
        while true {
            let page = try await articles(afterRowID: last, limit: pageSize)
            guard let end = page.last?.rowid else { return all }
            all += page
            last = end
        }
    }
}
