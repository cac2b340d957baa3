/// The averaged structured perceptron's state: weights per (feature, tag) and per tag transition, with the
/// running sums that give the averaged weights without touching every weight at every step.
struct Perceptron {
    let tagCount: Int
    private(set) var weights: [Float]
    private(set) var transitions: [Float]
    private var weightSums: [Double]      // Σ step × update, for averaging
    private var transitionSums: [Double]
    private var step: Double = 1
    /// Feature dropout rate during training.
    var dropout = 0.0
    /// Margin for loss-augmented decoding during training (0: plain perceptron).
    var margin: Float = 0
    private var rng = SplitMix(seed: 0xD20F)
    private let constraints: [Float]

    init(featureCount: Int, tags: [String]) {
        tagCount = tags.count
        weights = [Float](repeating: 0, count: featureCount * tags.count)
        weightSums = [Double](repeating: 0, count: featureCount * tags.count)
        transitions = [Float](repeating: 0, count: (tags.count + 1) * tags.count)
        transitionSums = [Double](repeating: 0, count: (tags.count + 1) * tags.count)
        constraints = Viterbi.constraints(tags)
    }

    /// Averaged weights, for decoding and saving.
    struct Averaged {
        let tagCount: Int
        let weights: [Float]
        let transitions: [Float]   // learned only
        let constrained: [Float]   // learned + BIO constraints

        /// The mean of several models over the same features and tags.
        static func mean(_ models: [Averaged]) -> Averaged {
            if models.count == 1 { return models[0] }
            let k = Float(models.count)
            var w = models[0].weights, tr = models[0].transitions
            for m in models.dropFirst() {
                for i in 0..<w.count { w[i] += m.weights[i] }
                for i in 0..<tr.count { tr[i] += m.transitions[i] }
            }
            for i in 0..<w.count { w[i] /= k }
            for i in 0..<tr.count { tr[i] /= k }
            let constraints = zip(models[0].constrained, models[0].transitions).map { $0 - $1 }
            return Averaged(tagCount: models[0].tagCount, weights: w, transitions: tr, constrained: zip(tr, constraints).map { $0 + $1 })
        }

        func decode(_ e: Encoded, base: [Float]? = nil) -> [Int] {
            let emissions = self.emissions(e, base: base)
            return decode(emissions: emissions, count: e.gold.count)
        }

        func emissions(_ e: Encoded, base: [Float]? = nil) -> [Float] {
            var emissions = base ?? [Float](repeating: 0, count: e.gold.count * tagCount)
            Perceptron.score(e, weights, tagCount, &emissions)
            return emissions
        }

        func decode(emissions: [Float], count n: Int) -> [Int] {
            var path: [Int] = []
            emissions.withUnsafeBufferPointer { em in
                constrained.withUnsafeBufferPointer { tr in
                    Viterbi.decode(em, count: n, tagCount: tagCount, transitions: tr, into: &path)
                }
            }
            return path
        }
    }

    func averaged() -> Averaged {
        let w = zip(weights, weightSums).map { Float(Double($0) - $1 / step) }
        let tr = zip(transitions, transitionSums).map { Float(Double($0) - $1 / step) }
        return Averaged(tagCount: tagCount, weights: w, transitions: tr, constrained: zip(tr, constraints).map { $0 + $1 })
    }

    static func score(_ e: Encoded, _ weights: [Float], _ t: Int, _ emissions: inout [Float]) {
        weights.withUnsafeBufferPointer { w in
            e.features.withUnsafeBufferPointer { f in
                for i in 0..<e.gold.count {
                    for k in Int(e.starts[i])..<Int(e.starts[i + 1]) {
                        let base = Int(f[k]) * t
                        for y in 0..<t { emissions[i * t + y] += w[base + y] }
                    }
                }
            }
        }
    }

    /// Decodes one sentence with the current weights, updates them towards the gold tags, and returns the
    /// prediction made before the update.
    mutating func learn(_ whole: Encoded, base: [Float]? = nil) -> [Int] {
        let e = dropout > 0 ? thinned(whole) : whole
        let n = e.gold.count, t = tagCount
        var emissions = base ?? [Float](repeating: 0, count: n * t)
        Perceptron.score(e, weights, t, &emissions)
        if margin > 0 {
            // Loss-augmented decoding: every wrong tag gets a head start, so updates continue until the gold
            // path wins by a margin (better generalization than just winning).
            for i in 0..<n { for y in 0..<t where y != e.gold[i] { emissions[i * t + y] += margin } }
        }
        let constrained = zip(transitions, constraints).map { $0 + $1 }
        var path: [Int] = []
        emissions.withUnsafeBufferPointer { em in
            constrained.withUnsafeBufferPointer { tr in
                Viterbi.decode(em, count: n, tagCount: t, transitions: tr, into: &path)
            }
        }
        if path != e.gold {
            for i in 0..<n {
                let g = e.gold[i], p = path[i]
                let gPrev = i == 0 ? t : e.gold[i - 1], pPrev = i == 0 ? t : path[i - 1]
                if g != p {
                    for k in Int(e.starts[i])..<Int(e.starts[i + 1]) {
                        let base = Int(e.features[k]) * t
                        Perceptron.update(&weights, &weightSums, base + g, 1, step)
                        Perceptron.update(&weights, &weightSums, base + p, -1, step)
                    }
                }
                if g != p || gPrev != pPrev {
                    Perceptron.update(&transitions, &transitionSums, gPrev * t + g, 1, step)
                    Perceptron.update(&transitions, &transitionSums, pPrev * t + p, -1, step)
                }
            }
        }
        step += 1
        return path
    }

    /// Randomly drops features (rate `dropout`) so the model cannot lean on any one of them, above all on
    /// the identity of names it has seen: it learns the contexts too.
    private mutating func thinned(_ e: Encoded) -> Encoded {
        var out = Encoded(gold: e.gold)
        out.features.reserveCapacity(e.features.count)
        let threshold = UInt64(dropout * Double(UInt64.max))
        for i in 0..<e.gold.count {
            for k in Int(e.starts[i])..<Int(e.starts[i + 1]) where rng.next() >= threshold { out.features.append(e.features[k]) }
            out.starts.append(Int32(out.features.count))
        }
        return out
    }

    private static func update(_ w: inout [Float], _ sums: inout [Double], _ index: Int, _ delta: Float, _ step: Double) {
        w[index] += delta
        sums[index] += step * Double(delta)
    }
}
