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
    /// Whether `tag(document:)` tags a name again where it recurs untagged (`NERConsistency`): in 10-fold
    /// cross-validation on ANERCorp's training part, +1.1 FB1 (76.4 to 77.5).
    public var consistency = true
    /// Per tag, a score added to every token's emissions before decoding (cross-validation tries several;
    /// a shipped model carries its bias in its weights instead). Empty: none.
    var emissionBias: [Float] = []

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
        extractor = NERFeatureExtractor(lexicon: lexicon, names: model.names, stats: model.stats, options: model.featureOptions)
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
        var forms: [[UInt64]] = [], formStarts: [[Int]] = [], common: [[Bool]] = []
        emissions.reserveCapacity(sentences.count)
        for words in sentences {
            extractor.extract(words, into: &features)
            var e = [Float](repeating: 0, count: words.count * t)
            base.addScores(features, to: &e)
            if emissionBias.count == t {
                for i in 0..<words.count { for k in 0..<t { e[i * t + k] += emissionBias[k] } }
            }
            firstStage.append(NERTagger.decode(e, words.count, t, baseTransitions))
            emissions.append(e)
            stems.append(features.stems)
            if consistency { forms.append(features.forms); formStarts.append(features.formStarts); common.append(features.common) }
        }
        if consistency, sentences.count > 1 {
            NERConsistency.apply(&firstStage, forms: forms, formStarts: formStarts, common: common, tags: tags)
        }
        if document.isEmpty { return firstStage }
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

/// A weight table in an open-addressing hash table whose slots hold the feature hash and its Int16 weights
/// together (32 bytes for 9 tags), so a lookup costs one cache miss; key 0 marks an empty slot.
struct HashedWeights: Sendable {
    private let slots: [UInt64]     // per slot: key, then the weights packed four to a word
    private let wordsPerSlot: Int
    private let slotMask: Int
    private let scale: Float
    let isEmpty: Bool
    private let tagCount: Int

    init(_ table: NERModel.Table, tagCount: Int) {
        var capacity = 16
        while capacity < table.hashes.count * 2 { capacity <<= 1 }
        let words = 1 + (tagCount + 3) / 4
        var slots = [UInt64](repeating: 0, count: capacity * words)
        let mask = capacity - 1
        for (row, hash) in table.hashes.enumerated() where hash != 0 {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot * words] != 0 { slot = (slot + 1) & mask }
            slots[slot * words] = hash
            for k in 0..<tagCount {
                let bits = UInt64(UInt16(bitPattern: table.weights[row * tagCount + k]))
                slots[slot * words + 1 + k / 4] |= bits << (16 * UInt64(k % 4))
            }
        }
        self.slots = slots
        isEmpty = table.hashes.isEmpty
        wordsPerSlot = words
        slotMask = mask
        scale = table.scale
        self.tagCount = tagCount
    }

    /// Adds each token's feature weights to its row of `emissions` (tokens × tags).
    ///
    /// Two passes: the first only loads the home slot's key of every feature of the sentence (independent
    /// loads, so the processor overlaps their cache misses); the second compares and sums.
    func addScores(_ features: NERFeatureExtractor.Output, to emissions: inout [Float]) {
        let t = tagCount, words = wordsPerSlot, mask = slotMask
        var sums = [Int32](repeating: 0, count: t)
        let count = features.hashes.count
        var homeKeys = [UInt64](repeating: 0, count: count)
        slots.withUnsafeBufferPointer { table in
            features.hashes.withUnsafeBufferPointer { hashes in
                homeKeys.withUnsafeMutableBufferPointer { home in
                    for f in 0..<count {
                        home[f] = table[(Int(truncatingIfNeeded: hashes[f]) & mask) &* words]
                    }
                }
            }
        }
        slots.withUnsafeBufferPointer { table in
            table.baseAddress!.withMemoryRebound(to: Int16.self, capacity: table.count * 4) { weights in
                features.hashes.withUnsafeBufferPointer { hashes in
                    homeKeys.withUnsafeBufferPointer { home in
                        sums.withUnsafeMutableBufferPointer { sums in
                            emissions.withUnsafeMutableBufferPointer { emissions in
                                for i in 0..<features.count {
                                    for k in 0..<t { sums[k] = 0 }
                                    for f in features.starts[i]..<features.starts[i + 1] {
                                        let h = hashes[f]
                                        var key = home[f]
                                        if key == 0 { continue }
                                        var slot = Int(truncatingIfNeeded: h) & mask
                                        while key != h {
                                            slot = (slot &+ 1) & mask
                                            key = table[slot &* words]
                                            if key == 0 { break }
                                        }
                                        if key != h { continue }
                                        // Little-endian packing: weight k is Int16 number 4 + k of the slot.
                                        let base = slot &* words &* 4 &+ 4
                                        for k in 0..<t { sums[k] &+= Int32(weights[base &+ k]) }
                                    }
                                    for k in 0..<t { emissions[i &* t &+ k] += Float(sums[k]) * scale }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension NERTagger {
    /// How the training corpus used a word, read as the tagger reads it (normalized, proclitics stripped): the
    /// times its stem was seen and how many of those were inside a name. (0, 0) for a word never seen. Lets a rule
    /// tell a common noun ("اللاجئين", seen often and never as a name) from an unknown word that may be a name.
    public func trainingUse(of word: String) -> (seen: Int, names: Int) {
        var scalars: [UInt32] = []
        ArabicNormalizer.shared.appendNormalized(word, to: &scalars)
        guard !scalars.isEmpty, !extractor.stats.isEmpty else { return (0, 0) }
        return scalars.withUnsafeBufferPointer { buf in
            var scratch: [Int] = []
            let r = 0..<buf.count
            let stemStart = ProcliticStripper.stemStart(buf, r, scratch: &scratch)
            let packed = extractor.stats.packed(FeatureHash.scalars(buf, stemStart..<r.upperBound))
            let total = WordStats.total(packed)
            return (total, total - WordStats.count(packed, 0))
        }
    }
}
