import Foundation

/// A trained tagger's parameters and their compact binary file:
///
///     "RASDNER2"                      magic (8 bytes)
///     u32 extractor version
///     u32 tag count, then per tag: u32 byte length + UTF-8
///     table: first-stage feature weights, then (tagCount + 1) × tagCount × f32 transitions (last row: start)
///     table: second-stage (document) feature weights, then its transitions
///     u32 name-phrase count N, then N × (u64 hash, u64 class mask)
///     u32 first-token count M, then M × (u64 hash, u32 longest phrase)
///     u32 word-stats count W, then W × (u64 stem hash, u64 packed counts by type)
///     u32 optional feature groups (`NERFeatureOptions`; bit 0: words missing from the counts are read as unknown)
///
/// where a table is: f32 scale (weight = Int16 × scale), u32 feature count F, F × u64 feature hashes
/// (ascending), F × tagCount × i16 weights. All little-endian; reading is a few bulk copies.
struct NERModel: Sendable {
    /// Feature weights quantized to Int16 with one scale for the table.
    struct Table: Sendable {
        var hashes: [UInt64]   // ascending
        var weights: [Int16]   // hashes.count × tagCount
        var scale: Float

        init(tagCount: Int, features: [(hash: UInt64, weights: ArraySlice<Float>)]) {
            let sorted = features.sorted { $0.hash < $1.hash }
            var maxAbs: Float = 0
            for f in sorted { for w in f.weights { maxAbs = max(maxAbs, abs(w)) } }
            scale = maxAbs > 0 ? maxAbs / 32767 : 1
            hashes = sorted.map(\.hash)
            var q: [Int16] = []
            q.reserveCapacity(sorted.count * tagCount)
            for f in sorted { for w in f.weights { q.append(Int16((w / scale).rounded())) } }
            weights = q
        }

        init(hashes: [UInt64], weights: [Int16], scale: Float) {
            self.hashes = hashes
            self.weights = weights
            self.scale = scale
        }
    }

    var tags: [String]
    var base: Table
    var transitions: [Float]           // (tags.count + 1) × tags.count
    var document: Table
    var documentTransitions: [Float]
    var names: PhraseMatcher
    var stats: WordStats
    var featureOptions: NERFeatureOptions = []

    static let magic = Array("RASDNER2".utf8)

    struct FormatError: Error, CustomStringConvertible {
        let message: String
        var description: String { "NER model: \(message)" }
    }

    init(tags: [String], base: Table, transitions: [Float], document: Table, documentTransitions: [Float], names: PhraseMatcher,
         stats: WordStats) {
        self.stats = stats
        self.tags = tags
        self.base = base
        self.transitions = transitions
        self.document = document
        self.documentTransitions = documentTransitions
        self.names = names
    }

    func serialized() -> Data {
        var out = Data()
        out.append(contentsOf: NERModel.magic)
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(NERFeatureExtractor.version)
        u32(UInt32(tags.count))
        for tag in tags { let b = Array(tag.utf8); u32(UInt32(b.count)); out.append(contentsOf: b) }
        for (table, transitions) in [(base, transitions), (document, documentTransitions)] {
            f32(table.scale)
            u32(UInt32(table.hashes.count))
            table.hashes.map(\.littleEndian).withUnsafeBytes { out.append(contentsOf: $0) }
            table.weights.map(\.littleEndian).withUnsafeBytes { out.append(contentsOf: $0) }
            for t in transitions { f32(t) }
        }
        let entries = names.entries.entries.sorted { $0.key < $1.key }
        u32(UInt32(entries.count))
        for (k, v) in entries { u64(k); u64(v) }
        let firsts = names.firsts.entries.sorted { $0.key < $1.key }
        u32(UInt32(firsts.count))
        for (k, v) in firsts { u64(k); u32(UInt32(v)) }
        let words = stats.table.entries.sorted { $0.key < $1.key }
        u32(UInt32(words.count))
        for (k, v) in words { u64(k); u64(v) }
        u32(featureOptions.rawValue)
        return out
    }

    init(data: Data) throws {
        var offset = 0
        let bytes = [UInt8](data)
        func need(_ n: Int) throws {
            if offset + n > bytes.count { throw FormatError(message: "file is truncated") }
        }
        func u32() throws -> UInt32 {
            try need(4)
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self) }
            offset += 4
            return UInt32(littleEndian: v)
        }
        func u64() throws -> UInt64 {
            try need(8)
            let v = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
            offset += 8
            return UInt64(littleEndian: v)
        }
        func array<T: FixedWidthInteger>(_ count: Int, _: T.Type) throws -> [T] {
            let size = count * MemoryLayout<T>.size
            try need(size)
            let result = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                bytes.withUnsafeBytes { raw in
                    UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[offset..<offset + size]))
                }
                initialized = count
            }
            offset += size
            return result.map { T(littleEndian: $0) }
        }
        try need(8)
        guard Array(bytes[0..<8]) == NERModel.magic else { throw FormatError(message: "not a Rasd NER model (bad magic)") }
        offset = 8
        let version = try u32()
        guard version == NERFeatureExtractor.version else {
            throw FormatError(message: "model built for feature extractor v\(version), this build has v\(NERFeatureExtractor.version); retrain it")
        }
        let tagCount = Int(try u32())
        var tags: [String] = []
        for _ in 0..<tagCount {
            let n = Int(try u32())
            try need(n)
            tags.append(String(decoding: bytes[offset..<offset + n], as: UTF8.self))
            offset += n
        }
        self.tags = tags
        func table() throws -> (Table, [Float]) {
            let scale = Float(bitPattern: try u32())
            let featureCount = Int(try u32())
            let hashes = try array(featureCount, UInt64.self)
            let weights = try array(featureCount * tagCount, Int16.self)
            let transitions = try array((tagCount + 1) * tagCount, UInt32.self).map { Float(bitPattern: $0) }
            return (Table(hashes: hashes, weights: weights, scale: scale), transitions)
        }
        (base, transitions) = try table()
        (document, documentTransitions) = try table()
        let entryCount = Int(try u32())
        var entries = HashTable64(capacity: entryCount)
        for _ in 0..<entryCount { let k = try u64(); let v = try u64(); entries.update(k) { _ in v } }
        let firstCount = Int(try u32())
        var firsts = HashTable64(capacity: firstCount)
        for _ in 0..<firstCount { let k = try u64(); let v = UInt64(try u32()); firsts.update(k) { _ in v } }
        names = PhraseMatcher(entries: entries, firsts: firsts)
        let wordCount = Int(try u32())
        var words = HashTable64(capacity: wordCount)
        for _ in 0..<wordCount { let k = try u64(); let v = try u64(); words.update(k) { _ in v } }
        stats = WordStats(table: words)
        featureOptions = NERFeatureOptions(rawValue: try u32())
    }
}
