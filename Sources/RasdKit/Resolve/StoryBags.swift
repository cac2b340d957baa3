import Foundation

extension StoryDetector {
    /// Every document's bag (features with their counts, sorted by feature) in one byte stream: for each feature,
    /// its gap from the feature before (less one; the first counts from -1) and its count, as LEB128 varints. A
    /// feature takes about 3 bytes where two flat arrays took 6: a bag's features are sorted, so the gaps are small,
    /// and counts are mostly 1 or 2. The word bags of a large collection are made this way as its records are
    /// gathered (`CollectionResolver.Gathering`); the story step reads each bag in order, which is all it needs.
    package struct FlatBags: Sendable {
        /// Document d's bag is `bytes[first[d]..<first[d + 1]]`.
        private(set) var first: [Int] = [0]
        private(set) var bytes: [UInt8] = []

        package init() {}

        init(_ bags: [Bag]) {
            first.reserveCapacity(bags.count + 1)
            for bag in bags { append(bag) }
        }

        var count: Int { first.count - 1 }

        /// Appends a bag; its features must come in increasing order (as `wordBag` and `bags` make them). The
        /// counts are whole numbers (a stem's weight, an entity's mentions in the document), clamped to 16 bits.
        mutating func append(_ bag: Bag) {
            bytes.reserveGently(bag.count * 3)
            first.reserveGently(1)
            var previous: Int64 = -1
            for (t, c) in bag {
                precondition(Int64(t) > previous, "a bag's features come in increasing order")
                put(UInt64(Int64(t) - previous - 1))
                put(UInt64(UInt16(clamping: Int(c.rounded()))))
                previous = Int64(t)
            }
            first.append(bytes.count)
        }

        private mutating func put(_ value: UInt64) {
            var v = value
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        /// Document d's features with their counts, in increasing order of feature.
        @inline(__always)
        func forEach(in d: Int, _ body: (_ feature: Int, _ count: UInt16) -> Void) {
            var k = first[d]
            let end = first[d + 1]
            var feature = -1
            bytes.withUnsafeBufferPointer { buffer in
                while k < end {
                    var gap = 0, shift = 0
                    while true {
                        let b = buffer[k]; k += 1
                        gap |= Int(b & 0x7F) << shift
                        if b < 0x80 { break }
                        shift += 7
                    }
                    var count = 0
                    shift = 0
                    while true {
                        let b = buffer[k]; k += 1
                        count |= Int(b & 0x7F) << shift
                        if b < 0x80 { break }
                        shift += 7
                    }
                    feature += gap + 1
                    body(feature, UInt16(count))
                }
            }
        }
    }

    /// Cosine similarity of every pair of bags that share a feature, over (1 + ln count) × IDF weights (IDF as in
    /// a collection of `collection` documents); features in more than `maxDF` bags are left out. Keyed by `i * n + j`,
    /// i < j, handed to `emit` in key order (a large collection's pairs are never held here). Cost: the sum over
    /// features of the square of their document frequency.
    ///
    /// The bags are taken. A feature's unit-vector weight is worked out where it is needed, from its count and the
    /// bag's norm (the same operations in the same order, so the same value every time), rather than held for
    /// every feature: this step is where a large collection's memory peaks. The postings are two flat arrays
    /// indexed by feature (features are numbered densely).
    static func cosines(_ taken: consuming FlatBags, maxDF: Int, collection: Int, floor: Float = 0,
                        _ emit: (_ key: Int, _ value: Float) -> Void) {
        let bags = consume taken
        let n = bags.count
        var featureCount = 0
        for d in 0..<n { bags.forEach(in: d) { t, _ in featureCount = max(featureCount, t + 1) } }
        var df = [Int32](repeating: 0, count: featureCount)
        for d in 0..<n { bags.forEach(in: d) { t, _ in df[t] += 1 } }
        // Each bag's norm over the features in at most `maxDF` bags (as `unitVector` makes it).
        var norms = [Float](repeating: 0, count: n)
        for d in 0..<n {
            var norm: Float = 0
            bags.forEach(in: d) { t, count in
                let f = Int(df[t])
                guard f <= maxDF else { return }
                let w = weight(count: Float(count), documents: f, collection: collection)
                norm += w * w
            }
            norms[d] = norm.squareRoot()
        }
        // Feature t's weight in bag d (where it is counted `count` times), scaled to unit length, when the feature is
        // posted: in more than one bag and in at most `maxDF`, in a bag with some feature counted; nil otherwise (a
        // weight is never 0 for a feature counted: `weight`'s factors are positive).
        func postingWeight(_ t: Int, _ count: UInt16, of d: Int) -> Float? {
            let f = Int(df[t])
            guard f > 1, f <= maxDF, norms[d] > 0 else { return nil }
            let w = weight(count: Float(count), documents: f, collection: collection) / norms[d]
            return w != 0 ? w : nil
        }
        // Postings of the features counted in more than one bag: feature t's are at start[t]..<start[t + 1].
        var start = [Int](repeating: 0, count: featureCount + 1)
        for d in 0..<n { bags.forEach(in: d) { t, count in if postingWeight(t, count, of: d) != nil { start[t + 1] += 1 } } }
        for t in 0..<featureCount { start[t + 1] += start[t] }
        var postedDoc = [Int32](repeating: 0, count: start[featureCount])
        var postedWeight = [Float](repeating: 0, count: start[featureCount])
        var next = start
        for d in 0..<n {
            bags.forEach(in: d) { t, count in
                guard let w = postingWeight(t, count, of: d) else { return }
                postedDoc[next[t]] = Int32(d)
                postedWeight[next[t]] = w
                next[t] += 1
            }
        }
        next = []
        var scratch = [Float](repeating: 0, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            bags.forEach(in: i) { t, count in
                guard let w = postingWeight(t, count, of: i) else { return }
                for s in start[t]..<start[t + 1] {
                    let j = Int(postedDoc[s])
                    guard j > i else { continue }
                    if scratch[j] == 0 { touched.append(j) }
                    scratch[j] += w * postedWeight[s]
                }
            }
            touched.sort()
            for j in touched {
                if scratch[j] >= floor { emit(i * n + j, min(scratch[j], 1)) }
                scratch[j] = 0
            }
            touched.removeAll(keepingCapacity: true)
        }
    }
}
