import Foundation
import PostgresNIO
import RasdKit
import RasdStore

/// Per-article records (`article_records`) and the claims several `rasd analyze` workers take on the ones to
/// compute (`record_claims`): a claim is taken with `FOR UPDATE SKIP LOCKED` and holds for a lease, so a worker
/// killed mid-batch loses its claims to the next worker once the lease has run out.
extension PostgresArticleStore: RecordClaiming {
    /// pg_advisory_lock key of the collection resolve: "rasdrslv" as ASCII bytes.
    static let resolveLockKey: Int64 = 0x7261_7364_7273_6C76

    package func storedRecords(version: String) async throws -> [Int64: StoredRecord] {
        try await storedRecords(version: version, withData: true)
    }

    package func storedRecordKeys(version: String) async throws -> [Int64: StoredRecord] {
        try await storedRecords(version: version, withData: false)
    }

    func storedRecords(version: String, withData: Bool) async throws -> [Int64: StoredRecord] {
        try await withConnection { connection in
            var out: [Int64: StoredRecord] = [:]
            // Without the data, an empty bytea in its place (one row shape).
            let rows = try await connection.query("""
                SELECT document_rowid, input_digest, lines, lookups, context_key, \(unescaped: withData ? "records" : "''::bytea")
                FROM article_records WHERE version = \(version)
                """, logger: logger)
            for try await (rowid, digest, lines, lookups, key, records) in rows.decode((Int64, String, ByteBuffer, ByteBuffer, String, ByteBuffer).self) {
                out[rowid] = StoredRecord(rowid: rowid, version: version, inputDigest: digest,
                                          lines: PreparedArticle.signature(from: Data(lines.readableBytesView)),
                                          lookups: PreparedArticle.signature(from: Data(lookups.readableBytesView)),
                                          contextKey: key, data: Data(records.readableBytesView))
            }
            return out
        }
    }

    package func saveRecords(_ records: [StoredRecord]) async throws {
        guard !records.isEmpty else { return }
        try await inTransaction { connection in try await self.upsert(records, on: connection) }
    }

    func upsert(_ records: [StoredRecord], on connection: PostgresConnection) async throws {
        let sorted = records.sorted { $0.rowid < $1.rowid }   // one lock order for every writer
        let rowids = sorted.map(\.rowid)
        let versions = sorted.map(\.version)
        let digests = sorted.map(\.inputDigest)
        let lines = sorted.map { ByteBuffer(bytes: PreparedArticle.blob($0.lines)) }
        let lookups = sorted.map { ByteBuffer(bytes: PreparedArticle.blob($0.lookups)) }
        let keys = sorted.map(\.contextKey)
        let data = sorted.map { ByteBuffer(bytes: $0.data) }
        try await connection.query("""
            INSERT INTO article_records (document_rowid, version, input_digest, lines, lookups, context_key, records)
            SELECT * FROM unnest(\(rowids)::bigint[], \(versions)::text[], \(digests)::text[], \(lines)::bytea[],
                                 \(lookups)::bytea[], \(keys)::text[], \(data)::bytea[])
            ON CONFLICT (document_rowid) DO UPDATE SET version = excluded.version, input_digest = excluded.input_digest,
                lines = excluded.lines, lookups = excluded.lookups, context_key = excluded.context_key,
                records = excluded.records, saved_at = clock_timestamp()
            """, logger: logger)
    }

    package func offerClaims(_ rowids: [Int64], version: String) async throws {
        try await inTransaction { connection -> Void in
            try await connection.query("""
                INSERT INTO record_claims (document_rowid, version)
                SELECT * FROM unnest(\(rowids.sorted())::bigint[], \(Array(repeating: version, count: rowids.count))::text[])
                ON CONFLICT (document_rowid) DO UPDATE SET version = excluded.version, offered_at = clock_timestamp(),
                    worker = NULL, expires_at = '-infinity'
                WHERE record_claims.version <> excluded.version
                """, logger: logger)
        }
    }

    package func claimRecords(among rowids: [Int64], version: String, worker: String, limit: Int,
                             leaseSeconds: Double) async throws -> [Int64] {
        try await inTransaction { connection in
            // A claim whose record was saved after it was offered is done (another worker's plan offered it
            // again): it is dropped, not handed out.
            try await connection.query("""
                DELETE FROM record_claims c USING article_records r
                WHERE c.document_rowid = ANY(\(rowids)) AND r.document_rowid = c.document_rowid
                  AND r.version = c.version AND r.saved_at > c.offered_at
                """, logger: logger)
            var claimed: [Int64] = []
            let rows = try await connection.query("""
                UPDATE record_claims SET worker = \(worker), expires_at = clock_timestamp() + make_interval(secs => \(leaseSeconds))
                WHERE document_rowid IN (
                    SELECT document_rowid FROM record_claims
                    WHERE document_rowid = ANY(\(rowids)) AND version = \(version) AND expires_at < clock_timestamp()
                    ORDER BY document_rowid LIMIT \(limit) FOR UPDATE SKIP LOCKED)
                RETURNING document_rowid
                """, logger: logger)
            for try await rowid in rows.decode(Int64.self) { claimed.append(rowid) }
            return claimed.sorted()
        }
    }

    package func saveClaimedRecords(_ records: [StoredRecord], worker: String) async throws -> Int {
        try await inTransaction { connection in
            // Only the claims still ours: a batch that outlived its lease may have been taken by another worker.
            var held = Set<Int64>()
            let rows = try await connection.query("""
                DELETE FROM record_claims WHERE document_rowid = ANY(\(records.map(\.rowid))) AND worker = \(worker)
                RETURNING document_rowid
                """, logger: logger)
            for try await rowid in rows.decode(Int64.self) { held.insert(rowid) }
            let kept = records.filter { held.contains($0.rowid) }
            if !kept.isEmpty { try await self.upsert(kept, on: connection) }
            return kept.count
        }
    }

    package func liveClaims(among rowids: [Int64], version: String) async throws -> Int {
        try await withConnection { connection in
            var count = 0
            for try await n in try await connection.query("""
                SELECT count(*) FROM record_claims
                WHERE document_rowid = ANY(\(rowids)) AND version = \(version) AND expires_at >= clock_timestamp()
                """, logger: logger).decode(Int.self) { count = n }
            return count
        }
    }

    /// A session advisory lock on one pooled connection, held while `body` runs on others; a killed worker's
    /// session ends and PostgreSQL releases its lock.
    package func withResolveLock<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        try await withConnection { connection in
            try await connection.query("SELECT pg_advisory_lock(\(Self.resolveLockKey))", logger: logger)
            do {
                let value = try await body()
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.resolveLockKey))", logger: logger)
                return value
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(\(Self.resolveLockKey))", logger: logger)
                throw error
            }
        }
    }
}
