import Foundation

/// The statistical named-entity tagger: a linear-chain model (averaged structured perceptron) over hashed
/// features, decoded with Viterbi over BIO tags. Tags are PERS, LOC, ORG, MISC as in ANERCorp.
///
/// Two stages: the first tags each sentence from its own words; the second adds what the first stage tagged
/// and how the same words were tagged elsewhere in the document (`tag(document:)`), so a name recognized once
/// is recognized again.
public struct NERTagger: Sendable {
    public let tags: [String]
    let extractor: NERFeatureExtractor
    private let base: HashedWeights
    private let baseTransitions: [Float]       // learned + BIO constraints
    private let document: HashedWeights
    private let documentTransitions: [Float]
    private let typeOf: [Int]
    private let typeCount: Int

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
        base = HashedWeights(model.base, tagCount: model.tags.count)
        document = HashedWeights(model.document, tagCount: model.tags.count)
        let constraints = Viterbi.constraints(model.tags)
        baseTransitions = zip(model.transitions, constraints).map { $0 + $1 }
        documentTransitions = zip(model.documentTransitions, constraints).map { $0 + $1 }
        (typeOf, typeCount) = NERTagger.types(model.tags)
    }

    /// Entity type number per tag (0 for O) and the number of types.
    static func types(_ tags: [String]) -> ([Int], Int) {
        var numbers: [Substring: Int] = [:]
        let typeOf = tags.map { tag -> Int in
            let type = BIOTag.split(tag).type
            if type.isEmpty { return 0 }
            if let k = numbers[type] { return k }
            numbers[type] = numbers.count + 1
            return numbers.count
        }
        return (typeOf, numbers.count)
    }

    /// BIO tags (e.g. "B-PERS", "I-LOC", "O") for one sentence of tokens given as their surface strings.
    public func tag(_ words: [String]) -> [String] {
        tag(document: [words])[0]
    }

    /// BIO tags for every sentence of one document (an article): better than tagging sentence by sentence, as a
    /// name tagged in one sentence helps in the others.
    public func tag(document sentences: [[String]]) -> [[String]] {
        tagIndices(document: sentences).map { $0.map { tags[$0] } }
    }

    func tagIndices(document sentences: [[String]]) -> [[Int]] {
        let t = tags.count
        var features = NERFeatureExtractor.Output()
        var emissions: [[Float]] = []
        var stems: [[UInt64]] = []
        var firstStage: [[Int]] = []
        emissions.reserveCapacity(sentences.count)
        for words in sentences {
            extractor.extract(words, into: &features)
            var e = [Float](repeating: 0, count: words.count * t)
            base.addScores(features, to: &e)
            firstStage.append(NERTagger.decode(e, words.count, t, baseTransitions))
            emissions.append(e)
            stems.append(features.stems)
        }
        let extra = NERDocumentFeatures.extract(stems: stems, firstStage: firstStage, typeOf: typeOf, typeCount: typeCount)
        var result: [[Int]] = []
        result.reserveCapacity(sentences.count)
        for (k, words) in sentences.enumerated() {
            document.addScores(extra[k], to: &emissions[k])
            result.append(NERTagger.decode(emissions[k], words.count, t, documentTransitions))
        }
        return result
    }

    static func decode(_ emissions: [Float], _ n: Int, _ t: Int, _ transitions: [Float]) -> [Int] {
        var path: [Int] = []
        emissions.withUnsafeBufferPointer { e in
            transitions.withUnsafeBufferPointer { tr in
                Viterbi.decode(e, count: n, tagCount: t, transitions: tr, into: &path)
            }
        }
        return path
    }
}

/// A weight table in an open-addressing hash table (feature hash → row of Int16 weights), for lookups
/// without hashing twice or comparing strings.
struct HashedWeights: Sendable {
    private let slotKeys: [UInt64]
    private let slotRows: [Int32]
    private let slotMask: Int
    private let weights: [Int16]
    private let scale: Float
    private let tagCount: Int

    init(_ table: NERModel.Table, tagCount: Int) {
        var capacity = 16
        while capacity < table.hashes.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        let mask = capacity - 1
        for (row, hash) in table.hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while rows[slot] >= 0 { slot = (slot + 1) & mask }
            keys[slot] = hash
            rows[slot] = Int32(row)
        }
        slotKeys = keys
        slotRows = rows
        slotMask = mask
        weights = table.weights
        scale = table.scale
        self.tagCount = tagCount
    }

    /// Adds each token's feature weights to its row of `emissions` (tokens × tags).
    func addScores(_ features: NERFeatureExtractor.Output, to emissions: inout [Float]) {
        let t = tagCount
        var sums = [Int32](repeating: 0, count: t)
        slotKeys.withUnsafeBufferPointer { keys in
            slotRows.withUnsafeBufferPointer { rows in
                weights.withUnsafeBufferPointer { w in
                    features.hashes.withUnsafeBufferPointer { hashes in
                        for i in 0..<features.count {
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
                            for k in 0..<t { emissions[i * t + k] += Float(sums[k]) * scale }
                        }
                    }
                }
            }
        }
    }
}
