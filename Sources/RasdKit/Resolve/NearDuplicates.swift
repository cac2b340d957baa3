/// Finds near-duplicate articles (the same wire story on several sites, lightly edited) with MinHash over word
/// shingles of the normalized text, and locality-sensitive hashing (bands of the signature) so that only
/// articles sharing a band are compared: cost grows about linearly with the collection.
package struct NearDuplicateDetector: Sendable {
    /// Estimated Jaccard similarity of shingle sets from which two articles count as the same story.
    package var threshold: Double
    /// Words per shingle.
    package var shingleSize: Int
    package var bands: Int
    package var rowsPerBand: Int
    package var tokenizer: Tokenizer

    /// 16 bands of 8 rows: pairs at Jaccard 0.8 share a band with probability ~0.9996, pairs at 0.5 ~0.06.
    package init(threshold: Double = 0.8, shingleSize: Int = 3, bands: Int = 16, rowsPerBand: Int = 8,
                tokenizer: Tokenizer = .wordsOnly) {
        self.threshold = threshold; self.shingleSize = shingleSize
        self.bands = bands; self.rowsPerBand = rowsPerBand; self.tokenizer = tokenizer
    }

    package var signatureLength: Int { bands * rowsPerBand }

    /// Groups of ids (two or more, in input order) whose texts are near-duplicates; groups in input order.
    package func groups(_ articles: [(id: String, text: String)]) -> [[String]] {
        groups(signed: articles.map { (id: $0.id, signature: signature($0.text)) })
    }

    /// The same from signatures already made (see `signature(_:)`).
    package func groups(signed articles: [(id: String, signature: [UInt64])]) -> [[String]] {
        var index = Index()
        for article in articles { _ = add(article.signature, to: &index) }
        return index.groups().map { $0.map { articles[$0].id } }
    }

    /// The articles seen so far, in input order, grouped as they come (union-find over pairs sharing a band):
    /// a collection that grows by appended articles keeps one and adds each new article's signature.
    package struct Index: Sendable {
        /// The articles' signatures end to end, article i at `i * signatureLength` (zeros for one without a full
        /// signature, which is in no bucket): one buffer, where an array an article cost a header and an
        /// allocation each.
        var signatures: [UInt64] = []
        /// Where the signatures are kept instead of `signatures`, for a large collection (`SignatureRows`).
        var rows: SignatureRows?
        /// A row read back from `rows`.
        var scratch: [UInt64] = []
        var parent: [Int] = []
        /// The band buckets as linked lists in flat tables, where nested dictionaries and an array a bucket cost
        /// about a kilobyte an article: for each band, a bucket's band hash → its last article; and
        /// `previous[i * bands + band]`, the article before i in its bucket of that band (-1 for none). One table
        /// a band, because a band hash takes 63 bits and the band beside it would not fit in one key.
        var last: [[Int: Int32]] = []
        var previous: [Int32] = []
        /// Each group of two or more by its root: its articles in input order.
        var members: [Int: [Int]] = [:]

        package init() {}

        /// An index whose signatures live in `rows` (empty, of the detector's signature length).
        package init(rows: SignatureRows?) { self.rows = rows }

        /// Appends the next article's signature, to `rows` or to `signatures`.
        mutating func append<Signature: Collection<UInt64>>(signature: Signature) {
            if let rows { rows.append(signature) } else { signatures.append(contentsOf: signature) }
        }

        /// Article j's signature.
        mutating func signature(_ j: Int, length: Int) -> ArraySlice<UInt64> {
            guard let rows else { return signatures[(j * length)..<((j + 1) * length)] }
            rows.read(j, into: &scratch)
            return scratch[...]
        }

        mutating func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }

        /// Groups of two or more (article positions, in input order), in order of their first article.
        package func groups() -> [[Int]] {
            members.values.sorted { $0[0] < $1[0] }
        }

        /// Joins the groups of two articles; returns the joined group.
        mutating func union(_ a: Int, _ b: Int) -> [Int] {
            let ra = find(a), rb = find(b)
            guard ra != rb else { return members[ra] ?? [a] }
            parent[ra] = rb
            let joined = ((members.removeValue(forKey: ra) ?? [ra]) + (members.removeValue(forKey: rb) ?? [rb])).sorted()
            members[rb] = joined
            return joined
        }
    }

    /// Adds the next article's signature and returns the articles (positions) whose group it changed: its own
    /// group, with every article in it, when it joined one; empty when it stays alone.
    @discardableResult
    package func add(_ signature: [UInt64], to index: inout Index) -> [Int] {
        let i = index.parent.count, length = signatureLength
        index.parent.append(i)
        let hashes = bandHashes(signature)
        if hashes.isEmpty {
            index.append(signature: repeatElement(0, count: length))
            index.previous.append(contentsOf: repeatElement(-1, count: bands))
            return []
        }
        index.append(signature: signature)
        if index.last.isEmpty { index.last = Array(repeating: [:], count: bands) }
        var group: [Int] = [], bucket: [Int] = []
        for (band, hash) in hashes.enumerated() {
            // The bucket's articles, last first; compared in input order.
            bucket.removeAll(keepingCapacity: true)
            var j = Int(index.last[band][hash] ?? -1)
            while j >= 0 { bucket.append(j); j = Int(index.previous[j * bands + band]) }
            for j in bucket.reversed() where index.find(i) != index.find(j) {
                let other = index.signature(j, length: length)
                if NearDuplicateDetector.similarity(signature, other) >= threshold { group = index.union(i, j) }
            }
            index.previous.append(index.last[band].updateValue(Int32(i), forKey: hash) ?? -1)
        }
        return group
    }

    /// The MinHash signature of a text (empty when it has no words).
    package func signature(_ text: String) -> [UInt64] {
        signature(tokens: tokenizer.tokenize(ScalarText(text)))
    }

    /// The signature from tokens already made (punctuation is ignored).
    package func signature(tokens: [Token]) -> [UInt64] {
        var words: [UInt64] = []
        words.reserveCapacity(tokens.count)
        for token in tokens where token.kind != .punct { words.append(NearDuplicateDetector.fnv(token.norm)) }
        guard !words.isEmpty else { return [] }
        var shingles = Set<UInt64>()
        if words.count < shingleSize {
            shingles.insert(words.reduce(0xcbf29ce484222325) { NearDuplicateDetector.mix($0 ^ $1) })
        } else {
            for i in 0...(words.count - shingleSize) {
                var h: UInt64 = 0xcbf29ce484222325
                for w in words[i..<(i + shingleSize)] { h = NearDuplicateDetector.mix(h ^ w) }
                shingles.insert(h)
            }
        }
        var minimums = [UInt64](repeating: .max, count: signatureLength)
        let length = signatureLength
        minimums.withUnsafeMutableBufferPointer { mins in
            NearDuplicateDetector.seeds.withUnsafeBufferPointer { seeds in
                for s in shingles {
                    for k in 0..<length {
                        let v = NearDuplicateDetector.mix(s ^ seeds[k])
                        if v < mins[k] { mins[k] = v }
                    }
                }
            }
        }
        return minimums
    }

    /// One hash per band of the signature (for LSH buckets; stored by the store as 63-bit integers).
    package func bandHashes(_ signature: [UInt64]) -> [Int] {
        guard signature.count == signatureLength else { return [] }
        return (0..<bands).map { band in
            var h: UInt64 = 0x9E3779B97F4A7C15 &* UInt64(band + 1)
            for v in signature[(band * rowsPerBand)..<((band + 1) * rowsPerBand)] { h = NearDuplicateDetector.mix(h ^ v) }
            return Int(truncatingIfNeeded: h >> 1)
        }
    }

    /// Estimated Jaccard similarity: the share of equal signature positions.
    package static func similarity(_ a: [UInt64], _ b: [UInt64]) -> Double {
        similarity(a, b[...])
    }

    /// The same against a signature in the index's buffer.
    static func similarity(_ a: [UInt64], _ b: ArraySlice<UInt64>) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var same = 0
        for (x, y) in zip(a, b) where x == y { same += 1 }
        return Double(same) / Double(a.count)
    }

    static let seeds: [UInt64] = {
        var x: UInt64 = 0x5EED_1234_ABCD_0001
        return (0..<512).map { _ in x = mix(x &+ 0x9E3779B97F4A7C15); return x }
    }()

    /// splitmix64's finalizer: a fast, well-mixing 64-bit hash step.
    @inline(__always) static func mix(_ z0: UInt64) -> UInt64 {
        var z = z0
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }

    static func fnv(_ s: String) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for b in s.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return h
    }
}
