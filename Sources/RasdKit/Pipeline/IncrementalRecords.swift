import Foundation

/// What incremental analysis needs from the pipeline, storage-free: a store keeps each article's records with
/// the keys below and reuses them while they are valid (see docs/store.md, "Incremental analysis").
///
/// A record is valid exactly when three things are unchanged:
/// - the analyzer (`recordVersion`: a code constant, the options (`explain` among them: records keep provenance
///   notes only when it is on), the stages, a digest of the resource files);
/// - the article as analysed (`inputDigest`: id after `DistinctIDs`, metadata, text);
/// - the answers the cleaner got when it asked whether the article's lines are its outlet's repeated lines
///   (`contextKey`: the looked-up lines that are repeated). The per-article stages are deterministic, so with the
///   same answers the cleaner and every later stage do the same thing again.
extension Analyzer {
    /// Raise when a change to the code changes what records hold or how they are made.
    package static let recordCodeVersion = "records-12"   // 7: participants carry an argument confidence; 8: session-10 event and name rules; 9: session 11; 10: session 12; 11: sessions 13-14; 12: attendees

    /// The analyzer's version for stored records.
    package var recordVersion: String {
        let stages = stages.map { String(describing: type(of: $0)) }.joined(separator: ",")
        return "\(Self.recordCodeVersion);resources=\(ResourceDigest.current);prefer=\(options.preferDates);"
            + "repeat=\(options.repeatedLineMinArticles);explain=\(options.explain);stages=\(stages)"
    }

    /// A digest of everything of the article the stages read (after metadata and `DistinctIDs`).
    package static func inputDigest(_ article: SourceArticle) -> String {
        var h = LineHash.Hasher()
        for field in [article.id, article.title, article.published?.iso, article.source, article.url, article.origin,
                      article.byline, article.dateline] {
            if let field { h.add(1); h.add(field) } else { h.add(0) }
        }
        h.add(article.text)
        return h.hex
    }

    /// The article's distinct normalized lines as `LineHash`es, sorted (what the repeated-line tally counts).
    package static func lineHashes(_ article: SourceArticle) -> [UInt64] {
        var hashes = Set<UInt64>()
        RepeatedBlockDetector.forEachLine(of: article) { hashes.insert(LineHash.of($0)) }
        return hashes.sorted()
    }

    /// The article's records, with the outlet's repeated lines given as hashes, and the line hashes the cleaner
    /// looked up (sorted, distinct).
    package func keyedRecords(_ article: SourceArticle, repeatedHashes: Set<UInt64>) -> (records: [ArticleRecord], lookups: [UInt64]) {
        var cleaner = self.cleaner
        cleaner.repeatedLineHashes = repeatedHashes
        var docs = cleaner.clean(Document(article: article))
        let lookups = Array(Set(docs.flatMap(\.repeatedLineLookups))).sorted()
        runStages(&docs)
        return (docs.map { ArticleRecord($0) }, lookups)
    }

    /// Which of the looked-up lines are repeated, as a digest: the same key, the same cleaning.
    package static func contextKey(lookups: [UInt64], repeated: Set<UInt64>) -> String {
        var h = LineHash.Hasher()
        for hash in lookups where repeated.contains(hash) { h.add(hash) }
        return h.hex
    }
}

/// The repeated-line tally of `RepeatedBlockDetector`, on line hashes (a store keeps each article's hashes, so
/// the tally needs no text). Articles are added in input order.
package typealias LineHashTally = RepeatedBlockDetector.Tally<UInt64>

/// A stable 64-bit hash of a line (FNV-1a over UTF-8; Swift's `hashValue` changes from one process to the next).
/// Two different repeated-line candidates of one outlet colliding is the one way a stored record could differ
/// from a fresh one: about n²/2⁶⁴ for n distinct lines.
package enum LineHash {
    package static func of(_ line: String) -> UInt64 {
        var h = Hasher()
        h.add(line)
        return h.value
    }

    /// Two FNV-1a lanes (128 bits) over what is added.
    package struct Hasher {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4
        package init() {}

        package mutating func add<S: Sequence>(bytes: S) where S.Element == UInt8 {
            for byte in bytes {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 ^ 0x9e37
            }
        }

        package mutating func add(_ s: String) {
            var s = s
            s.withUTF8 { add(bytes: $0) }
            add(UInt64(s.utf8.count))
        }

        package mutating func add(_ v: UInt64) {
            withUnsafeBytes(of: v.littleEndian) { add(bytes: $0) }
        }

        package var value: UInt64 { a }
        package var hex: String { String(format: "%016llx%016llx", a, b) }
    }
}

/// A digest of the resource files (names and bytes) the analyzer loads, computed once per process.
package enum ResourceDigest {
    package static let current: String = {
        let root = ResourceStore.root.standardizedFileURL
        var files: [String] = []
        if let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) {
            for case let url as URL in walker where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                files.append(String(url.standardizedFileURL.path.dropFirst(root.path.count)))
            }
        }
        var h = LineHash.Hasher()
        for file in files.sorted() {
            h.add(file)
            if let data = try? Data(contentsOf: root.appendingPathComponent(file)) { h.add(bytes: data) }
        }
        return h.hex
    }()
}

/// How a store keeps an article's records: JSON of `[ArticleRecord]` (the article's and any story split off it), its
/// signature and story terms as packed bytes (records-4; see `ArticleRecord`'s coding).
package enum RecordCoding {
    package static func encode(_ records: [ArticleRecord]) throws -> Data {
        try JSONEncoder().encode(records)
    }

    package static func decode(_ data: Data) throws -> [ArticleRecord] {
        try JSONDecoder().decode([ArticleRecord].self, from: data)
    }
}
