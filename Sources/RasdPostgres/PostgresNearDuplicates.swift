import Foundation
import PostgresNIO
import RasdKit
import RasdStore

/// Near-duplicate links, as in the SQLite store: MinHash signatures and LSH bands; a new document sharing a band
/// with a stored one (or an earlier one of its batch) is linked to the most similar of them at ≥ the threshold.
/// Between workers this is best effort: two near-duplicates stored at the same moment by two workers do not see
/// each other's uncommitted rows and stay unlinked (exact duplicates are never missed: see PostgresIngest).
extension PostgresArticleStore {
    /// Stores the signatures and bands of newly stored documents and links them; returns the number of links.
    func linkNearDuplicates(_ stored: [(article: PreparedArticle, rowid: Int64)], _ connection: PostgresConnection) async throws -> Int {
        let fresh = stored.filter { !$0.article.signature.isEmpty }
        guard !fresh.isEmpty else { return 0 }
        var bandDocs: [Int64] = [], bandNumbers: [Int32] = [], bandHashes: [Int64] = []
        for (p, rowid) in fresh {
            for (band, hash) in p.bands.enumerated() {
                bandDocs.append(rowid); bandNumbers.append(Int32(band)); bandHashes.append(Int64(hash))
            }
        }
        // Candidates already in the database.
        var candidates: [Int64: Set<Int64>] = [:]
        for try await (doc, other) in try await connection.query("""
            SELECT q.doc, b.document_rowid
            FROM unnest(\(bandDocs)::bigint[], \(bandNumbers)::int[], \(bandHashes)::bigint[]) AS q(doc, band, hash)
            JOIN document_bands b ON b.band = q.band AND b.hash = q.hash
            """, logger: logger).decode((Int64, Int64).self) where doc != other {
            candidates[doc, default: []].insert(other)
        }
        var signatures: [Int64: [UInt64]] = [:]
        let stored = Array(Set(candidates.values.flatMap { $0 }))
        if !stored.isEmpty {
            for try await (rowid, blob) in try await connection.query("""
                SELECT document_rowid, minhash FROM document_signatures WHERE document_rowid = ANY(\(stored))
                """, logger: logger).decode((Int64, ByteBuffer).self) {
                signatures[rowid] = PreparedArticle.signature(from: Data(blob.readableBytesView))
            }
        }
        // Candidates earlier in this batch.
        var owners: [BandKey: [Int64]] = [:]
        for (p, rowid) in fresh {
            signatures[rowid] = p.signature
            for (band, hash) in p.bands.enumerated() {
                let key = BandKey(band: band, hash: hash)
                for other in owners[key, default: []] { candidates[rowid, default: []].insert(other) }
                owners[key, default: []].append(rowid)
            }
        }
        var links: (docs: [Int64], originals: [Int64], similarities: [Double]) = ([], [], [])
        for (p, rowid) in fresh {
            var best: (rowid: Int64, similarity: Double)?
            for candidate in (candidates[rowid] ?? []).sorted() {
                guard let signature = signatures[candidate] else { continue }
                let similarity = NearDuplicateDetector.similarity(p.signature, signature)
                if similarity >= nearDuplicates.threshold, similarity > (best?.similarity ?? 0) { best = (candidate, similarity) }
            }
            if let best { links.docs.append(rowid); links.originals.append(best.rowid); links.similarities.append(best.similarity) }
        }
        let blobs = fresh.map { ByteBuffer(bytes: PreparedArticle.blob($0.article.signature)) }
        try await connection.query("""
            INSERT INTO document_signatures (document_rowid, minhash)
            SELECT * FROM unnest(\(fresh.map(\.rowid))::bigint[], \(blobs)::bytea[])
            """, logger: logger)
        try await connection.query("""
            INSERT INTO document_bands (document_rowid, band, hash)
            SELECT * FROM unnest(\(bandDocs)::bigint[], \(bandNumbers)::int[], \(bandHashes)::bigint[])
            """, logger: logger)
        if !links.docs.isEmpty {
            try await connection.query("""
                INSERT INTO near_duplicates (document_rowid, duplicate_of, similarity)
                SELECT * FROM unnest(\(links.docs)::bigint[], \(links.originals)::bigint[], \(links.similarities)::float8[])
                ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        return links.docs.count
    }
}

struct BandKey: Hashable {
    var band: Int
    var hash: Int
}
