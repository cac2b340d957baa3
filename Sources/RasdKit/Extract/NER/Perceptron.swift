/// The averaged structured perceptron's state: weights per (feature, tag) and per tag transition, with the
/// running sums that give the averaged weights without touching every weight at every step.
struct Perceptron {
    let tagCount: Int
    private(set) var weights: [Float]
    private(set) var transitions: [Float]
    private var weightSums: [Double]      // Σ step × update, for averaging
    private var transitionSums: [Double]
    private var step: Double = 1
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

        func decode(_ e: Encoded) -> [Int] {
            let n = e.gold.count
            var emissions = [Float](repeating: 0, count: n * tagCount)
            Perceptron.score(e, weights, tagCount, &emissions)
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
    mutating func learn(_ e: Encoded) -> [Int] {
        let n = e.gold.count, t = tagCount
        var emissions = [Float](repeating: 0, count: n * t)
        Perceptron.score(e, weights, t, &emissions)
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

    private static func update(_ w: inout [Float], _ sums: inout [Double], _ index: Int, _ delta: Float, _ step: Double) {
        w[index] += delta
        sums[index] += step * Double(delta)
    }
}
