import Foundation
import PostgresNIO
import RasdKit
import RasdStore

/// The PostgreSQL store of ingested articles: the same `ArticleRepository` as the SQLite `ArticleStore`, for teams
/// that share one database and for several `rasd ingest` workers writing at once (see `PostgresIngest.swift` for
/// why that neither loses nor duplicates an article). Open with `open(_:)`, and `close()` when done.
package final class PostgresArticleStore: ArticleRepository {
    package let location: PostgresLocation
    /// The connection pool, for queries of your own (`client.query(...)`).
    package let client: PostgresClient
    let logger: Logger
    let stemmer = CliticStripper.shared
    let nearDuplicates = NearDuplicateDetector()
    private let runTask: Task<Void, Never>

    private init(location: PostgresLocation, client: PostgresClient, logger: Logger) {
        self.location = location
        self.client = client
        self.logger = logger
        runTask = Task { await client.run() }
    }

    /// Connects, brings the schema to the newest version (under an advisory lock: workers may start together)
    /// and starts a pool of at most `maximumConnections` connections.
    package static func open(_ location: PostgresLocation, maximumConnections: Int = 4) async throws -> PostgresArticleStore {
        var logger = Logger(label: "rasd.postgres")
        logger.logLevel = .error
        // One plain connection first: it fails at once with the reason when the server is unreachable (the pool
        // would retry for a minute), and the migration needs a single session anyway.
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(), id: 0, logger: logger)
        } catch {
            throw PostgresStoreError.unreachable(location: location.description, reason: describe(error))
        }
        do {
            try await PostgresSchema.migrate(connection, logger: logger)
        } catch {
            try? await connection.close()
            throw PostgresStoreError.wrap(error)
        }
        try? await connection.close()
        let client = PostgresClient(configuration: location.clientConfiguration(maximumConnections: maximumConnections),
                                    backgroundLogger: logger)
        return PostgresArticleStore(location: location, client: client, logger: logger)
    }

    /// Closes the pool's connections. The store cannot be used afterwards.
    package func close() async {
        runTask.cancel()
        await runTask.value
    }

    deinit { runTask.cancel() }

    /// Runs `body` on one pooled connection, with PostgresNIO's errors turned into `PostgresStoreError`s.
    func withConnection<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        do {
            return try await client.withConnection { try await body($0) }
        } catch {
            throw PostgresStoreError.wrap(error)
        }
    }

    /// Runs `body` in a transaction, again when PostgreSQL rolled it back for a deadlock or serialization failure.
    func inTransaction<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await PostgresTransaction.retrying {
            try await withConnection { connection in
                try await PostgresTransaction.run(on: connection, logger: logger, body)
            }
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }

    // MARK: Reading

    package func documentCount() async throws -> Int {
        try await withConnection { connection in
            var count = 0
            for try await n in try await connection.query("SELECT count(*) FROM documents", logger: logger).decode(Int.self) {
                count = n
            }
            return count
        }
    }

    static let articleColumns = "rowid, id, title, source, url, published, byline, dateline, text, origin"
    typealias ArticleRow = (Int64, String, String?, String?, String?, String?, String?, String?, String, String)

    static func article(_ r: ArticleRow) -> StoredArticle {
        StoredArticle(rowid: r.0, article: SourceArticle(
            id: r.1, text: r.8, title: r.2, published: r.5.flatMap { PartialDate(iso: $0) }, source: r.3, url: r.4,
            origin: r.9, byline: r.6, dateline: r.7))
    }

    package func articles(afterRowID since: Int64 = 0, limit: Int = 1000) async throws -> [StoredArticle] {
        try await withConnection { connection in
            var out: [StoredArticle] = []
            let rows = try await connection.query("""
                SELECT \(unescaped: Self.articleColumns) FROM documents WHERE rowid > \(since) ORDER BY rowid LIMIT \(limit)
                """, logger: logger)
            for try await row in rows.decode(ArticleRow.self) { out.append(Self.article(row)) }
            return out
        }
    }

    package func article(id: String) async throws -> SourceArticle? {
        try await withConnection { connection in
            let rows = try await connection.query("""
                SELECT \(unescaped: Self.articleColumns) FROM documents
                WHERE id = \(id) OR rowid IN (SELECT document_rowid FROM document_aliases WHERE id = \(id))
                ORDER BY rowid LIMIT 1
                """, logger: logger)
            var found: SourceArticle?
            for try await row in rows.decode(ArticleRow.self) { found = Self.article(row).article }
            return found
        }
    }

    // MARK: Analyses

    /// Kept as JSONB (queryable in SQL), encoded as the `analyze` command writes it.
    package func saveAnalysis(_ analysis: Analysis) async throws {
        try await saveAnalysis(analysis, key: nil)
    }

    /// Kept with the key of the records it was resolved from (see `IncrementalAnalysis`).
    package func saveAnalysis(_ analysis: Analysis, key: String?) async throws {
        try await saveAnalysisJSON(try JSONOutput.encode(analysis), documentCount: analysis.documents.count, key: key)
    }

    /// The largest analysis kept as one jsonb value (jsonb holds about 256 MB); a larger one goes into
    /// `analysis_parts` as bytes of at most this size.
    package static let analysisPartBytes = 64 << 20

    /// The same from its `JSONOutput.encode` bytes. `partBytes` is for tests.
    package func saveAnalysisJSON(_ data: Data, documentCount count: Int, key: String?,
                                  partBytes: Int = analysisPartBytes) async throws {
        try await withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if data.count <= partBytes {
                    let json = JSONText.withoutNullCharacters(String(decoding: data, as: UTF8.self))
                    _ = try await connection.query("""
                        INSERT INTO analyses (document_count, json, collection_key) VALUES (\(count), \(json)::jsonb, \(key))
                        """, logger: logger)
                } else {
                    var rowid: Int64 = 0
                    let rows = try await connection.query("""
                        INSERT INTO analyses (document_count, json, collection_key) VALUES (\(count), NULL, \(key)) RETURNING rowid
                        """, logger: logger)
                    for try await value in rows.decode(Int64.self) { rowid = value }
                    for (part, slice) in data.parts(ofAtMost: partBytes).enumerated() {
                        let bytes = ByteBuffer(bytes: slice)
                        _ = try await connection.query("""
                            INSERT INTO analysis_parts (analysis_rowid, part, bytes) VALUES (\(rowid), \(part), \(bytes))
                            """, logger: logger)
                    }
                }
                _ = try await connection.query("""
                    DELETE FROM analyses WHERE rowid NOT IN (SELECT rowid FROM analyses ORDER BY rowid DESC LIMIT \(keptAnalyses))
                    """, logger: logger)
            }
        }
    }

    package func latestAnalysisNumber() async throws -> Int64? {
        try await withConnection { connection in
            var number: Int64?
            for try await value in try await connection.query("SELECT max(rowid) FROM analyses", logger: logger).decode(Int64?.self) {
                number = value
            }
            return number
        }
    }

    package func latestAnalysisKey() async throws -> String? {
        try await withConnection { connection in
            var key: String?
            let rows = try await connection.query("SELECT collection_key FROM analyses ORDER BY rowid DESC LIMIT 1", logger: logger)
            for try await value in rows.decode(String?.self) { key = value }
            return key
        }
    }

    package func latestAnalysis() async throws -> Analysis? {
        let json: Data? = try await withConnection { connection in
            var latest: (rowid: Int64, json: String?)?
            let rows = try await connection.query("SELECT rowid, json::text FROM analyses ORDER BY rowid DESC LIMIT 1", logger: logger)
            for try await (rowid, text) in rows.decode((Int64, String?).self) { latest = (rowid, text) }
            guard let latest else { return nil }
            if let text = latest.json { return Data(text.utf8) }
            var whole = Data()
            let parts = try await connection.query("""
                SELECT bytes FROM analysis_parts WHERE analysis_rowid = \(latest.rowid) ORDER BY part
                """, logger: logger)
            for try await bytes in parts.decode(ByteBuffer.self) { whole.append(contentsOf: bytes.readableBytesView) }
            return whole
        }
        return try json.map { try JSONDecoder().decode(Analysis.self, from: $0) }
    }
}

/// PostgreSQL's text and jsonb cannot hold U+0000: it becomes U+FFFD (one scalar for one, so offsets hold).
enum JSONText {
    static func withoutNullCharacters(_ s: String) -> String {
        guard s.unicodeScalars.contains("\u{0}") || s.contains("\\u0000") else { return s }
        var out = String.UnicodeScalarView()
        var scalars = Array(s.unicodeScalars)[...]
        // Walk escape sequences whole, so that an escaped backslash followed by "u0000" is left alone.
        while let c = scalars.popFirst() {
            if c == "\u{0}" { out.append("\u{FFFD}"); continue }
            out.append(c)
            guard c == "\\", let next = scalars.first else { continue }
            if next == "u", String(String.UnicodeScalarView(scalars.dropFirst().prefix(4))) == "0000" {
                out.append(contentsOf: "ufffd".unicodeScalars)
                scalars = scalars.dropFirst(5)
            } else {
                out.append(next)
                scalars = scalars.dropFirst()
            }
        }
        return String(out)
    }

    static func clean(_ s: String) -> String {
        s.unicodeScalars.contains("\u{0}") ? String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 })) : s
    }

    static func clean(_ s: String?) -> String? { s.map(clean) }
}
