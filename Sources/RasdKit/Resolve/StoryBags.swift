import Foundation

extension StoryDetector {
    /// Every document's bag (features with their counts, sorted by feature) in three flat arrays: 6 bytes a
    /// feature and no list per document. The word bags of a large collection are made this way as its records are
    /// gathered (`CollectionResolver.Gathering`), where the records' story terms took 10 bytes a stem.
    package struct FlatBags: Sendable {
        /// Document d's features are at `first[d]..<first[d + 1]`.
        private(set) var first: [Int] = [0]
        private(set) var features: [Int32] = []
        /// The counts, whole numbers (a stem's weight, an entity's mentions in the document).
        private(set) var counts: [UInt16] = []

        package init() {}

        init(_ bags: [Bag]) {
            first.reserveCapacity(bags.count + 1)
            for bag in bags { append(bag) }
        }

        var count: Int { first.count - 1 }

        mutating func append(_ bag: Bag) {
            features.reserveGently(bag.count)
            counts.reserveGently(bag.count)
            first.reserveGently(1)
            for (t, c) in bag {
                features.append(t)
                counts.append(UInt16(clamping: Int(c.rounded())))
            }
            first.append(features.count)
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
        for t in bags.features { featureCount = max(featureCount, Int(t) + 1) }
        var df = [Int32](repeating: 0, count: featureCount)
        for t in bags.features { df[Int(t)] += 1 }
        // Each bag's norm over the features in at most `maxDF` bags (as `unitVector` makes it).
        var norms = [Float](repeating: 0, count: n)
        for d in 0..<n {
            var norm: Float = 0
            for k in bags.first[d]..<bags.first[d + 1] {
                let f = Int(df[Int(bags.features[k])])
                guard f <= maxDF else { continue }
                let w = weight(count: Float(bags.counts[k]), documents: f, collection: collection)
                norm += w * w
            }
            norms[d] = norm.squareRoot()
        }
        // Feature k's weight in its bag d, scaled to unit length (0 for a feature left out, and for every feature
        // of a bag with none counted).
        func unitWeight(_ k: Int, of d: Int) -> Float {
            let f = Int(df[Int(bags.features[k])])
            guard f <= maxDF, norms[d] > 0 else { return 0 }
            return weight(count: Float(bags.counts[k]), documents: f, collection: collection) / norms[d]
        }
        // A posted feature: in more than one bag and weighed (a weight is never 0 for a feature counted:
        // `weight`'s factors are positive).
        func isPosted(_ k: Int, of d: Int) -> Bool {
            let f = df[Int(bags.features[k])]
            return f > 1 && Int(f) <= maxDF && unitWeight(k, of: d) != 0
        }
        // Postings of the features counted in more than one bag: feature t's are at start[t]..<start[t + 1].
        var start = [Int](repeating: 0, count: featureCount + 1)
        for d in 0..<n {
            for k in bags.first[d]..<bags.first[d + 1] where isPosted(k, of: d) { start[Int(bags.features[k]) + 1] += 1 }
        }
        for t in 0..<featureCount { start[t + 1] += start[t] }
        var postedDoc = [Int32](repeating: 0, count: start[featureCount])
        var postedWeight = [Float](repeating: 0, count: start[featureCount])
        var next = start
        for d in 0..<n {
            for k in bags.first[d]..<bags.first[d + 1] where isPosted(k, of: d) {
                let t = Int(bags.features[k])
                postedDoc[next[t]] = Int32(d)
                postedWeight[next[t]] = unitWeight(k, of: d)
                next[t] += 1
            }
        }
        next = []
        var scratch = [Float](repeating: 0, count: n)
        var touched: [Int] = []
        for i in 0..<n {
            for k in bags.first[i]..<bags.first[i + 1] where isPosted(k, of: i) {
                let w = unitWeight(k, of: i), t = Int(bags.features[k])
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
