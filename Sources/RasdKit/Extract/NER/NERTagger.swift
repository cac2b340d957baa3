import Foundation

/// The statistical named-entity tagger: a linear-chain model (averaged structured perceptron) over hashed
/// features, decoded with Viterbi over BIO tags. Tags are PERS, LOC, ORG, MISC as in ANERCorp.
public struct NERTagger: Sendable {
    public let tags: [String]
    let extractor: NERFeatureExtractor
    // Open-addressing table: feature hash → weight row.
    private let slotKeys: [UInt64]
    private let slotRows: [Int32]
    private let slotMask: Int
    private let weights: [Int16]
    private let scale: Float
    private let transitions: [Float]   // learned + BIO constraints

    private static let cached: Result<NERTagger, Error> = Result {
        try NERTagger(contentsOf: ResourceStore.url("ner/anercorp.model"))
    }

    /// The tagger trained on ANERCorp shipped in `Resources/ner/anercorp.model` (loaded once).
    public static func bundled() throws -> NERTagger { try cached.get() }

    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw NERModel.FormatError(message: "cannot read \(url.path)")
        }
        try self.init(model: NERModel(data: data), lexicon: NERLexicon.fromResources())
    }

    init(model: NERModel, lexicon: NERLexicon) {
        tags = model.tags
        extractor = NERFeatureExtractor(lexicon: lexicon, names: model.names)
        var capacity = 16
        while capacity < model.featureHashes.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, hash) in model.featureHashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = hash
            rows[slot] = Int32(row)
        }
        slotKeys = keys
        slotRows = rows
        slotMask = mask
        weights = model.weights
        scale = model.scale
        let constraints = Viterbi.constraints(model.tags)
        transitions = zip(model.transitions, constraints).map { $0 + $1 }
    }

    /// BIO tags (e.g. "B-PERS", "I-LOC", "O") for one sentence of tokens given as their surface strings.
    public func tag(_ words: [String]) -> [String] {
        tagIndices(words).map { tags[$0] }
    }

    func tagIndices(_ words: [String]) -> [Int] {
        var features = NERFeatureExtractor.Output()
        extractor.extract(words, into: &features)
        let n = words.count, t = tags.count
        var emissions = [Float](repeating: 0, count: n * t)
        var sums = [Int32](repeating: 0, count: t)
        slotKeys.withUnsafeBufferPointer { keys in
            slotRows.withUnsafeBufferPointer { rows in
                weights.withUnsafeBufferPointer { w in
                    features.hashes.withUnsafeBufferPointer { hashes in
                        for i in 0..<n {
                            for k in 0..<t { sums[k] = 0 }
                            for f in features.range(i) {
                                let h = hashes[f]
                                var slot = Int(truncatingIfNeeded: h) & slotMask
                                while true {
                                    let row = rows[slot]
                                    if row < 0 { break }
                                    if keys[slot] == h {
                                        let base = Int(row) * t
                                        for k in 0..<t { sums[k] &+= Int32(w[base + k]) }
                                        break
                                    }
                                    slot = (slot + 1) & slotMask
                                }
                            }
                            for k in 0..<t { emissions[i * t + k] = Float(sums[k]) * scale }
                        }
                    }
                }
            }
        }
        var path: [Int] = []
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { tr in
                Viterbi.decode(e, count: n, tagCount: t, transitions: tr, into: &path)
            }
        }
        return path
    }
}
